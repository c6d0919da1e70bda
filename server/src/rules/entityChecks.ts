import { isMap } from 'yaml';
import type { ParsedRuleYaml } from '../documents/ruleYaml';
import { ENTITY_TYPES, LEGACY_ENTITY_COLUMNS } from './entityIdentifiers';
import { FindingList, isNullish, itemsOf, pairOf, scalarText, valueOf } from './ruleFindings';

/**
 * Entity mappings and custom details: Sentinel's structural limits, and beyond them that every
 * column they name is a column the query actually returns. "Up to three identifiers for a given
 * entity" and "up to five entities in a single analytics rule":
 * https://learn.microsoft.com/azure/sentinel/map-data-fields-to-entities (the limits Sentinel's CI
 * also applies; a larger entity limit could not be confirmed in the documentation at hand).
 */
const COLUMN_NAME = /^[a-zA-Z_]+\w*$/;
const DETAIL_KEY = /^[a-zA-Z]+\w*$/;

export interface OutputColumns {
  /** Column names of the query's result, or undefined when unknown. */
  readonly columns: readonly string[] | undefined;
}

export function entityChecks(rule: ParsedRuleYaml, output: OutputColumns, out: FindingList): void {
  const mappingsNode = valueOf(rule.root, 'entityMappings');
  const mappedColumns = new Set<string>();
  if (mappingsNode !== undefined && !isNullish(mappingsNode)) {
    const mappings = itemsOf(mappingsNode);
    if (!mappings)
      out.add('rule-field-type', mappingsNode, {
        field: 'entityMappings',
        expected: 'a list of { entityType, fieldMappings }',
      });
    else {
      if (mappings.length < 1 || mappings.length > 5)
        out.add('rule-entity-mappings-count', pairOf(rule.root, 'entityMappings')!.key, {
          count: mappings.length,
        });
      for (const mapping of mappings) entityMapping(mapping, output, mappedColumns, out);
    }
  }
  if (rule.type === 'scheduled' && rule.region) {
    for (const legacy of LEGACY_ENTITY_COLUMNS) {
      if (rule.region.text.includes(legacy) && !mappedColumns.has(legacy))
        out.add('rule-legacy-entity-column', rule.queryPair.key, { value: legacy });
    }
  }
  if (rule.type !== 'hunting') customDetails(rule, output, out);
}

function entityMapping(
  mapping: unknown,
  output: OutputColumns,
  mappedColumns: Set<string>,
  out: FindingList,
): void {
  if (!isMap(mapping)) {
    out.add('rule-field-type', mapping, {
      field: 'entityMappings',
      expected: 'a list of { entityType, fieldMappings }',
    });
    return;
  }
  const typeNode = valueOf(mapping, 'entityType');
  const typeText = scalarText(typeNode);
  // Json.NET reads enum names ignoring case.
  const canonicalType = Object.keys(ENTITY_TYPES).find((t) => t.toLowerCase() === typeText?.toLowerCase());
  const info = canonicalType ? ENTITY_TYPES[canonicalType] : undefined;
  if (typeNode === undefined)
    out.add('rule-required-field', mapping.items[0]?.key ?? mapping, {
      field: 'entityType',
      ruleType: 'each entity mapping',
    });
  else if (!info)
    out.add('rule-entity-type', typeNode, {
      value: typeText ?? '',
      expected: Object.keys(ENTITY_TYPES).join(', '),
    });

  const fieldsPair = pairOf(mapping, 'fieldMappings');
  const fields = itemsOf(fieldsPair?.value);
  if (!fieldsPair) {
    out.add('rule-required-field', pairOf(mapping, 'entityType')?.key ?? mapping, {
      field: 'fieldMappings',
      ruleType: 'each entity mapping',
    });
    return;
  }
  if (!fields) {
    out.add('rule-field-type', fieldsPair.value ?? fieldsPair.key, {
      field: 'fieldMappings',
      expected: 'a list of { identifier, columnName }',
    });
    return;
  }
  if (fields.length < 1 || fields.length > 3)
    out.add('rule-field-mappings-count', fieldsPair.key, { count: fields.length });
  const used = new Set<string>();
  for (const field of fields) {
    const identifier = valueOf(field, 'identifier');
    const identifierText = scalarText(identifier);
    if (identifierText !== undefined && info) {
      if (!info.identifiers.includes(identifierText))
        out.add('rule-entity-identifier', identifier, {
          value: identifierText,
          entityType: typeText!,
          expected: info.identifiers.join(', '),
        });
      else if (used.has(identifierText))
        out.add('rule-entity-identifier-duplicate', identifier, { value: identifierText });
      used.add(identifierText);
    }
    const column = valueOf(field, 'columnName');
    const columnText = scalarText(column);
    if (columnText === undefined) {
      if (isMap(field))
        out.add('rule-required-field', field.items[0]?.key ?? field, {
          field: identifier === undefined ? 'identifier' : 'columnName',
          ruleType: 'each field mapping',
        });
      continue;
    }
    mappedColumns.add(columnText);
    columnCheck(column, columnText, output, out);
  }
  if (info && used.size > 0 && !info.required.some((set) => set.every((name) => used.has(name)))) {
    out.add('rule-entity-required-identifiers', typeNode, {
      entityType: typeText!,
      expected: info.required.map((set) => set.join(' + ')).join('; '),
    });
  }
}

function columnCheck(node: unknown, name: string, output: OutputColumns, out: FindingList): void {
  if (name.length > 500 || !COLUMN_NAME.test(name)) {
    out.add('rule-column-name-format', node, { value: name });
    return;
  }
  // Kusto column names are case-sensitive, but whether Sentinel's entity lookup is could not be
  // established, so only a name that matches no column in any case is reported.
  if (output.columns && !output.columns.some((c) => c.toLowerCase() === name.toLowerCase()))
    out.add('rule-column-not-in-output', node, { value: name, expected: summarize(output.columns) });
}

function summarize(columns: readonly string[]): string {
  return columns.length <= 12
    ? columns.join(', ')
    : `${columns.slice(0, 12).join(', ')} and ${columns.length - 12} more`;
}

function customDetails(rule: ParsedRuleYaml, output: OutputColumns, out: FindingList): void {
  const node = valueOf(rule.root, 'customDetails');
  if (node === undefined || isNullish(node)) return;
  if (!isMap(node)) {
    out.add('rule-field-type', node, {
      field: 'customDetails',
      expected: 'a mapping of detail names to column names',
    });
    return;
  }
  if (node.items.length > 20)
    out.add('rule-custom-details', pairOf(rule.root, 'customDetails')!.key, {
      message: `'customDetails' has ${node.items.length} entries; the limit is 20.`,
    });
  for (const pair of node.items) {
    const key = scalarText(pair.key) ?? '';
    if (!DETAIL_KEY.test(key) || key.length > 20) {
      out.add('rule-custom-details', pair.key, {
        message: `Custom detail name '${key}' must start with a letter, use only letters, digits and '_', and be at most 20 characters.`,
      });
    }
    const value = scalarText(pair.value);
    if (value === undefined)
      out.add('rule-custom-details', pair.key, { message: `Custom detail '${key}' needs a column name.` });
    else columnCheck(pair.value, value, output, out);
  }
}
