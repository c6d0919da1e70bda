import { ExecutionError, UnsupportedError } from './errors';
import { ipv4IsInRange } from './ipFunctions';
import { ipv6IsInRange } from './ipv6Functions';
import { lookupJoin } from './lookupJoin';
import type { QueryContext } from './queryContext';
import { compileScalar } from './scalarCompiler';
import { scopeOf } from './scope';
import { elements, kindName, type Expr } from './syntax';
import { columnIndex, type Table } from './table';
import { keyPart, type Row } from './values';

/** The address family of a lookup plugin, and how it tests an address against a range. */
const FAMILIES = {
  ipv4: ipv4IsInRange,
  ipv6: ipv6IsInRange,
} as const;

/**
 * evaluate ipv4_lookup(LookupTable, SourceKey, LookupKey [, ExtraKey ...] [, return_unmatched])
 * (ipv4-lookup-plugin.md) and evaluate ipv6_lookup(LookupTable, SourceKey, LookupKey
 * [, return_unmatched]) (ipv6-lookup-plugin.md): each input row is joined with every lookup row
 * whose range (`5.8.0.0/19`, `2001:db8::/48`, or one address) holds the row's address and whose
 * extra keys are equal; with return_unmatched, a row that matches nothing is kept with nulls. The
 * columns are the binder's, as for lookup. A masked source address is refused by name: the pages
 * do not say whether it must lie inside the range or only overlap it.
 */
export function ipLookup(
  family: keyof typeof FAMILIES,
  op: Kusto.Language.Syntax.EvaluateOperator,
  input: Table,
  ctx: QueryContext,
): Table {
  const plugin = `${family}_lookup`;
  const inRange = FAMILIES[family];
  const args = elements<Expr>(op.FunctionCall!.ArgumentList?.Expressions);
  let returnUnmatched = false;
  const positional: Expr[] = [];
  const constant = (e: Expr) => compileScalar(e, scopeOf({ columns: [], rows: [] }, ctx))([]);
  for (const a of args) {
    if (kindName(a) === 'SimpleNamedExpression') {
      const named = a as Kusto.Language.Syntax.SimpleNamedExpression;
      if (named.Name?.SimpleName?.toLowerCase() !== 'return_unmatched')
        throw new UnsupportedError(`the argument '${named.Name?.SimpleName}' of ${plugin}()`);
      returnUnmatched = constant(named.Expression!) === true;
    } else positional.push(a);
  }
  if (positional.length > 3 && kindName(positional[positional.length - 1]) !== 'NameReference')
    returnUnmatched = constant(positional.pop()!) === true;
  const [tableExpr, ...keyExprs] = positional;
  const names = keyExprs.map((e) => {
    if (kindName(e) !== 'NameReference')
      throw new UnsupportedError(`${plugin}() with a key that is not a column`);
    return (e as Kusto.Language.Syntax.NameReference).SimpleName!;
  });
  const [sourceKey, lookupKey, ...extra] = names;
  const lookupTable = ctx.evalTable(tableExpr);
  const inIndex = columnIndex(input.columns);
  const lkIndex = columnIndex(lookupTable.columns);
  const at = (index: Map<string, number>, name: string, where: string) => {
    const i = index.get(name);
    if (i === undefined) throw new ExecutionError(`${plugin}: no column '${name}' in the ${where}`);
    return i;
  };
  const src = at(inIndex, sourceKey, 'input');
  const key = at(lkIndex, lookupKey, 'lookup table');
  const extras = extra.map((n) => [at(inIndex, n, 'input'), at(lkIndex, n, 'lookup table')] as const);

  for (const r of input.rows) {
    const ip = r[src];
    if (typeof ip === 'string' && ip.includes('/'))
      throw new UnsupportedError(`${plugin}() of a masked source address`);
  }
  const matches = (r: Row, l: Row): boolean => {
    const ip = r[src];
    const range = l[key];
    if (typeof ip !== 'string' || typeof range !== 'string' || inRange(ip, range) !== true) return false;
    return extras.every(([a, b]) => r[a] !== null && keyPart(r[a]) === keyPart(l[b]));
  };
  return lookupJoin(plugin, op, input, lookupTable, matches, returnUnmatched);
}
