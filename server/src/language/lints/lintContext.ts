import type { EnvironmentId } from '../../schema/types';
import type { LintRule } from './lintRules';

/** What a lint sees: one query block's bound syntax tree and facts about where it lives. */
export interface LintContext {
  /** The block's syntax tree; positions in it count from the start of the block. */
  readonly root: Kusto.Language.Syntax.SyntaxNode;
  readonly globals: Kusto.Language.GlobalState;
  /** The environment the document is checked in. */
  readonly environment: EnvironmentId;
  /** The environment's time column, `Timestamp` or `TimeGenerated`. */
  readonly timeColumn: string;
  /**
   * True when the file holding the query gives it its time range: a scheduled rule's query
   * period, or the hunting page's time picker for a hunting query file.
   */
  readonly timeRangeFromHost: boolean;
  /** True for the query of a scheduled (or NRT) rule, whose results become alerts. */
  readonly detection: boolean;
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

interface NodeIndex {
  all: Kusto.Language.Syntax.SyntaxNode[];
  byKind: Map<Kusto.Language.Syntax.SyntaxKind, Kusto.Language.Syntax.SyntaxNode[]>;
}

/** One walk of each tree serves every lint: a dozen walks through the engine cost more than the lints' own work. */
const indexes = new WeakMap<Kusto.Language.Syntax.SyntaxNode, NodeIndex>();

/** All nodes of a tree of the given kind, in document order. */
export function nodesOfKind(
  root: Kusto.Language.Syntax.SyntaxNode,
  ...kinds: Kusto.Language.Syntax.SyntaxKind[]
): Kusto.Language.Syntax.SyntaxNode[] {
  let index = indexes.get(root);
  if (!index) {
    const built: NodeIndex = { all: [], byKind: new Map() };
    root.WalkNodes((n) => {
      built.all.push(n);
      const ofKind = built.byKind.get(n.Kind);
      if (ofKind) ofKind.push(n);
      else built.byKind.set(n.Kind, [n]);
    });
    indexes.set(root, (index = built));
  }
  if (kinds.length === 1) return [...(index.byKind.get(kinds[0]) ?? [])];
  return index.all.filter((n) => kinds.includes(n.Kind));
}
