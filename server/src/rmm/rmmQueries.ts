import { hasAnyCondition, kqlString } from './kqlLiterals';
import { KIND_LABELS, supportsKind, type DetectionKind, type RmmTool } from './rmmLibrary';

/**
 * Generates RMM detection queries. A single tool and kind gives the short, hand-written shape
 * of the TightVNC hunting query; several tools or kinds give one query driven by a `datatable`
 * of indicators, so that adding a tool means adding rows, not another query.
 *
 * `hunting` queries run in Defender XDR advanced hunting over a look-back window of their own;
 * `rule` queries are Sentinel analytic rule queries, which the rule's queryPeriod bounds, so they
 * carry no window and summarise on TimeGenerated.
 */
export type QueryTarget = 'hunting' | 'rule';

export interface GenerateOptions {
  target: QueryTarget;
  /** The hunting look-back as a KQL timespan literal such as `5d`; ignored for rules. */
  lookback?: string;
}

export interface GeneratedQuery {
  text: string;
  /** The tables the query reads, for a rule's requiredDataConnectors. */
  tables: string[];
  /** The kinds that were generated: requested kinds that no chosen tool supports are left out. */
  kinds: DetectionKind[];
  /** The tools that were generated: chosen tools with no indicator for any generated kind are left out. */
  tools: RmmTool[];
  /** Output columns worth mapping to entities. */
  columns: string[];
}

/** The fields of the indicator table, and the column of each kind's table they are matched on. */
type IndicatorField = 'Domain' | 'Company' | 'Product' | 'Signer';

interface KindShape {
  table: string;
  fields: Partial<Record<IndicatorField, string>>;
  /** The columns a summary row is kept per, besides the device. */
  groupBy: string[];
  letName: string;
}

const SHAPES: Record<DetectionKind, KindShape> = {
  network: {
    table: 'DeviceNetworkEvents',
    fields: {
      Domain: 'RemoteUrl',
      Company: 'InitiatingProcessVersionInfoCompanyName',
      Product: 'InitiatingProcessVersionInfoProductName',
    },
    groupBy: ['RemoteUrl'],
    letName: 'RmmNetwork',
  },
  process: {
    table: 'DeviceProcessEvents',
    fields: { Company: 'ProcessVersionInfoCompanyName', Product: 'ProcessVersionInfoProductName' },
    groupBy: ['AccountUpn'],
    letName: 'RmmProcess',
  },
  fileSignature: {
    table: 'DeviceFileCertificateInfo',
    fields: { Signer: 'Signer' },
    groupBy: ['Signer'],
    letName: 'RmmFileSignature',
  },
};

const FIELD_VALUES: Record<IndicatorField, (tool: RmmTool) => string[]> = {
  Domain: (t) => t.domains,
  Company: (t) => t.companies,
  Product: (t) => t.products,
  Signer: (t) => t.signers,
};

function timeColumn(options: GenerateOptions): string {
  return options.target === 'rule' ? 'TimeGenerated' : 'Timestamp';
}

function windowLets(options: GenerateOptions): string[] {
  if (options.target === 'rule') return [];
  return [`let TimeStart = ago(${options.lookback ?? '5d'});`, 'let TimeEnd = now();'];
}

function windowFilter(options: GenerateOptions): string[] {
  return options.target === 'rule' ? [] : [`| where ${timeColumn(options)} between (TimeStart .. TimeEnd)`];
}

function summaryLine(options: GenerateOptions, by: string[]): string {
  const t = timeColumn(options);
  return `| summarize FirstSeen = min(${t}), LastSeen = max(${t}), Report = make_set(ReportId), Count = count() by ${by.join(', ')}`;
}

/** The seed's shape: one table, the tool's indicators ANDed across fields, ORed within one. */
function singleToolQuery(tool: RmmTool, kind: DetectionKind, options: GenerateOptions): string {
  const shape = SHAPES[kind];
  const conditions = (Object.entries(shape.fields) as [IndicatorField, string][])
    .filter(([field]) => FIELD_VALUES[field](tool).length > 0)
    .map(([field, column]) => hasAnyCondition(column, FIELD_VALUES[field](tool), '    '));
  return [
    ...windowLets(options),
    shape.table,
    ...windowFilter(options),
    `| where ${conditions.join('\n    and ')}`,
    summaryLine(options, ['DeviceId', 'DeviceName', ...shape.groupBy]),
    `| extend Tool = ${kqlString(tool.name)}`,
    '',
  ].join('\n');
}

