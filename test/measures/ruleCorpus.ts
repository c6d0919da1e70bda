import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { kusto, toArray } from '../../server/src/language/kustoEngine';

/**
 * The 767 real Sentinel rules in ../shared/corpus/sentinel-rules, validated the way an editor
 * Sentinel runs their queries, in the `sentinel` environment. Shared by the accuracy test and by
 * `npm run accuracy`, which prints the same figures.
 */

export interface CorpusRule {
  file: string;
  query: string;
}

export interface EngineError {
  message: string;
  code: string;
  text: string;
  start: number;
  end: number;
}

export interface RuleErrors {
  file: string;
  errors: EngineError[];
}

export function loadCorpus(sharedDir: string): CorpusRule[] {
  const dir = path.join(sharedDir, 'corpus', 'sentinel-rules');
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .flatMap((file) => {
      const doc = parseYaml(fs.readFileSync(path.join(dir, file), 'utf8')) as { query?: unknown } | null;
      return typeof doc?.query === 'string' ? [{ file, query: doc.query }] : [];
    });
}

/**
 * Every rule and hunting query YAML with a query under `dirs` (searched recursively), named by
 * its path from `root`: the wider measure over a detection repository in its real layout.
 */
export function loadYamlQueries(root: string, dirs: string[]): CorpusRule[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/i.test(entry.name)) files.push(full);
    }
  };
  for (const d of dirs) if (fs.existsSync(path.join(root, d))) walk(path.join(root, d));
  return files.sort().flatMap((full) => {
    let doc: { query?: unknown } | null;
    try {
      doc = parseYaml(fs.readFileSync(full, 'utf8')) as { query?: unknown } | null;
    } catch {
      return [];
    }
    return typeof doc?.query === 'string' ? [{ file: path.relative(root, full), query: doc.query }] : [];
  });
}

/**
 * The engine's errors for a whole query, as Sentinel runs it. The engine is called directly
 * rather than through the editor's per-block analysis and lints: errors are all that is
 * measured, and binding 767 queries is slow enough already.
 */
export function errorsOf(globals: Kusto.Language.GlobalState, query: string): EngineError[] {
  const code = kusto().KustoCode.ParseAndAnalyze(query, globals)!;
  return toArray(code.GetDiagnostics())
    .filter((d) => d.Severity === 'Error')
    .map((d) => ({
      message: d.Message ?? '',
      code: d.Code ?? '',
      text: query.substr(d.Start, d.Length),
      start: d.Start,
      end: d.Start + d.Length,
    }));
}

/** An error as knownRuleErrors.ts pins it: its code and the text it covers (spaces collapsed, at most 60 characters). */
export function errorKey(e: EngineError): string {
  return `${e.code} ${e.text.replace(/\s+/g, ' ').slice(0, 60)}`;
}

export function corpusErrors(
  globals: Kusto.Language.GlobalState,
  rules: readonly CorpusRule[],
): RuleErrors[] {
  return rules.flatMap((rule) => {
    const errors = errorsOf(globals, rule.query);
    return errors.length ? [{ file: rule.file, errors }] : [];
  });
}

/** A name in a query that the catalogue resolves: a table, or a column of a catalogue table. */
export interface CatalogueName {
  text: string;
  start: number;
  kind: 'table' | 'column';
}

/**
 * The names in a query that bind to the catalogue's own tables and columns (not to `let`
 * variables or computed columns), found in the engine's bound syntax tree.
 */
export function catalogueNames(query: string, globals: Kusto.Language.GlobalState): CatalogueName[] {
  const K = kusto();
  const tables = new Set<unknown>(toArray(globals.Database!.Tables));
  const columns = new Set<unknown>(
    [...tables].flatMap((t) => toArray((t as Kusto.Language.Symbols.TableSymbol).Columns)),
  );
  const code = K.KustoCode.ParseAndAnalyze(query, globals)!;
  const out: CatalogueName[] = [];
  code.Syntax!.WalkNodes((node) => {
    if (!(node instanceof K.Syntax.NameReference)) return;
    const symbol = node.ReferencedSymbol;
    const kind = tables.has(symbol) ? 'table' : columns.has(symbol) ? 'column' : undefined;
    const text = query.substr(node.TextStart, node.Width);
    if (kind && /^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) out.push({ text, start: node.TextStart, kind });
  });
  return out;
}

/** The name with one character changed, so that it names nothing the catalogue knows. */
export function misspell(name: string, known: (candidate: string) => boolean): string {
  const at = Math.max(1, Math.floor(name.length / 2));
  for (const replacement of 'qxzjkw') {
    if (name[at].toLowerCase() === replacement) continue;
    const candidate = name.slice(0, at) + replacement + name.slice(at + 1);
    if (!known(candidate)) return candidate;
  }
  throw new Error(`no misspelling of ${name} is free`);
}
