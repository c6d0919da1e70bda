import { ExecutionError, MissingColumnError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { elements, kindName, rejectParameters, resultColumns, textOf, type Expr } from './syntax';
import { columnIndex, type Table } from './table';
import { compositeKey, type Row } from './values';

/**
 * join and lookup. Keys are plain column equalities (`on a` or `on $left.a == $right.b`), matched
 * by hashing; rows whose key has a null never match, as in Kusto.
 */

interface KeyPair {
  left: string;
  right: string;
}

const KINDS = [
  'innerunique',
  'inner',
  'leftouter',
  'rightouter',
  'fullouter',
  'leftanti',
  'anti',
  'leftantisemi',
  'rightanti',
  'rightantisemi',
  'leftsemi',
  'rightsemi',
];

function keyPairs(clause: Kusto.Language.Syntax.JoinConditionClause | null, what: string): KeyPair[] {
  if (!clause || kindName(clause) !== 'JoinOnClause')
    throw new UnsupportedError(`${what} without an 'on' clause of column equalities`);
  const pairs: KeyPair[] = [];
  const visit = (e: Expr) => {
    const k = kindName(e);
    if (k === 'NameReference') {
      const name = (e as Kusto.Language.Syntax.NameReference).SimpleName!;
      pairs.push({ left: name, right: name });
    } else if (k === 'AndExpression') {
      visit((e as Kusto.Language.Syntax.BinaryExpression).Left!);
      visit((e as Kusto.Language.Syntax.BinaryExpression).Right!);
    } else if (k === 'EqualExpression') {
      const b = e as Kusto.Language.Syntax.BinaryExpression;
      const side = (x: Expr) => {
        if (kindName(x) !== 'PathExpression') throw new UnsupportedError(`the join condition '${textOf(x)}'`);
        const p = x as Kusto.Language.Syntax.PathExpression;
        const which = (p.Expression as Kusto.Language.Syntax.NameReference).SimpleName;
        return { which, name: (p.Selector as Kusto.Language.Syntax.NameReference).SimpleName! };
      };
      const a = side(b.Left!);
      const c = side(b.Right!);
      if (a.which === '$left' && c.which === '$right') pairs.push({ left: a.name, right: c.name });
      else if (a.which === '$right' && c.which === '$left') pairs.push({ left: c.name, right: a.name });
      else throw new UnsupportedError(`the join condition '${textOf(e)}'`);
    } else throw new UnsupportedError(`the join condition '${textOf(e)}'`);
  };
  for (const e of elements((clause as Kusto.Language.Syntax.JoinOnClause).Expressions)) visit(e);
  return pairs;
}

function keyReader(table: Table, names: string[]): (r: Row) => unknown {
  const index = columnIndex(table.columns);
  const positions = names.map((n) => {
    const i = index.get(n);
    // The query bound, so the binder took the key from data it could not see (a watchlist's own
    // columns): the data has no such column, and Kusto fails on it too.
    if (i === undefined) throw new MissingColumnError(n);
    return i;
  });
  return (r) => {
    const values = positions.map((i) => r[i]);
    return values.some((v) => v === null || v === undefined) ? undefined : compositeKey(values);
  };
}

function buildIndex(table: Table, key: (r: Row) => unknown): Map<unknown, number[]> {
  const m = new Map<unknown, number[]>();
  table.rows.forEach((r, i) => {
    const k = key(r);
    if (k === undefined) return;
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  });
  return m;
}

export function join(op: Kusto.Language.Syntax.JoinOperator, left: Table, ctx: QueryContext): Table {
  const params = rejectParameters(op, 'join', ['kind', 'hint.strategy', 'hint.shufflekey', 'hint.remote']);
  const kind = (params.get('kind') ?? 'innerunique').toLowerCase();
  if (!KINDS.includes(kind)) throw new UnsupportedError(`join kind=${kind}`);
  const right = ctx.evalTable(op.Expression!);
  const pairs = keyPairs(op.ConditionClause, 'join');
  const out = resultColumns(op);
  const lk = keyReader(
    left,
    pairs.map((p) => p.left),
  );
  const rk = keyReader(
    right,
    pairs.map((p) => p.right),
  );
  const rightIndex = buildIndex(right, rk);
  const nullsL = left.columns.map(() => null);
  const nullsR = right.columns.map(() => null);
  const rows: Row[] = [];

  switch (kind) {
    case 'leftsemi':
    case 'leftanti':
    case 'anti':
    case 'leftantisemi': {
      const semi = kind === 'leftsemi';
      for (const r of left.rows) {
        const k = lk(r);
        const hit = k !== undefined && rightIndex.has(k);
        if (hit === semi) rows.push(r);
      }
      return { columns: out, rows };
    }
    case 'rightsemi':
    case 'rightanti':
    case 'rightantisemi': {
      const semi = kind === 'rightsemi';
      const leftKeys = new Set(left.rows.map(lk).filter((k) => k !== undefined));
      for (const r of right.rows) {
        const k = rk(r);
        const hit = k !== undefined && leftKeys.has(k);
        if (hit === semi) rows.push(r);
      }
      return { columns: out, rows };
    }
  }

  // innerunique keeps one left row per key (the first) before joining.
  let leftRows = left.rows;
  if (kind === 'innerunique') {
    const seen = new Set<unknown>();
    leftRows = left.rows.filter((r) => {
      const k = lk(r);
      if (k === undefined || seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }
  const matchedRight = new Set<number>();
  for (const l of leftRows) {
    const k = lk(l);
    const matches = k === undefined ? undefined : rightIndex.get(k);
    if (matches) {
      for (const i of matches) {
        rows.push([...l, ...right.rows[i]]);
        matchedRight.add(i);
      }
    } else if (kind === 'leftouter' || kind === 'fullouter') rows.push([...l, ...nullsR]);
  }
  if (kind === 'rightouter' || kind === 'fullouter') {
    right.rows.forEach((r, i) => {
      if (!matchedRight.has(i)) rows.push([...nullsL, ...r]);
    });
  }
  if (out.length !== left.columns.length + right.columns.length)
    throw new ExecutionError('join: unexpected result columns');
  return { columns: out, rows };
}

export function lookup(op: Kusto.Language.Syntax.LookupOperator, left: Table, ctx: QueryContext): Table {
  const params = rejectParameters(op, 'lookup', ['kind']);
  const kind = (params.get('kind') ?? 'leftouter').toLowerCase();
  if (kind !== 'leftouter' && kind !== 'inner') throw new UnsupportedError(`lookup kind=${kind}`);
  const right = ctx.evalTable(op.Expression!);
  const pairs = keyPairs(op.LookupClause, 'lookup');
  const out = resultColumns(op);
  const lk = keyReader(
    left,
    pairs.map((p) => p.left),
  );
  const rk = keyReader(
    right,
    pairs.map((p) => p.right),
  );
  const rightIndex = buildIndex(right, rk);
  // The right side contributes its non-key columns, in order.
  const rightKeys = new Set(pairs.map((p) => p.right));
  const carried = right.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !rightKeys.has(c.name))
    .map(({ i }) => i);
  if (out.length !== left.columns.length + carried.length)
    throw new ExecutionError('lookup: unexpected result columns');
  const rows: Row[] = [];
  for (const l of left.rows) {
    const k = lk(l);
    const matches = k === undefined ? undefined : rightIndex.get(k);
    if (matches) for (const i of matches) rows.push([...l, ...carried.map((j) => right.rows[i][j])]);
    else if (kind === 'leftouter') rows.push([...l, ...carried.map(() => null)]);
  }
  return { columns: out, rows };
}
