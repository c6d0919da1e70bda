import type { RequestProperties } from './requestProperties';
import type { Table } from './table';
import type { Expr } from './syntax';
import type { KqlType, Row } from './values';

/**
 * What a let statement binds: a scalar value, a table computed once on first use, or a function
 * declaration; while a user function's body is compiled, a parameter may also stand for the
 * caller's argument evaluated on each row.
 */
export type Binding =
  | { kind: 'scalar'; value: unknown; type: KqlType }
  | { kind: 'table'; get: () => Table }
  | { kind: 'function'; name: string; decl: Kusto.Language.Syntax.FunctionDeclaration }
  | { kind: 'row'; evaluate: (r: Row) => unknown };

/** The state shared by every operator of one query run. */
export interface QueryContext {
  /** now() for the whole query, in UTC milliseconds. */
  readonly now: number;
  /** What the query's set statements give (requestProperties.ts). */
  readonly requestProperties: RequestProperties;
  readonly vars: Map<string, Binding>;
  /** Runs a tabular expression (for `in (subquery)`, toscalar(), joins and unions). */
  evalTable(expr: Expr): Table;
  /** Whether a plain name reference to `name` would find a table, tabular let or function. */
  hasTable(name: string): boolean;
  /** The names of the workspace's tables (what a search with no source reads besides views). */
  databaseTables(): string[];
  /** The table or tabular let of this name, as a plain name reference reads it (for `union Device*`). */
  tableNamed(name: string): Table;
  /** Runs a subquery whose first operator has no source of its own (mv-apply's), over `input`. */
  evalSubquery(expr: Expr, input: Table): Table;
  /** Adds a warning to the query's result (kept once however often it is met). */
  warn(message: string): void;
  /** Throws if the caller cancelled the query. */
  checkCancelled(): void;
  /** Render hints met while running, kept for the caller. */
  chart?: { type: string; properties: Record<string, string> };
}
