/**
 * Writes the built-in catalogues (server/src/schema/data/*.json) from the schema facts in
 * ../shared/reference: table names, column names and types. Descriptions come only from
 * ourDescriptions.ts. Run with `npm run schema:generate`; the product never reads ../shared.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSchemaFile } from '../../server/src/schema/customSchemaFiles';
import { parseLenientJson } from '../../server/src/schema/lenientJson';
import { normalizeTypeName } from '../../server/src/schema/typeNames';
import type { ColumnDef, EnvironmentSchema, FunctionDef, TableDef } from '../../server/src/schema/types';
import { asimParsers } from './asimParsers';
import { COLUMN_DESCRIPTIONS, TABLE_DESCRIPTIONS } from './ourDescriptions';

const ROOT = process.cwd();
const REF = path.resolve(ROOT, '..', 'shared', 'reference');
const OUT = path.join(ROOT, 'server', 'src', 'schema', 'data');

/** Columns every Log Analytics table has, whether or not its reference page lists them. */
const STANDARD_COLUMNS: ColumnDef[] = [
  { name: 'TenantId', type: 'string' },
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'SourceSystem', type: 'string' },
  { name: 'Type', type: 'string' },
  { name: '_ResourceId', type: 'string' },
  { name: '_SubscriptionId', type: 'string' },
  { name: '_ItemId', type: 'string' },
  // Typed string on the table pages yet compared with true in the documentation's own examples.
  { name: '_IsBillable', type: 'dynamic' },
  { name: '_BilledSize', type: 'real' },
  { name: '_TimeReceived', type: 'datetime' },
];
const STANDARD_NAMES = new Set([...STANDARD_COLUMNS.map((c) => c.name), 'MachineGroup']);

/** Tables whose columns depend on what writes to them, so any column name is accepted. */
const OPEN_TABLES = new Set(['AzureDiagnostics']);

