import type { LintRule } from './lintRules';

/** What a lint sees: one query block's bound syntax tree and facts about where it lives. */
export interface LintContext {
  /** The block's syntax tree; positions in it count from the start of the block. */
  readonly root: Kusto.Language.Syntax.SyntaxNode;
  readonly globals: Kusto.Language.GlobalState;
  /** The environment's time column, `Timestamp` or `TimeGenerated`. */
  readonly timeColumn: string;
  /** True when the query is a scheduled rule's, whose query period bounds its time range. */
  readonly scheduledRule: boolean;
}

/** A lint's finding, at block-relative offsets. */
export interface LintFinding {
  readonly rule: LintRule;
  readonly start: number;
  readonly length: number;
  readonly message: string;
  /** Data a quick fix needs, kept on the diagnostic. */
  readonly data?: unknown;
}

export type Lint = (ctx: LintContext) => LintFinding[];

/** All nodes of a tree of the given kind, in document order. */
export function nodesOfKind(root: Kusto.Language.Syntax.SyntaxNode, ...kinds: Kusto.Language.Syntax.SyntaxKind[]): Kusto.Language.Syntax.SyntaxNode[] {
  const out: Kusto.Language.Syntax.SyntaxNode[] = [];
  root.WalkNodes((n) => {
    if (kinds.includes(n.Kind)) out.push(n);
  });
  return out;
}
