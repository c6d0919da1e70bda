import { RE2JS } from 're2js';
import { ExecutionError, UnsupportedError } from './errors';
import { kustoRegex } from './kustoRegex';
import type { QueryContext } from './queryContext';
import { compileScalar, literalValue } from './scalarCompiler';
import { scopeOf } from './scope';
import { elements, kindName, rejectParameters, resultColumns, scalarTypeOf, type Expr } from './syntax';
import { columnIndex, type Table } from './table';
import { fromExternal, valueToString, type KqlType } from './values';

/**
 * parse and parse-where: the pattern alternates string constants and column declarations
 * (`name:type` or `*`) and becomes one regular expression, anchored at the start of the text.
 *
 * - kind=simple (the default): constants match as plain text; `*` and string columns match as
 *   little as they can, except the last element, which takes the rest.
 * - kind=regex: constants are regular expressions; `*` and string columns are greedy, as Kusto's
 *   documented examples show, unless `flags=U` swaps that; `flags` are RE2 flag letters. The
 *   columns' groups are named, so groups in the user's own expressions do not shift them.
 * - kind=relaxed: as simple, but a column whose text does not convert to its type is null while
 *   the others keep their values; in the strict kinds such a row does not match at all.
 *
 * A row that does not match gets empty columns (parse) or is dropped (parse-where).
 */
interface Capture {
  target: number;
  type: KqlType;
  group: string;
}

const NUMBER_PATTERNS: Partial<Record<KqlType, string>> = {
  int: '-?\\d+',
  long: '-?\\d+',
  real: '-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?',
};

function patternOf(
  op: Kusto.Language.Syntax.ParseOperator | Kusto.Language.Syntax.ParseWhereOperator,
  out: { name: string; type: KqlType }[],
  regexMode: boolean,
  firstNew: number,
): { pattern: string; captures: Capture[] } {
  // The binder appends the parse's columns after the input's, even one named like an input column.
  const outIndex = new Map([...columnIndex(out.slice(firstNew))].map(([name, i]) => [name, i + firstNew]));
  const captures: Capture[] = [];
  let pattern = '';
  const parts = elements<Kusto.Language.Syntax.SyntaxNode>(op.Patterns);
  parts.forEach((part, i) => {
    const k = kindName(part);
    const isLast = i === parts.length - 1;
    const rest = regexMode || isLast ? '.*' : '.*?';
    if (k === 'StarExpression') pattern += rest;
    else if (k === 'NameAndTypeDeclaration' || k === 'NameDeclaration') {
      const decl =
        k === 'NameAndTypeDeclaration'
          ? (part as Kusto.Language.Syntax.NameAndTypeDeclaration).Name!
          : (part as Kusto.Language.Syntax.NameDeclaration);
      const target = outIndex.get(decl.SimpleName!);
      if (target === undefined) throw new ExecutionError(`parse: no result column '${decl.SimpleName}'`);
      const type = out[target].type;
      const group = `kqlhuntColumn${captures.length}`;
      captures.push({ target, type, group });
      pattern += `(?P<${group}>${NUMBER_PATTERNS[type] ?? rest})`;
    } else {
      const text = String(literalValue(part as Expr));
      pattern += regexMode ? `(?:${text})` : RE2JS.quote(text);
    }
  });
  return { pattern: `^${pattern}`, captures };
}

/** Compiles the pattern and returns a function giving each row's new column values, or null. */
function compileParse(
  op: Kusto.Language.Syntax.ParseOperator | Kusto.Language.Syntax.ParseWhereOperator,
  operatorName: string,
  out: { name: string; type: KqlType }[],
  firstNew: number,
): { targets: number[]; match: (text: string) => Map<number, unknown> | null } {
  const params = rejectParameters(op, operatorName, ['kind', 'flags']);
  const mode = (params.get('kind') ?? 'simple').toLowerCase();
  if (mode !== 'simple' && mode !== 'regex' && mode !== 'relaxed')
    throw new UnsupportedError(`${operatorName} kind=${mode}`);
  const flags = params.get('flags') ?? '';
  if (flags && mode !== 'regex') throw new UnsupportedError(`${operatorName} flags without kind=regex`);
  const { pattern, captures } = patternOf(op, out, mode === 'regex', firstNew);
  // Plain text in simple mode may span lines; in regex mode the user's flags decide.
  const re = kustoRegex(pattern, mode === 'regex' ? flags : 's');
  const groupOf = new Map(captures.map((c) => [c.group, re.groupNumbers.get(c.group)!]));
  const match = (text: string) => {
    const m = re.exec(text);
    if (!m) return null;
    const values = new Map<number, unknown>();
    for (const c of captures) {
      const raw = m[groupOf.get(c.group)!] ?? '';
      const value = fromExternal(raw, c.type);
      if (value === null && c.type !== 'string' && mode !== 'relaxed') return null;
      values.set(c.target, value);
    }
    return values;
  };
  return { targets: captures.map((c) => c.target), match };
}

export function parse(op: Kusto.Language.Syntax.ParseOperator, input: Table, ctx: QueryContext): Table {
  return parseRows(op, 'parse', input, ctx, false);
}

export function parseWhere(
  op: Kusto.Language.Syntax.ParseWhereOperator,
  input: Table,
  ctx: QueryContext,
): Table {
  return parseRows(op, 'parse-where', input, ctx, true);
}

function parseRows(
  op: Kusto.Language.Syntax.ParseOperator | Kusto.Language.Syntax.ParseWhereOperator,
  operatorName: string,
  input: Table,
  ctx: QueryContext,
  dropUnmatched: boolean,
): Table {
  const out = resultColumns(op);
  // A capture named like an input column does not replace it: the binder keeps the input's column
  // as it was and appends the capture's as a second column of the same name (a later extend
  // summarize by it calls it Name1, while project and where read the input's), so the parsed values
  // go to that appended column.
  const firstNew = input.columns.length;
  if (out.length < firstNew || input.columns.some((c, i) => out[i].name !== c.name))
    throw new UnsupportedError(`${operatorName} whose result does not start with its input's columns`);
  const scope = scopeOf(input, ctx);
  const source = compileScalar(op.Expression!, scope);
  const sourceType = scalarTypeOf(op.Expression!);
  const { targets, match } = compileParse(op, operatorName, out, firstNew);
  const carry = out.map((_, i) => (i < firstNew ? i : -1));
  const rows = [];
  for (const r of input.rows) {
    const values = match(valueToString(source(r), sourceType));
    if (!values && dropUnmatched) continue;
    const row = carry.map((j) => (j < 0 ? null : r[j]));
    for (const i of targets) row[i] = values ? values.get(i) : fromExternal(null, out[i].type);
    rows.push(row);
  }
  return { columns: out, rows };
}
