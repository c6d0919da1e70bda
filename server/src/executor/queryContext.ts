import type { Table } from './table';
import type { Expr } from './syntax';
import type { KqlType } from './values';

/** What a let statement binds: a scalar value, or a table computed once on first use. */
export type Binding = { kind: 'scalar'; value: unknown; type: KqlType } | { kind: 'table'; get: () => Table };

/** The state shared by every operator of one query run. */
export interface QueryContext {
  /** now() for the whole query, in UTC milliseconds. */
  readonly now: number;
  readonly vars: Map<string, Binding>;
  /** Runs a tabular expression (for `in (subquery)`, toscalar(), joins and unions). */
  evalTable(expr: Expr): Table;
  /** Throws if the caller cancelled the query. */
  checkCancelled(): void;
  /** Render hints met while running, kept for the caller. */
  chart?: { type: string; properties: Record<string, string> };
}
