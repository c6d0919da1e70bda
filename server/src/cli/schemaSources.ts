import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { getLanguageService, type KqlLanguageService } from '../service/languageService';
import type { SchemaFileProblem } from '../schema/customSchemaFiles';
import type { CiSkipLists } from '../rules/ciSkipLists';
import type { SchemaSource } from '../schema/schemaMerge';
import type { BrokenParsers } from '../schema/brokenParsers';
import { CatalogueSchemaProvider } from '../schema/schemaProvider';
import { ENVIRONMENT_IDS } from '../schema/types';
import { findSchemaFiles, loadSchemaFile, type LoadedSchemaFile } from '../schemaFiles/schemaFileLoader';
import { UsageError } from './exitCodes';
import { compareFindings, toFinding, type FileResult, type Finding } from './findings';
import { refusalOf } from './regularFile';
import { ruleIdIndex } from './ruleIdTable';

/**
 * Reads the custom schema files: `patterns` are paths or globs relative to `baseDir` (the
 * configuration file's folder for `schemaFiles`, the working folder for `--schema`), found and
 * parsed by the same loader the language server uses for `kqlHunting.schemaFiles`. A file that
 * cannot be read stops the run: a CI gate must not pass on a schema it never saw.
 */
export async function loadSchemaFiles(
  patterns: readonly string[],
  baseDir: string,
): Promise<LoadedSchemaFile[]> {
  const loaded: LoadedSchemaFile[] = [];
  for (const file of await findSchemaFiles(baseDir, patterns)) {
    // As for checked files: never /proc, a FIFO or a device (regularFile.ts).
    const refusal = refusalOrMissing(file);
    if (refusal) throw new UsageError(`cannot read schema file ${file}: ${refusal}`);
    const l = await loadSchemaFile(file);
    if (l.text === '' && l.problems.some((p) => p.message.startsWith('Cannot read')))
      throw new UsageError(`cannot read schema file ${file}`);
    loaded.push(l);
  }
  return loaded;
}

function refusalOrMissing(file: string): string | undefined {
  try {
    return refusalOf(file);
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * The language service a run checks with: the built-in catalogue with the custom schema files
 * merged over it, and the run's rule ids for the duplicate-id check, made the same way in every
 * thread.
 */
export function createCliService(
  sources: readonly SchemaSource[],
  ruleIds: Readonly<Record<string, string>>,
  ciSkips?: CiSkipLists,
  brokenParsers?: BrokenParsers,
): KqlLanguageService {
  return getLanguageService({
    schemas: catalogueWith(sources, brokenParsers),
    ruleIds: ruleIdIndex(ruleIds),
    ciSkipsOf: () => ciSkips,
  });
}

function catalogueWith(
  sources: readonly SchemaSource[],
  brokenParsers?: BrokenParsers,
): CatalogueSchemaProvider {
  const catalogue = new CatalogueSchemaProvider();
  if (sources.length > 0) catalogue.setCustomSources(sources, brokenParsers);
  return catalogue;
}

/**
 * Which repository parsers give way to the CI's declaration (schema/brokenParsers.ts), found
 * once in this thread so that the workers and the schema-file report need not bind them again.
 */
export function brokenParsersOf(sources: readonly SchemaSource[]): BrokenParsers | undefined {
  return sources.length > 0 ? catalogueWith(sources).brokenParsers() : undefined;
}

const SEVERITY: Record<SchemaFileProblem['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

/**
 * The problems the editor shows on custom schema files (parse problems, and tables or columns
 * skipped or merged while the catalogues are built), as findings on those files. Building the
 * catalogues loads the engine in this thread, which is only done when there are schema files.
 */
export function schemaFileResults(
  loaded: readonly LoadedSchemaFile[],
  display: (file: string) => string,
  brokenParsers?: BrokenParsers,
): FileResult[] {
  if (loaded.length === 0) return [];
  const catalogue = catalogueWith(
    loaded.map((l) => l.source),
    brokenParsers,
  );
  for (const env of ENVIRONMENT_IDS) catalogue.globalsFor(env);
  const warnings = new Map<string, Set<string>>();
  for (const w of catalogue.warnings())
    (warnings.get(w.source) ?? warnings.set(w.source, new Set()).get(w.source)!).add(w.message);
  return loaded.map((l) => {
    const document = TextDocument.create(pathToFileURL(l.file).href, 'json', 0, l.text);
    const problems: SchemaFileProblem[] = [
      ...l.problems,
      ...[...(warnings.get(l.file) ?? [])].map((message) => ({
        severity: 'warning' as const,
        message: `${message}.`,
        offset: 0,
        length: 0,
      })),
    ];
    const diagnostics: Diagnostic[] = problems.map((p) => ({
      range: { start: document.positionAt(p.offset), end: document.positionAt(p.offset + p.length) },
      severity: SEVERITY[p.severity],
      source: 'kql-schema',
      message: p.message,
    }));
    const file = display(l.file);
    const findings = diagnostics
      .map((d) => toFinding(file, d))
      .filter((f): f is Finding => f !== undefined)
      .sort(compareFindings);
    const lines: Record<number, string> = {};
    for (const f of findings)
      lines[f.line] ??= document
        .getText({ start: { line: f.line - 1, character: 0 }, end: { line: f.line, character: 0 } })
        .replace(/\r?\n$/, '');
    return { file, findings, lines };
  });
}

/** Adds the schema files' findings to the checked files' results, keeping the results in path order. */
export function withSchemaResults(results: FileResult[], schemaResults: readonly FileResult[]): FileResult[] {
  if (schemaResults.length === 0) return results;
  const byFile = new Map(results.map((r) => [r.file, r]));
  for (const s of schemaResults) {
    const existing = byFile.get(s.file);
    if (existing) {
      existing.findings = [...existing.findings, ...s.findings].sort(compareFindings);
      existing.lines = { ...s.lines, ...existing.lines };
    } else {
      byFile.set(s.file, s);
    }
  }
  return [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