function indicatorRows(tools: readonly RmmTool[], kinds: readonly DetectionKind[]): string[] {
  const fields = new Set<IndicatorField>(
    kinds.flatMap((k) => Object.keys(SHAPES[k].fields) as IndicatorField[]),
  );
  const rows: string[] = [];
  for (const tool of tools) {
    for (const field of fields) {
      if (!kinds.some((k) => supportsKind(tool, k) && SHAPES[k].fields[field])) continue;
      const values = FIELD_VALUES[field](tool);
      if (values.length > 0)
        rows.push(
          `    ${kqlString(tool.name)}, ${kqlString(field)}, dynamic([${values.map(kqlString).join(', ')}]),`,
        );
    }
  }
  return rows;
}

/**
 * One leg of the datatable-driven query. Events are first narrowed with `has_any` over every
 * indicator of the kind, then paired with each indicator to learn which tool and field they
 * match; an event counts for a tool only when it matches every field that tool has indicators
 * for (company and product, say), as the single-tool query requires.
 */
function datatableLeg(kind: DetectionKind, options: GenerateOptions): string[] {
  const shape = SHAPES[kind];
  const name = shape.letName;
  const fields = Object.entries(shape.fields) as [IndicatorField, string][];
  const t = timeColumn(options);
  const narrow = fields.map(
    ([field, column]) =>
      `${column} has_any (${name}Indicators | where Field == ${kqlString(field)} | project Indicator)`,
  );
  const pair = fields.map(([field, column]) => `(Field == ${kqlString(field)} and ${column} has Indicator)`);
  return [
    `let ${name}Indicators = RmmIndicators | where Field in (${fields.map(([f]) => kqlString(f)).join(', ')});`,
    `let ${name}Required = ${name}Indicators | summarize Required = make_set(Field) by Tool;`,
    `let ${name} =`,
    `    ${shape.table}`,
    ...windowFilter(options).map((l) => `    ${l}`),
    `    | where ${narrow.join('\n        or ')}`,
    '    | extend JoinKey = 1',
    `    | join kind=inner (${name}Indicators | extend JoinKey = 1) on JoinKey`,
    `    | where ${pair.join('\n        or ')}`,
    `    | summarize Matched = make_set(Field) by Tool, DeviceId, DeviceName, ReportId, ${t}, ${shape.groupBy.join(', ')}`,
    `    | join kind=inner ${name}Required on Tool`,
    '    | where array_length(set_difference(Required, Matched)) == 0',
    `    ${summaryLine(options, ['Tool', 'DeviceId', 'DeviceName', ...shape.groupBy])}`,
    `    | extend DetectionKind = ${kqlString(KIND_LABELS[kind])};`,
  ];
}

function datatableQuery(
  tools: readonly RmmTool[],
  kinds: readonly DetectionKind[],
  options: GenerateOptions,
): string {
  const legs = kinds.flatMap((k) => datatableLeg(k, options));
  const names = kinds.map((k) => SHAPES[k].letName);
  return [
    ...windowLets(options),
    '// An event is attributed to a tool when it matches one value of every field the tool has for its kind.',
    'let RmmIndicators = datatable(Tool: string, Field: string, Values: dynamic) [',
    ...indicatorRows(tools, kinds),
    ']',
    '| mv-expand Indicator = Values to typeof(string)',
    '| project Tool, Field, Indicator;',
    ...legs,
    names.length === 1 ? names[0] : `union ${names.join(', ')}`,
    '',
  ].join('\n');
}

/** Output columns of the query, for entity mappings. */
function outputColumns(kinds: readonly DetectionKind[]): string[] {
  const cols = new Set(['Tool', 'DeviceId', 'DeviceName']);
  for (const k of kinds) for (const c of SHAPES[k].groupBy) cols.add(c);
  return [...cols];
}

/**
 * The detection query for the chosen tools and kinds. Kinds that none of the tools has
 * indicators for are dropped; when nothing is left the error says why.
 */
export function rmmDetectionQuery(
  tools: readonly RmmTool[],
  kinds: readonly DetectionKind[],
  options: GenerateOptions,
): GeneratedQuery {
  if (tools.length === 0) throw new Error('Choose at least one RMM tool.');
  const usable = kinds.filter((k) => tools.some((t) => supportsKind(t, k)));
  if (usable.length === 0) {
    const wanted = kinds.map((k) => KIND_LABELS[k].toLowerCase()).join(' or ');
    throw new Error(
      `None of ${tools.map((t) => t.name).join(', ')} has indicators for a ${wanted} detection.`,
    );
  }
  const usableTools = tools.filter((t) => usable.some((k) => supportsKind(t, k)));
  const text =
    usableTools.length === 1 && usable.length === 1
      ? singleToolQuery(usableTools[0], usable[0], options)
      : datatableQuery(usableTools, usable, options);
  return {
    text,
    tables: usable.map((k) => SHAPES[k].table),
    kinds: usable,
    tools: usableTools,
    columns: outputColumns(usable),
  };
}
