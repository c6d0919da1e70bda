import { kusto } from '../language/kustoEngine';
import { STUB_MARKER } from '../schema/types';
import { UnsupportedError } from './errors';
import { elements, kindName, subtree } from './syntax';
import type { FunctionBinding } from './userFunctions';

/**
 * Functions of the environment or the repository that come with their KQL (a parser such as
 * `_Im_Dns` read from a detection repository, a workspace's saved function): they run as a let
 * function would, from their own query. A function the product knows only by its result columns
 * (the catalogue's stub body, marked by STUB_MARKER) or only by a signature is refused by name:
 * running its stub would return no rows where Kusto returns data, which is a wrong answer.
 */

/** Whether a function symbol comes with KQL (a database function), unlike Kusto's own functions. */
export function hasQueryBody(symbol: Kusto.Language.Symbols.Symbol): boolean {
  if (symbol.Kind !== kusto().Symbols.SymbolKind.Function) return false;
  const signatures = elements<Kusto.Language.Symbols.Signature>(
    (symbol as Kusto.Language.Symbols.FunctionSymbol).Signatures,
  );
  return signatures.some((s) => !!s.Body?.trim());
}

const bindings = new WeakMap<object, FunctionBinding>();

export function databaseFunction(
  symbol: Kusto.Language.Symbols.Symbol | null | undefined,
  name: string,
): FunctionBinding {
  const K = kusto();
  if (!symbol || symbol.Kind !== K.Symbols.SymbolKind.Function)
    throw new UnsupportedError(`the function ${name}`);
  const fn = symbol as Kusto.Language.Symbols.FunctionSymbol;
  const cached = bindings.get(fn);
  if (cached) return cached;
  const signatures = elements<Kusto.Language.Symbols.Signature>(fn.Signatures);
  const signature = signatures[0];
  const body = signature?.Body?.trim();
  if (signatures.length !== 1 || !body)
    throw new UnsupportedError(
      `the function ${name} (the environment provides it; its query is not known here)`,
    );
  if (body.includes(STUB_MARKER))
    throw new UnsupportedError(
      `the function ${name} (only its result columns are known here, not its query)`,
    );
  // The declaration is re-read from text so that parameters, their defaults and tabular ones look
  // exactly as a let function's do; the body itself comes from the engine's expansion at each call.
  const params = K.Symbols.Parameter.GetParameterListDeclaration(signature.Parameters) ?? '()';
  // Analysed, so that default values are typed literals, as a let function's are.
  const text = `let ${quoted(fn.Name ?? name)} = ${params} ${body.startsWith('{') ? body : `{ ${body} }`};`;
  const code = K.KustoCode.ParseAndAnalyze(text, K.GlobalState.Default)!;
  const decl = [...subtree(code.Syntax!)].find((n) => kindName(n) === 'FunctionDeclaration') as
    Kusto.Language.Syntax.FunctionDeclaration | undefined;
  if (!decl) throw new UnsupportedError(`the function ${name} (its declaration could not be read)`);
  const binding: FunctionBinding = { kind: 'function', name: fn.Name ?? name, decl };
  bindings.set(fn, binding);
  return binding;
}

const quoted = (n: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(n) ? n : `['${n.replace(/'/g, "\\'")}']`);
