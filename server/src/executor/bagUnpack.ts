import { ExecutionError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { compileScalar } from './scalarCompiler';
import { scopeOf } from './scope';
import { pluginArguments } from './pluginArguments';
import { kindName, resultColumns, type Expr } from './syntax';
import type { Table } from './table';
import { fromExternal, type Column, type KqlType, type Row } from './values';
import { wholeRealOf } from './wholeReals';

/**
 * evaluate bag_unpack(Column [, Prefix] [, columnsConflict] [, ignoredProperties]) [: (schema)]
 * (bag-unpack-plugin.md): each top-level property of the bags in Column becomes a column, named
 * Prefix + property, after the input's other columns and in order of name. A column's type is
 * the properties' common type, or dynamic when they differ; null values are ignored. With an
 * output schema the binder already knows the columns, and the values are read into them.
 */
export function bagUnpack(
  op: Kusto.Language.Syntax.EvaluateOperator,
  input: Table,
  ctx: QueryContext,
): Table {
  const args = pluginArguments(op, 'bag_unpack', [
    'column',
    'outputcolumnprefix',
    'columnsconflict',
    'ignoredproperties',
  ]);
  const scope = scopeOf(input, ctx);
  const source = args[0];
  if (!source || kindName(source) !== 'NameReference')
    throw new UnsupportedError('bag_unpack() of an expression that is not a column');
  const sourceName = (source as Kusto.Language.Syntax.NameReference).SimpleName!;
  const at = scope.index.get(sourceName);
  if (at === undefined) throw new ExecutionError(`bag_unpack: no column '${sourceName}' in its input`);
  const constant = (e: Expr | undefined) => (e ? compileScalar(e, scope)([]) : undefined);
  const prefix = String(constant(args[1]) ?? '');
  const conflict = String(constant(args[2]) ?? 'error').toLowerCase();
  const ignored = new Set(((constant(args[3]) as unknown[] | null | undefined) ?? []).map(String));
  if (!['error', 'replace_source', 'keep_source'].includes(conflict))
    throw new ExecutionError(
      `bag_unpack: columnsConflict must be error, replace_source or keep_source, not '${conflict}'`,
    );

  const bags = input.rows.map((r) => {
    const v = r[at];
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  });
  const kept = input.columns.map((c, i) => ({ c, i })).filter(({ i }) => i !== at);
  if (op.Schema) return intoSchema(resultColumns(op), kept, bags, prefix, input.rows);

  const slotTypes = new Map<string, KqlType>();
  for (const bag of bags) {
    if (!bag) continue;
    for (const [key, value] of Object.entries(bag)) {
      if (ignored.has(key) || value === null || value === undefined) continue;
      const t = jsonType(value);
      const seen = slotTypes.get(key);
      slotTypes.set(key, seen === undefined || seen === t ? t : 'dynamic');
    }
  }
  const slots = [...slotTypes.keys()].sort();
  const carried = kept;
  const names = new Set(kept.map(({ c }) => c.name));
  const clashes = slots.filter((s) => names.has(prefix + s));
  if (clashes.length && conflict === 'error')
    throw new ExecutionError(
      `bag_unpack: the property '${clashes[0]}' would repeat an existing column (columnsConflict='error')`,
    );
  // replace_source puts the property in the clashing column's place; keep_source keeps the input's column.
  const replaced = new Map(conflict === 'replace_source' ? clashes.map((s) => [prefix + s, s] as const) : []);
  const newSlots = slots.filter((s) => !clashes.includes(s));
  const columns: Column[] = [
    ...carried.map(({ c }) =>
      replaced.has(c.name) ? { name: c.name, type: slotTypes.get(replaced.get(c.name)!)! } : c,
    ),
    ...newSlots.map((s) => ({ name: prefix + s, type: slotTypes.get(s)! })),
  ];
  const rows: Row[] = input.rows.map((r, n) => [
    ...carried.map(({ c, i }) => {
      const slot = replaced.get(c.name);
      return slot === undefined ? r[i] : fromExternal(bags[n]?.[slot], slotTypes.get(slot)!);
    }),
    ...newSlots.map((s) => fromExternal(bags[n]?.[s], slotTypes.get(s)!)),
  ]);
  return { columns, rows };
}

/** The plugin's arguments by position, a named one (`columnsConflict='keep_source'`) put in its place. */
/** A slot's type; a whole real (2.0, held as a marker) is a real, as its slot's other values may be. */
function jsonType(v: unknown): KqlType {
  if (wholeRealOf(v) !== undefined) return 'real';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'long' : 'real';
  if (typeof v === 'bigint') return 'long';
  return 'dynamic';
}

function intoSchema(
  out: Column[],
  kept: { c: Column; i: number }[],
  bags: (Record<string, unknown> | undefined)[],
  prefix: string,
  inputRows: Row[],
): Table {
  const byName = new Map(kept.map(({ c, i }) => [c.name, i]));
  const rows = inputRows.map((r, n) =>
    out.map((c) => {
      const i = byName.get(c.name);
      if (i !== undefined) return r[i];
      const name = prefix && c.name.startsWith(prefix) ? c.name.slice(prefix.length) : c.name;
      return fromExternal(bags[n]?.[name], c.type);
    }),
  );
  return { columns: out, rows };
}
