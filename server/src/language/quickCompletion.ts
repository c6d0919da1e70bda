import { boundCode, type BlockContext } from './engineBlocks';
import { kusto, toArray } from './kustoEngine';

/**
 * A completion answer that does not need the engine's query grammar.
 *
 * The engine's completer reads its query grammar to learn what may follow the caret, and building
 * that grammar is the largest one-time cost of the engine (about a second on a 2-core machine):
 * a completion asked for right after a file opens would wait for it. In the contexts where the
 * answer is plain, the caret starting or continuing a predicate or column expression of `where`,
 * `extend` or `project`, the bound tree already knows it: the columns in scope, the scalar lets,
 * and the built-in scalar functions. Those items are made the way the engine makes them (its own
 * item type and display text), so they are a subset of the engine's answer. The list is marked
 * incomplete, and the client asks again as the user types; once the grammar is built (when the
 * server is idle, or by a completion this path declines), the engine answers in full.
 *
 * Anywhere else (after a pipe, inside a function call, a string, a comment, a summarize) this
 * returns undefined and the engine's completer answers.
 */
export interface QuickCompletion {
  items: QuickItem[];
  /** Region offsets of the text the chosen item replaces. */
  editStart: number;
  editLength: number;
}

interface ContextKinds {
  /** Operators whose expressions this path answers in. */
  operators: Set<number>;
  /** Tokens after which such an expression (or one of its terms) starts. */
  starts: Set<number>;
  /** Nodes inside an operator that change what may be typed (arguments, lists, literals). */
  nested: Set<number>;
}

let contextKinds: ContextKinds | undefined;

/** The syntax kinds, read from the engine once it is loaded and kept. */
function contextKindsOf(): ContextKinds {
  if (contextKinds) return contextKinds;
  const S = kusto().Syntax.SyntaxKind;
  contextKinds = {
    operators: new Set([S.FilterOperator, S.ExtendOperator, S.ProjectOperator]),
    starts: new Set([
      S.WhereKeyword,
      S.FilterKeyword,
      S.ExtendKeyword,
      S.ProjectKeyword,
      S.AndKeyword,
      S.OrKeyword,
      S.CommaToken,
    ]),
    nested: new Set([
      S.FunctionCallExpression,
      S.ParenthesizedExpression,
      S.ExpressionList,
      S.BracketedExpression,
      S.PathExpression,
      S.ElementExpression,
      S.InExpression,
      S.InCsExpression,
      S.NotInExpression,
      S.NotInCsExpression,
      S.BetweenExpression,
      S.NotBetweenExpression,
    ]),
  };
  return contextKinds;
}

/** The operator the token belongs to directly, or undefined when a nested context comes first. */
function operatorOf(token: Kusto.Language.Syntax.SyntaxToken): Kusto.Language.Syntax.SyntaxNode | undefined {
  const { operators, nested } = contextKindsOf();
  for (let node = token.Parent; node; node = node.Parent) {
    if (operators.has(node.Kind)) return node;
    if (nested.has(node.Kind)) return undefined;
  }
  return undefined;
}

function isWord(token: Kusto.Language.Syntax.SyntaxToken): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(token.Text ?? '');
}

/**
 * An item with the fields of the engine's completion item that completion.ts reads. A plain
 * object: the engine's own constructor costs a first completion about 20 ms of warm-up.
 */
export type QuickItem = Pick<
  Kusto.Language.Editor.CompletionItem,
  'Kind' | 'DisplayText' | 'BeforeText' | 'AfterText' | 'MatchText' | 'Retrigger' | 'ApplyTexts'
>;

function engineItem(
  kind: Kusto.Language.Editor.CompletionKind,
  display: string,
  before: string,
  after: string | null,
  match: string,
): QuickItem {
  return {
    Kind: kind,
    DisplayText: display,
    BeforeText: before,
    AfterText: after ?? '',
    MatchText: match,
    Retrigger: false,
    ApplyTexts: null,
  };
}

