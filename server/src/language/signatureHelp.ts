import type {
  ParameterInformation,
  Position,
  SignatureHelp,
  SignatureInformation,
} from 'vscode-languageserver-types';
import type { DocumentAnalysis } from './documentAnalysis';
import { blockAtDocumentOffset, boundCode } from './engineBlocks';
import { kusto, toArray } from './kustoEngine';
import { functionDescription } from './symbolDocs';

type Syntax = typeof Kusto.Language.Syntax;

/**
 * The innermost function call whose parentheses contain `position` (block-relative). A call
 * still being typed has a missing `)`: it then reaches as far as the whitespace after it.
 */
function enclosingCall(
  root: Kusto.Language.Syntax.SyntaxNode,
  text: string,
  position: number,
): Kusto.Language.Syntax.FunctionCallExpression | undefined {
  const S: Syntax = kusto().Syntax;
  let best: Kusto.Language.Syntax.FunctionCallExpression | undefined;
  let bestOpen = -1;
  root.WalkNodes((node) => {
    if (node.Kind !== S.SyntaxKind.FunctionCallExpression) return;
    const call = node as Kusto.Language.Syntax.FunctionCallExpression;
    const args = call.ArgumentList;
    if (!args?.OpenParen || args.OpenParen.IsMissing) return;
    const open = args.OpenParen.TextStart;
    const closed = args.CloseParen && !args.CloseParen.IsMissing;
    const inside = closed
      ? position > open && position <= args.CloseParen!.TextStart
      : position > open && (position <= call.End || text.slice(call.End, position).trim() === '');
    if (inside && open > bestOpen) {
      best = call;
      bestOpen = open;
    }
  });
  return best;
}

function signatureInfo(
  fn: Kusto.Language.Symbols.FunctionSymbol,
  sig: Kusto.Language.Symbols.Signature,
): SignatureInformation {
  const params = toArray(sig.Parameters);
  const texts = params.map((p) => {
    const types = toArray(p.DeclaredTypes)
      .map((t) => t.Name)
      .join(' | ');
    const typed = types ? `${p.Name}: ${types}` : (p.Name ?? '');
    return p.IsOptional ? `[${typed}]` : p.IsRepeatable ? `${typed}, ...` : typed;
  });
  let label = `${fn.Name}(`;
  const parameters: ParameterInformation[] = [];
  texts.forEach((t, i) => {
    if (i > 0) label += ', ';
    parameters.push({ label: [label.length, label.length + t.length] });
    label += t;
  });
  label += ')';
  const ret = sig.DeclaredReturnType?.Name;
  if (ret) label += `: ${ret}`;
  const doc = functionDescription(fn);
  return { label, parameters, documentation: doc };
}

/**
 * Signature help for the function or aggregate call around the caret, with the parameter the
 * caret is in. The active parameter is the number of commas before the caret inside the
 * call's own argument list (commas of nested calls belong to them), capped at a repeatable
 * last parameter.
 */
export function getSignatureHelp(analysis: DocumentAnalysis, position: Position): SignatureHelp | null {
  const at = blockAtDocumentOffset(analysis, analysis.document.offsetAt(position));
  if (!at) return null;
  const code = boundCode(at, analysis.globals);
  const local = at.regionOffset - at.block.Start;
  const call = code.Syntax ? enclosingCall(code.Syntax, at.block.Text ?? '', local) : undefined;
  const fn = call?.ReferencedSymbol ?? call?.Name?.ReferencedSymbol;
  if (!call || !fn || fn.Kind !== kusto().Symbols.SymbolKind.Function) return null;
  const func = fn as Kusto.Language.Symbols.FunctionSymbol;
  const signatures = toArray(func.Signatures).filter((s) => !s.IsHidden);
  if (signatures.length === 0) return null;
  let commas = 0;
  for (const element of toArray<Kusto.Language.Syntax.SeparatedElement$1<Kusto.Language.Syntax.Expression>>(
    call.ArgumentList!.Expressions as never,
  )) {
    const sep = element.Separator;
    if (sep && !sep.IsMissing && sep.TextStart < local) commas++;
  }
  const chosen = call.ReferencedSignature ? signatures.indexOf(call.ReferencedSignature) : -1;
  const activeSignature =
    chosen >= 0
      ? chosen
      : Math.max(
          0,
          signatures.findIndex((s) => s.MaxArgumentCount > commas),
        );
  const params = toArray(signatures[activeSignature].Parameters);
  const last = params.length - 1;
  const activeParameter = last >= 0 && commas > last && params[last].IsRepeatable ? last : commas;
  return { signatures: signatures.map((s) => signatureInfo(func, s)), activeSignature, activeParameter };
}
