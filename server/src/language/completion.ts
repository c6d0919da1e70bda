import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver-types';
import type { DocumentAnalysis } from './documentAnalysis';
import { blockAtDocumentOffset, boundCode, regionRange, type BlockContext } from './engineBlocks';
import { queryGrammarBuilt } from './engineTuning/lazyGrammar';
import { kusto, toArray } from './kustoEngine';
import { quickCompletion, type QuickItem } from './quickCompletion';
import { describeSymbol, type SymbolCategory } from './symbolDocs';

/** What the client can do with completion items; read from its initialize capabilities. */
export interface CompletionClientOptions {
  snippetSupport: boolean;
}

/** Kept on each item so that completionItem/resolve can find its documentation later. */
export interface CompletionData {
  environment: string;
  category: SymbolCategory;
  name: string;
  /**
   * For a column: the database table it comes from at the caret, or '' when the query made it
   * (extend, project, summarize). Absent when the scope is not known.
   */
  table?: string;
}

/**
 * The columns in the row scope at the caret, by name, with the database table each comes from:
 * documentation then names that table, as hover does, rather than every table with the name.
 * The owner is looked up among the tables the block reads, by the column symbol itself: the
 * engine's own column-to-table lookup builds an index of every table first, which costs the
 * first completion in Sentinel's catalogue about 400 ms.
 */
function scopeTables(
  ctx: BlockContext & { regionOffset: number },
  globals: Kusto.Language.GlobalState,
): Map<string, string> | undefined {
  try {
    const K = kusto();
    const code = boundCode(ctx, globals);
    const scope = code.GetColumnsInScope(ctx.regionOffset - ctx.block.Start);
    if (!scope || !code.Syntax) return undefined;
    const owners = new Map<Kusto.Language.Symbols.ColumnSymbol, string>();
    K.Syntax.SyntaxElement.WalkNodes(code.Syntax, (node: Kusto.Language.Syntax.SyntaxNode) => {
      const symbol = node.ReferencedSymbol;
      if (symbol?.Kind !== K.Symbols.SymbolKind.Table || node.Kind !== K.Syntax.SyntaxKind.NameReference)
        return;
      // A name that refers to a table symbol is a database table (a let of a table is a variable).
      const table = symbol as Kusto.Language.Symbols.TableSymbol;
      for (const column of toArray(table.Columns))
        if (!owners.has(column)) owners.set(column, table.Name ?? '');
    });
    return new Map(toArray(scope.Columns).map((column) => [column.Name ?? '', owners.get(column) ?? '']));
  } catch {
    return undefined;
  }
}

type EngineKind = Kusto.Language.Editor.CompletionKind;

function lspKind(kind: EngineKind): CompletionItemKind {
  const K = kusto().Editor.CompletionKind;
  switch (kind) {
    case K.Column:
      return CompletionItemKind.Field;
    case K.Table:
    case K.MaterialiedView:
    case K.StoredQueryResult:
    case K.Graph:
    case K.EntityGroup:
      return CompletionItemKind.Class;
    case K.BuiltInFunction:
    case K.LocalFunction:
    case K.DatabaseFunction:
      return CompletionItemKind.Function;
    case K.AggregateFunction:
      return CompletionItemKind.Method;
    case K.Variable:
    case K.Parameter:
      return CompletionItemKind.Variable;
    case K.Database:
    case K.Cluster:
      return CompletionItemKind.Module;
    case K.ScalarType:
      return CompletionItemKind.TypeParameter;
    case K.Punctuation:
    case K.ScalarInfix:
      return CompletionItemKind.Operator;
    case K.Example:
      return CompletionItemKind.Value;
    case K.Identifier:
      return CompletionItemKind.Text;
    default:
      return CompletionItemKind.Keyword;
  }
}

function categoryOf(kind: EngineKind): SymbolCategory | undefined {
  const K = kusto().Editor.CompletionKind;
  switch (kind) {
    case K.Column:
      return 'column';
    case K.Table:
      return 'table';
    case K.BuiltInFunction:
    case K.DatabaseFunction:
    case K.LocalFunction:
      return 'function';
    case K.AggregateFunction:
      return 'aggregate';
    default:
      return undefined;
  }
}

function isFunction(kind: EngineKind): boolean {
  return categoryOf(kind) === 'function' || categoryOf(kind) === 'aggregate';
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/**
 * The required parameters of a function item, read from the engine's display text such as
 * `array_index_of(array, value, [start])`: bracketed and repeated (`...`) ones are optional.
 */
export function requiredParameters(displayText: string): string[] {
  const open = displayText.indexOf('(');
  const close = displayText.lastIndexOf(')');
  if (open < 0 || close <= open) return [];
  return displayText
    .slice(open + 1, close)
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith('[') && p !== '...' && !p.endsWith('...'));
}