/** The engine orders items of one kind by their lower-case name. */
function byName(items: QuickItem[]): QuickItem[] {
  const key = (item: QuickItem) => (item.MatchText ?? '').toLowerCase();
  return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

interface FunctionItem {
  item: QuickItem;
  /** The same in a predicate, where a function that does not return bool is followed by a space. */
  predicateItem: QuickItem;
}

const functionItems = new WeakMap<Kusto.Language.Symbols.FunctionSymbol, FunctionItem>();

/** A built-in scalar function as the engine lists it in an expression, made once per function. */
function functionItem(f: Kusto.Language.Symbols.FunctionSymbol): FunctionItem {
  let made = functionItems.get(f);
  if (made) return made;
  const K = kusto();
  const display = K.Editor.CompletionDisplay.GetText(f, false) ?? f.Name ?? '';
  const visible = toArray(f.Signatures).filter((s) => !s.IsHidden && !s.IsObsolete);
  const hasParameters = visible.some((s) => toArray(s.Parameters).length > 0);
  const name = f.Name ?? '';
  const before = hasParameters ? `${name}(` : `${name}()`;
  const after = hasParameters ? ')' : null;
  const space = K.Symbols.Symbol.GetResultType(f) !== K.Symbols.ScalarTypes.Bool ? ' ' : '';
  const kind = K.Editor.CompletionKind.BuiltInFunction;
  made = {
    item: engineItem(kind, display, before, after, name),
    predicateItem: engineItem(kind, display, before + space, after, name),
  };
  functionItems.set(f, made);
  return made;
}

/** The built-in scalar functions the binder makes available at the position, by name. */
function builtInFunctions(
  code: Kusto.Language.KustoCode,
  position: number,
): Kusto.Language.Symbols.FunctionSymbol[] {
  const K = kusto();
  const symbols = toArray(
    code.GetSymbolsInScope(position, K.Symbols.SymbolMatch.Function, K.IncludeFunctionKind.BuiltInFunctions),
  ) as Kusto.Language.Symbols.FunctionSymbol[];
  return symbols
    .filter((f) => !f.IsHidden && !f.IsObsolete && code.Globals!.IsBuiltInFunction(f))
    .filter((f) => toArray(f.Signatures).some((s) => !s.IsHidden && !s.IsObsolete))
    .filter((f) => K.Symbols.Symbol.GetResultType(f)?.IsScalar)
    .sort((a, b) => ((a.Name ?? '').toLowerCase() < (b.Name ?? '').toLowerCase() ? -1 : 1));
}

export function quickCompletion(
  ctx: BlockContext & { regionOffset: number },
  globals: Kusto.Language.GlobalState,
): QuickCompletion | undefined {
  try {
    const K = kusto();
    const code = boundCode(ctx, globals);
    const position = ctx.regionOffset - ctx.block.Start;
    const syntax = code.Syntax;
    if (!syntax) return undefined;
    const at = syntax.GetTokenAt(position);
    if (!at) return undefined;
    // The word being typed, if the caret is in or just after one.
    let word: Kusto.Language.Syntax.SyntaxToken | undefined;
    let before: Kusto.Language.Syntax.SyntaxToken | null;
    if (position > at.TextStart && position <= at.End && isWord(at)) {
      word = at;
      before = at.GetPreviousToken();
    } else {
      const previous = at.GetPreviousToken();
      if (previous && previous.End === position && isWord(previous)) {
        word = previous;
        before = previous.GetPreviousToken();
      } else {
        if (position > at.TextStart) return undefined;
        // The caret is in the trivia before `at`: not inside a comment.
        const trivia = (at.Trivia ?? '').slice(
          0,
          Math.max(0, position - (at.TextStart - (at.Trivia ?? '').length)),
        );
        if (trivia.split('\n').pop()!.includes('//')) return undefined;
        before = previous;
      }
    }
    if (!before || !contextKindsOf().starts.has(before.Kind)) return undefined;
    const operator = operatorOf(before);
    if (!operator) return undefined;
    if (word && word.Kind !== K.Syntax.SyntaxKind.IdentifierToken) return undefined;

    // In a predicate the engine follows a name that is not itself a bool with a space, ready for
    // the comparison; the same is done here so that the items equal the engine's.
    const predicate = operator.Kind === K.Syntax.SyntaxKind.FilterOperator;
    const spaced = (symbol: Kusto.Language.Symbols.Symbol) =>
      predicate && K.Symbols.Symbol.GetResultType(symbol) !== K.Symbols.ScalarTypes.Bool ? ' ' : '';
    const kinds = K.Editor.CompletionKind;
    const columns = toArray(code.GetColumnsInScope(position)?.Columns).map((column) => {
      const name = column.Name ?? '';
      const edit = K.KustoFacts.BracketNameIfNecessary$1(name, code.Dialect) ?? name;
      return engineItem(kinds.Column, name, edit + spaced(column), null, name);
    });
    const variables = toArray(
      code.GetSymbolsInScope(position, K.Symbols.SymbolMatch.Local | K.Symbols.SymbolMatch.Scalar),
    )
      .filter(
        (s) =>
          s.Kind === K.Symbols.SymbolKind.Variable &&
          (s as Kusto.Language.Symbols.VariableSymbol).Type?.IsScalar,
      )
      .map((s) => engineItem(kinds.Variable, s.Name ?? '', (s.Name ?? '') + spaced(s), null, s.Name ?? ''));
    const items = [
      ...byName(columns),
      ...byName(variables),
      ...builtInFunctions(code, position).map((f) =>
        predicate ? functionItem(f).predicateItem : functionItem(f).item,
      ),
    ];
    const editStart = ctx.block.Start + (word ? word.TextStart : position);
    return { items, editStart, editLength: word ? position - word.TextStart : 0 };
  } catch {
    return undefined;
  }
}
