import { kusto } from '../language/kustoEngine';
import {
  STUB_MARKER,
  type ColumnDef,
  type EnvironmentSchema,
  type FunctionDef,
  type SchemaWarning,
  type TableDef,
} from './types';

/**
 * Turns plain schema data into the engine's GlobalState. Building the symbols for a whole
 * environment is the expensive part of start-up, so callers build once per schema and share.
 */
export interface BuiltSchema {
  globals: Kusto.Language.GlobalState;
  warnings: SchemaWarning[];
}

const DATABASE_NAME = 'hunting';

export function buildGlobalState(schema: EnvironmentSchema, source = schema.id): BuiltSchema {
  const K = kusto();
  const warnings: SchemaWarning[] = [];
  const members: Kusto.Language.Symbols.Symbol[] = [];
  for (const table of schema.tables) members.push(tableSymbol(table, source, warnings));
  for (const fn of schema.functions) {
    const symbol = functionSymbol(fn, source, warnings);
    if (symbol) members.push(symbol);
  }
  // The bridge accepts JS arrays where the .NET signature says IEnumerable.
  const db = new K.Symbols.DatabaseSymbol.$ctor1(DATABASE_NAME, members as never, false);
  return { globals: analysisReady(K.GlobalState.Default!.WithDatabase(db)!), warnings };
}

/**
 * The engine's parse-and-bind entry point asks for end tokens and, when the state it is given
 * does not already have them, works on a fresh copy of the state. A fresh copy loses the lazily
 * built column-to-table map (40,000 columns in Sentinel), which the analyzers then rebuild for
 * every query block; asking for end tokens here keeps one state, and one map, per schema.
 */
function analysisReady(globals: Kusto.Language.GlobalState): Kusto.Language.GlobalState {
  return globals.WithParseOptions(globals.ParseOptions!.WithAlwaysProduceEndTokens(true))!.WithCache()!;
}

function scalarType(
  type: string,
  where: string,
  warnings: SchemaWarning[],
  source: string,
): Kusto.Language.Symbols.TypeSymbol {
  const S = kusto().Symbols;
  const symbol = S.ScalarTypes.GetSymbol(type);
  if (symbol) return symbol;
  // An unknown type should not hide the column: keeping it as dynamic still lets names resolve.
  warnings.push({ source, message: `${where}: unknown type '${type}', treated as dynamic` });
  return S.ScalarTypes.Dynamic!;
}

function columnSymbol(
  column: ColumnDef,
  table: string,
  source: string,
  warnings: SchemaWarning[],
): Kusto.Language.Symbols.ColumnSymbol {
  const S = kusto().Symbols;
  const type = scalarType(column.type, `${table}.${column.name}`, warnings, source);
  return new S.ColumnSymbol(column.name, type, column.description ?? null, null, null, null);
}

function tableSymbol(
  table: TableDef,
  source: string,
  warnings: SchemaWarning[],
): Kusto.Language.Symbols.TableSymbol {
  const S = kusto().Symbols;
  const columns = table.columns.map((c) => columnSymbol(c, table.name, source, warnings));
  const symbol = new S.TableSymbol.$ctor6(table.name, columns as never, table.description ?? null);
  return table.open ? symbol.WithIsOpen(true)! : symbol;
}

/** Quotes a name so that any identifier, even one with spaces, is valid in a schema string. */
export function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)
    ? name
    : `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

function functionSymbol(
  fn: FunctionDef,
  source: string,
  warnings: SchemaWarning[],
): Kusto.Language.Symbols.FunctionSymbol | undefined {
  try {
    return fn.openResult && !fn.tabularInput ? openResultFunction(fn, source, warnings) : bodyFunction(fn);
  } catch (e) {
    warnings.push({ source, message: `function ${fn.name} skipped: ${(e as Error).message ?? String(e)}` });
    return undefined;
  }
}

/** A typed null of each column's type, so that `extend` adds columns of the right types. */
function typedNullColumn(c: ColumnDef): string {
  return `${quoteName(c.name)} = ${c.type === 'string' ? '""' : `${c.type}(null)`}`;
}

/**
 * A function the engine binds from a KQL body. Only the result shape matters to the binder, so
 * a function known by its result columns gets a stub body of that shape.
 */
function bodyFunction(fn: FunctionDef): Kusto.Language.Symbols.FunctionSymbol {
  const S = kusto().Symbols;
  const declared = fn.parameters.map(
    (p) => `${quoteName(p.name)}:${p.type}${p.defaultValue !== undefined ? ` = ${p.defaultValue}` : ''}`,
  );
  // `T | invoke F(a)` passes T as the first argument, so invoked functions take a table first.
  const params = fn.tabularInput ? ['__input:(*)', ...declared] : declared;
  let body = fn.body;
  if (!body) {
    const columns = fn.resultColumns ?? [];
    // The marker tells the local executor that this body only stands for the columns.
    if (fn.tabularInput && fn.keepsInputColumns) {
      body = columns.length
        ? `{ ${STUB_MARKER}\n__input | extend ${columns.map(typedNullColumn).join(', ')} }`
        : `{ ${STUB_MARKER}\n__input }`;
    } else {
      const cols = columns.map((c) => `${quoteName(c.name)}:${c.type}`).join(', ');
      body = cols ? `{ ${STUB_MARKER}\ndatatable(${cols}) [] }` : `{ ${STUB_MARKER}\nprint x = 0 | take 0 }`;
    }
  }
  return new S.FunctionSymbol.$ctor16(fn.name, `(${params.join(', ')})`, body, fn.description ?? null);
}

/**
 * A function whose result is an open table: the listed columns are typed and any other name is
 * accepted, as a watchlist's or an ASIM parser's extra fields must be.
 */
function openResultFunction(
  fn: FunctionDef,
  source: string,
  warnings: SchemaWarning[],
): Kusto.Language.Symbols.FunctionSymbol {
  const S = kusto().Symbols;
  const columns = (fn.resultColumns ?? []).map((c) => columnSymbol(c, fn.name, source, warnings));
  const result = new S.TableSymbol.$ctor6(null, columns as never, null).WithIsOpen(true)!;
  const params = fn.parameters.map((p) => {
    const type = scalarType(p.type, `${fn.name}(${p.name})`, warnings, source);
    const optional = p.defaultValue !== undefined;
    return new S.Parameter.$ctor3(
      p.name,
      type,
      S.ArgumentKind.Expression,
      null,
      null,
      false,
      null,
      optional ? 0 : 1,
      1,
      null,
      null,
    );
  });
  return new S.FunctionSymbol.$ctor6(fn.name, result, params as never, fn.description ?? null);
}
