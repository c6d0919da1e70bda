import { UnsupportedError } from './errors';
import { elements, kindName, type Expr } from './syntax';

/**
 * A plugin's arguments in the order of its page's syntax: positional ones where they stand, named
 * ones (`return_unmatched = true`) moved to their place by name. An argument the page does not
 * name is refused by name, so a misspelt option is never silently ignored.
 */
export function pluginArguments(
  op: Kusto.Language.Syntax.EvaluateOperator,
  plugin: string,
  names: readonly string[],
): (Expr | undefined)[] {
  const out: (Expr | undefined)[] = [];
  elements<Expr>(op.FunctionCall!.ArgumentList?.Expressions).forEach((e, i) => {
    if (kindName(e) !== 'SimpleNamedExpression') {
      out[i] = e;
      return;
    }
    const named = e as Kusto.Language.Syntax.SimpleNamedExpression;
    const at = names.indexOf((named.Name?.SimpleName ?? '').toLowerCase());
    if (at < 0) throw new UnsupportedError(`the argument '${named.Name?.SimpleName}' of ${plugin}()`);
    out[at] = named.Expression!;
  });
  return out;
}
