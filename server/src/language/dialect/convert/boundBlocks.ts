import { analysedCode } from '../../engineBlocks';
import { kusto, toArray } from '../../kustoEngine';
import { queryBlockStarts } from '../../querySeparator';

/** One query of a text, parsed and bound, with where it starts in the text. */
export interface BoundBlock {
  readonly start: number;
  readonly code: Kusto.Language.KustoCode;
}

/**
 * The text's queries as the editor's diagnostics bind them: split where the product splits
 * (querySeparator.ts), so that lets ending in `;` before a blank line stay in scope.
 */
export function boundBlocks(text: string, globals: Kusto.Language.GlobalState): BoundBlock[] {
  const K = kusto();
  const script = K.Editor.CodeScript.From$1(text, globals)!.WithSeparator(queryBlockStarts as never)!;
  return toArray(script.Blocks).map((block) => {
    let code = analysedCode(block);
    if (!code) {
      // The engine's binder throws on some malformed text; the syntax tree alone still serves.
      try {
        code = K.KustoCode.ParseAndAnalyze(block.Text ?? '', globals)!;
      } catch {
        code = K.KustoCode.Parse(block.Text ?? '', globals)!;
      }
    }
    return { start: block.Start, code };
  });
}

/** An error the engine reports on a text, at text offsets. */
export interface BindingError {
  readonly start: number;
  readonly end: number;
  readonly code: string;
  readonly message: string;
}

/** The engine's errors (syntax and binding) for every query of the text in one environment. */
export function bindingErrors(text: string, globals: Kusto.Language.GlobalState): BindingError[] {
  return boundBlocks(text, globals).flatMap(({ start, code }) =>
    toArray(code.GetDiagnostics())
      .filter((d) => d.Severity === 'Error')
      .map((d) => ({
        start: start + d.Start,
        end: start + d.Start + d.Length,
        code: d.Code ?? '',
        message: d.Message ?? '',
      })),
  );
}