/**
 * An item's text before and after the caret. The engine computes these with LINQ on each new item
 * object, and every request makes new item objects, but most share their `ApplyTexts` list with
 * the items of earlier requests: keyed on that list, the texts are computed once.
 */
const textsByApplyTexts = new WeakMap<object, { before: string; after: string }>();

function caretTexts(item: QuickItem): { before: string; after: string } {
  const key = item.ApplyTexts as object | null;
  let texts = key ? textsByApplyTexts.get(key) : undefined;
  if (!texts) {
    texts = { before: item.BeforeText ?? '', after: item.AfterText ?? '' };
    if (key) textsByApplyTexts.set(key, texts);
  }
  return texts;
}

function snippetFor(item: QuickItem): string | undefined {
  const { before, after } = caretTexts(item);
  if (!before.endsWith('(') || !after.startsWith(')')) return undefined;
  const params = requiredParameters(item.DisplayText ?? '');
  const placeholders = params.map((p, i) => `\${${i + 1}:${escapeSnippet(p)}}`).join(', ');
  return `${escapeSnippet(before)}${placeholders}${escapeSnippet(after)}$0`;
}

/**
 * Completion at a document position: the engine's items, in the engine's order (kept through
 * `sortText`), with their edit range mapped from region text to the document. The client
 * filters by `filterText` as the user types, so the whole list is returned once per word.
 */
export function getCompletions(
  analysis: DocumentAnalysis,
  position: Position,
  options: CompletionClientOptions,
): CompletionList {
  const at = blockAtDocumentOffset(analysis, analysis.document.offsetAt(position));
  if (!at) return { isIncomplete: false, items: [] };
  // Until the engine's query grammar is built, the contexts that do not need it are answered
  // without it (see quickCompletion.ts), and the list says it is incomplete.
  const quick = queryGrammarBuilt(kusto()) ? undefined : quickCompletion(at, analysis.globals);
  const info = quick ? undefined : at.service.GetCompletionItems(at.regionOffset);
  if (!quick && !info) return { isIncomplete: false, items: [] };
  const range = quick
    ? regionRange(analysis, at.query, quick.editStart, quick.editLength)
    : regionRange(analysis, at.query, info!.EditStart, info!.EditLength);
  const engineItems: QuickItem[] = quick ? quick.items : toArray(info!.Items);
  const width = String(engineItems.length).length;
  const K = kusto().Editor.CompletionKind;
  const tables = engineItems.some((item) => item.Kind === K.Column)
    ? scopeTables(at, analysis.globals)
    : undefined;
  const items = engineItems.map((item, i): CompletionItem => {
    const label = item.DisplayText ?? '';
    const { before, after } = caretTexts(item);
    const plain = before + after;
    const snippet = options.snippetSupport && isFunction(item.Kind) ? snippetFor(item) : undefined;
    const category = categoryOf(item.Kind);
    const nameOnly = (item.MatchText ?? label).replace(/\(.*$/, '');
    const out: CompletionItem = {
      label,
      kind: lspKind(item.Kind),
      sortText: String(i).padStart(width, '0'),
      filterText: item.MatchText ?? label,
      textEdit: { range, newText: snippet ?? plain },
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
    if (item.Retrigger) out.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
    if (category) {
      const data: CompletionData = { environment: analysis.environment, category, name: nameOnly };
      const table = category === 'column' ? tables?.get(nameOnly) : undefined;
      if (table !== undefined) data.table = table;
      out.data = data;
    }
    return out;
  });
  return { isIncomplete: !!quick, items };
}

/** Adds the documentation that is too costly to compute for every item of a list. */
export function resolveCompletion(
  item: CompletionItem,
  globalsFor: (env: string) => Kusto.Language.GlobalState | undefined,
): CompletionItem {
  const data = item.data as Partial<CompletionData> | undefined;
  if (!data?.category || !data.name || !data.environment) return item;
  const globals = globalsFor(data.environment);
  if (!globals) return item;
  const doc = describeSymbol(globals, data.category, data.name, undefined, data.table);
  if (!doc) return item;
  return {
    ...item,
    detail: doc.signature,
    documentation: doc.markdown ? { kind: 'markdown', value: doc.markdown } : undefined,
  };
}
