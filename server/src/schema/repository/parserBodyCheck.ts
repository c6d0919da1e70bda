import { kusto, toArray } from '../../language/kustoEngine';
import { typedNull, type SchemaFileProblem } from '../customSchemaFiles';
import type { SchemaSource } from '../schemaMerge';
import type { FunctionDef } from '../types';

/**
 * Binds a repository parser's own query, its parameters given their defaults, against the
 * merged catalogue, so that a parser that does not bind is reported once at its own file; the
 * rules that call it then need not each repeat "the function has errors in its definition".
 */
function parserBodyErrors(fn: FunctionDef, globals: Kusto.Language.GlobalState): string[] {
  if (!fn.body) return [];
  // A tabular parameter has no constant to stand for it; such a parser is left to its callers.
  if (fn.parameters.some((p) => p.type.trim().startsWith('('))) return [];
  const lets = fn.parameters
    .map((p) => `let ${bracketed(p.name)} = ${p.defaultValue ?? typedNull(p.type)};\n`)
    .join('');
  const inner = fn.body.replace(/^\s*\{/, '').replace(/\}\s*$/, '');
  const code = kusto().KustoCode.ParseAndAnalyze(lets + inner, globals)!;
  const prefixLines = fn.parameters.length;
  return toArray(code.GetDiagnostics())
    .filter((d) => d.Severity === 'Error')
    .map((d) => {
      const line = lineOf(lets + inner, d.Start) - prefixLines;
      return `line ${Math.max(1, line)} of its query: ${d.Message ?? 'error'}`;
    });
}

function bracketed(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `['${name.replace(/'/g, "\\'")}']`;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** The problems of a file's parsers, one per parser whose query does not bind, with its first error. */
export function parserProblems(
  source: SchemaSource,
  globals: Kusto.Language.GlobalState,
): SchemaFileProblem[] {
  return source.functions.flatMap((fn) => {
    const errors = parserBodyErrors(fn, globals);
    if (!errors.length) return [];
    const message = `The query of ${fn.name} does not bind cleanly (${errors.length} error(s)); ${errors[0]}.`;
    return [{ severity: 'warning' as const, message, offset: 0, length: 0 }];
  });
}