function readJson(file: string): unknown {
  const r = parseLenientJson(fs.readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${r.message}`);
  return r.value;
}

function jsonFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
    .map((f) => path.join(dir, f));
}

function columnsOf(raw: { name: string; type: string }[], where: string): ColumnDef[] {
  return raw.map((c) => {
    const type = normalizeTypeName(c.type);
    if (!type) throw new Error(`${where}.${c.name}: unknown type ${c.type}`);
    return { name: c.name.trim(), type };
  });
}

/** Adds columns that are not there yet; the first source to name a column decides its type. */
function union(target: Map<string, ColumnDef>, columns: readonly ColumnDef[]): void {
  for (const c of columns) if (!target.has(c.name)) target.set(c.name, { name: c.name, type: c.type });
}

function defenderDocs(): Map<string, ColumnDef[]> {
  const out = new Map<string, ColumnDef[]>();
  for (const file of jsonFiles(path.join(REF, 'defender-xdr-columns'))) {
    const j = readJson(file) as { table: string; columns: { name: string; type: string }[] };
    out.set(j.table, columnsOf(j.columns, j.table));
  }
  return out;
}

function logAnalytics(): Map<string, Map<string, ColumnDef>> {
  const out = new Map<string, Map<string, ColumnDef>>();
  const dir = path.join(REF, 'log-analytics-columns');
  // The per-table files are the more careful source, so they go first.
  for (const file of jsonFiles(dir)) {
    const j = readJson(file) as { table: string; columns: { name: string; type: string }[] };
    union(out.get(j.table) ?? out.set(j.table, new Map()).get(j.table)!, columnsOf(j.columns, j.table));
  }
  const all = readJson(path.join(dir, '_ALL_TABLES.json')) as {
    tables: Record<string, { columns: { name: string; type: string }[] }>;
  };
  for (const [name, t] of Object.entries(all.tables))
    union(out.get(name) ?? out.set(name, new Map()).get(name)!, columnsOf(t.columns, name));
  return out;
}

/** Sentinel's own validation schemas: the 2022 custom tables, the embedded built-ins and the current XDR files. */
function sentinelValidation(): { tables: Map<string, ColumnDef[]>; functions: Map<string, FunctionDef> } {
  const tables = new Map<string, ColumnDef[]>();
  const functions = new Map<string, FunctionDef>();
  const base = path.join(REF, 'sentinel-ci-schemas');
  for (const folder of [
    'KustoServices_5.0.1_embedded',
    'CustomTables_2022-08',
    'CustomFunctions_2022-08',
    'upstream_latest',
  ]) {
    const dir = path.join(base, folder);
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json') || !n.includes('.'))) {
      const parsed = parseSchemaFile(fs.readFileSync(path.join(dir, f), 'utf8'));
      const errors = parsed.problems.filter((p) => p.severity === 'error');
      if (errors.length) throw new Error(`${folder}/${f}: ${errors[0].message}`);
      for (const t of parsed.tables) tables.set(t.name, [...(tables.get(t.name) ?? []), ...t.columns]);
      for (const fn of parsed.functions) if (!functions.has(fn.name)) functions.set(fn.name, fn);
    }
  }
  return { tables, functions };
}

function describe(table: TableDef): TableDef {
  const description = TABLE_DESCRIPTIONS[table.name];
  const columns = table.columns.map((c) =>
    COLUMN_DESCRIPTIONS[c.name] ? { ...c, description: COLUMN_DESCRIPTIONS[c.name] } : c,
  );
  return {
    name: table.name,
    ...(description ? { description } : {}),
    ...(table.open ? { open: true } : {}),
    columns,
  };
}

/** Functions of Defender XDR advanced hunting, from the documented parameters and result columns. */
function defenderFunctions(): FunctionDef[] {
  const dir = path.join(REF, 'defender-xdr-columns', 'functions');
  const out: FunctionDef[] = [];
  for (const file of jsonFiles(dir)) {
    const j = readJson(file) as {
      function: string;
      kind: string;
      syntax: string;
      parameters: { name: string; type: string; optional: boolean; default: string | null }[];
      columns: { name: string; type: string }[];
    };
    const invoked = j.syntax.trim().startsWith('invoke ');
    const keeps = /appends|preserved/.test(j.kind);
    const parameters = j.parameters.map((p, i) => {
      const type = normalizeTypeName(p.type)!;
      // DeviceFromIP's documentation marks its address required yet calls it with no arguments.
      const optional = p.optional || (invoked && i === 0);
      const dflt =
        p.default === null ? nullOf(type) : type === 'string' ? JSON.stringify(p.default) : p.default;
      return optional ? { name: p.name, type, defaultValue: dflt } : { name: p.name, type };
    });
    out.push({
      name: j.function,
      parameters,
      resultColumns: columnsOf(j.columns, j.function),
      ...(invoked ? { tabularInput: true } : {}),
      ...(keeps ? { keepsInputColumns: true } : {}),
      description: DEFENDER_FUNCTIONS[j.function],
    });
  }
  return out;
}

function nullOf(type: string): string {
  return type === 'string' ? '""' : `${type}(null)`;
}

const DEFENDER_FUNCTIONS: Record<string, string> = {
  FileProfile: 'Adds file details such as prevalence, signer and threat name to each row; use with invoke.',
  DeviceFromIP: 'Finds the devices that held an internal IP address; use with invoke.',
  AssignedIPAddresses: 'The IP addresses a device has held, most recent first.',
  SeenBy: 'Lists the devices that discovered a device over the network; use with invoke.',
  GetAnomalousBehaviorsAbout: 'Keeps rows whose behavior insights match the given filters; use with invoke.',
  GetAnomalousBehaviorsByKind:
    'Keeps rows with anomalous behavior insights of an entity kind; use with invoke.',
  GetAnomalousBehaviorsByValue:
    'Keeps rows with anomalous behavior insights about an entity value; use with invoke.',
  GetFirstSeenBehaviors: 'Keeps rows whose behavior insights mark a first occurrence; use with invoke.',
  GetHighVolumeAnomalyBehaviors: 'Keeps rows whose behavior insights mark a volume anomaly; use with invoke.',
  GetUncommonValueBehaviors: 'Keeps rows whose behavior insights mark an uncommon value; use with invoke.',
};

function buildDefender(
  docs: Map<string, ColumnDef[]>,
  la: Map<string, Map<string, ColumnDef>>,
): EnvironmentSchema {
  const tables: TableDef[] = [];
  for (const [name, columns] of [...docs].sort(([a], [b]) => a.localeCompare(b))) {
    const merged = new Map<string, ColumnDef>();
    union(merged, columns);
    // The Log Analytics pages of the Device tables list columns that Defender's own pages have
    // not caught up with (process unique IDs, remote-session fields); they exist in both.
    if (name.startsWith('Device'))
      union(
        merged,
        [...(la.get(name)?.values() ?? [])].filter((c) => !STANDARD_NAMES.has(c.name)),
      );
    tables.push(describe({ name, columns: [...merged.values()] }));
  }
  return {
    id: 'defender',
    displayName: 'Defender XDR',
    timeColumn: 'Timestamp',
    tables,
    functions: defenderFunctions(),
  };
}

function buildSentinel(
  docs: Map<string, ColumnDef[]>,
  la: Map<string, Map<string, ColumnDef>>,
): EnvironmentSchema {
  const ci = sentinelValidation();
  const asim = asimParsers(ci.functions);
  const asimNames = new Set(asim.map((f) => f.name));
  const names = new Set([...la.keys(), ...ci.tables.keys(), ...docs.keys()]);
  const tables: TableDef[] = [];
  for (const name of [...names].sort((a, b) => a.localeCompare(b))) {
    // The 2022 validation files declare some parsers as tables; they are functions here.
    if (asimNames.has(name)) continue;
    const merged = new Map<string, ColumnDef>();
    union(merged, [...(la.get(name)?.values() ?? [])]);
    union(merged, ci.tables.get(name) ?? []);
    const defender = docs.get(name);
    if (defender) {
      // Defender tables streamed into Sentinel keep Timestamp beside TimeGenerated, and the two
      // sides spell a few columns differently (ISP/Isp, DocumentID/DocumentId): both are kept.
      union(merged, defender);
      union(merged, [{ name: 'Timestamp', type: 'datetime' }]);
      if (name.startsWith('Device')) union(merged, [{ name: 'MachineGroup', type: 'string' }]);
    }
    union(merged, STANDARD_COLUMNS);
    tables.push(
      describe({ name, columns: [...merged.values()], ...(OPEN_TABLES.has(name) ? { open: true } : {}) }),
    );
  }
  const functions: FunctionDef[] = [
    {
      name: '_GetWatchlist',
      parameters: [{ name: 'watchlistAlias', type: 'string' }],
      resultColumns: [
        { name: '_DTItemId', type: 'string' },
        { name: 'LastUpdatedTimeUTC', type: 'datetime' },
        { name: 'SearchKey', type: 'string' },
        { name: 'WatchlistItem', type: 'dynamic' },
      ],
      openResult: true,
      description: "The items of a watchlist; the watchlist's own columns follow the ones listed.",
    },
    ...asim,
  ];
  // Carry ASIM parser columns that the 2022 files declared as tables into the functions.
  for (const f of functions) {
    const extra = ci.tables.get(f.name);
    if (!extra) continue;
    const merged = new Map((f.resultColumns ?? []).map((c) => [c.name, c]));
    union(merged, extra);
    f.resultColumns = [...merged.values()];
  }
  return {
    id: 'sentinel',
    displayName: 'Microsoft Sentinel',
    timeColumn: 'TimeGenerated',
    tables,
    functions,
  };
}

/** One table or function per line, so that a regenerated file diffs readably. */
function serialize(schema: EnvironmentSchema): string {
  const lines = (items: unknown[]) => items.map((i) => JSON.stringify(i)).join(',\n');
  return (
    `{"id":${JSON.stringify(schema.id)},"displayName":${JSON.stringify(schema.displayName)},"timeColumn":${JSON.stringify(schema.timeColumn)},\n` +
    `"tables":[\n${lines(schema.tables)}\n],\n"functions":[\n${lines(schema.functions)}\n]}\n`
  );
}

function main(): void {
  const docs = defenderDocs();
  const la = logAnalytics();
  for (const schema of [buildDefender(docs, la), buildSentinel(docs, la)]) {
    const file = path.join(OUT, `${schema.id}.json`);
    fs.writeFileSync(file, serialize(schema));
    const columns = schema.tables.reduce((n, t) => n + t.columns.length, 0);
    console.log(
      `${path.relative(ROOT, file)}: ${schema.tables.length} tables, ${columns} columns, ${schema.functions.length} functions`,
    );
  }
}

main();
