import * as fs from 'node:fs/promises';
import * as path from 'node:path';
// Required, not imported, so that the bundle takes tinyglobby's CommonJS build (as cli/ does).
import tinyglobby = require('tinyglobby');
import { builtinSchema } from '../schema/builtinSchemas';
import type { SchemaFileProblem } from '../schema/customSchemaFiles';
import { parseParserKql, parseParserYaml, type ParsedParserFile } from '../schema/repository/parserFiles';
import { ENVIRONMENT_IDS, type FunctionDef } from '../schema/types';
import {
  CI_SKIP_FILES,
  ciSkipLists,
  parseCiSkipFile,
  type CiSkipKind,
  type CiSkipLists,
} from '../rules/ciSkipLists';
import { loadSchemaFile, type LoadedSchemaFile } from './schemaFileLoader';

/**
 * Zero-configuration loading of what a detection repository defines for its own rules, in the
 * layout of Azure-Sentinel: the custom table and function schemas its KQL validation uses, and
 * its parser functions. Host side: reading the disk; the parsing is pure (schema/).
 */

const CI_SCHEMAS = '.script/tests/KqlvalidationsTests';
const PARSER_GLOBS = [
  'Parsers/**/*.{yaml,yml,txt,kql}',
  'Solutions/*/Parsers/**/*.{yaml,yml,txt,kql}',
  'ASIM/**/*.{yaml,yml}',
];

/** What the editor watches in a repository folder, to reload when a schema or parser changes. */
export const REPOSITORY_WATCH_GLOBS = [
  `${CI_SCHEMAS}/**/*.json`,
  '.script/tests/detectionTemplateSchemaValidation/*.json',
  ...PARSER_GLOBS,
];

/** The paths PARSER_GLOBS and the CI's schema folders match, as patterns on one path. */
const DEFINITION_PATHS = [
  /^\.script\/tests\/KqlvalidationsTests\/Custom(Tables|Functions)\/[^/]+\.json$/,
  /^(Parsers|Solutions\/[^/]+\/Parsers)\/(.+\/)?[^/]+\.(yaml|yml|txt|kql)$/,
  /^ASIM\/(.+\/)?[^/]+\.(yaml|yml)$/,
];

/**
 * Whether `rel` (relative to the repository's root, with forward slashes) is a place discovery
 * reads definitions from: for a file that is gone, whose old text `check --changed` reads.
 */
export function isRepositoryDefinitionPath(rel: string): boolean {
  return DEFINITION_PATHS.some((re) => re.test(rel));
}

export interface RepositoryDefinitions {
  /** Each file that defined something or has a problem, in load order (later files win). */
  files: LoadedSchemaFile[];
  /** One line per kind and folder, for `--verbose`. */
  report: string[];
  /** The CI's skip lists, when the repository has any (ciSkipLists.ts). */
  skips?: CiSkipLists;
  /**
   * Where the CI's skip lists are, absolute, whether or not they exist: adding, changing or
   * deleting one changes what every rule reports.
   */
  skipFiles?: string[];
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

/** A folder laid out as a detection repository: the CI's schema folder or a Parsers folder. */
export async function looksLikeRepository(root: string): Promise<boolean> {
  if ((await exists(path.join(root, CI_SCHEMAS))) || (await exists(path.join(root, 'Parsers')))) return true;
  return (await glob(root, ['Solutions/*/Parsers'], false)).length > 0;
}

async function glob(root: string, patterns: string[], onlyFiles = true): Promise<string[]> {
  const found = await tinyglobby.glob(patterns, {
    cwd: root,
    absolute: true,
    onlyFiles,
    onlyDirectories: !onlyFiles,
    ignore: ['**/node_modules/**'],
  });
  return found.map((f) => path.resolve(f)).sort();
}

/**
 * Loads the repository's definitions when `root` looks like a detection repository, else
 * nothing. The CI's JSON schemas come first and the parsers after them, so a parser's own query
 * decides the columns of a function that both define. `keepBuiltinNames` also loads definitions
 * named like the service's own functions (the ASIM parsers), for running them locally.
 */
export async function discoverRepository(
  root: string,
  options: { keepBuiltinNames?: boolean } = {},
): Promise<RepositoryDefinitions> {
  if (!(await looksLikeRepository(root))) return { files: [], report: [] };
  const files: LoadedSchemaFile[] = [];
  const counts = new Map<string, { tables: number; functions: number; problems: number }>();
  const count = (label: string, l: LoadedSchemaFile) => {
    const c = counts.get(label) ?? { tables: 0, functions: 0, problems: 0 };
    c.tables += l.source.tables.length;
    c.functions += l.source.functions.length;
    c.problems += l.problems.length;
    counts.set(label, c);
  };
  // Checking keeps the service's own parsers (below); running them needs the repository's text.
  const builtin = options.keepBuiltinNames ? new Set<string>() : builtinFunctionNames();
  let shadowing = 0;
  for (const kind of ['CustomTables', 'CustomFunctions']) {
    for (const file of await glob(root, [`${CI_SCHEMAS}/${kind}/*.json`])) {
      const l = await loadSchemaFile(file);
      // The CI declares ASIM parsers such as imProcessCreate as tables, its engine lacking them;
      // the product knows them as functions, with their full and open result, so those stay.
      const tables = l.source.tables.filter((t) => !builtin.has(t.name.toLowerCase()));
      shadowing += l.source.tables.length - tables.length;
      l.source.tables = tables;
      count(`${CI_SCHEMAS}/${kind}`, l);
      files.push(l);
    }
  }
  const suggestions: Suggestion[] = [];
  for (const file of await glob(root, PARSER_GLOBS)) {
    const { loaded: l, suggested } = await loadParserFile(file);
    if (suggested) suggestions.push({ loaded: l, fn: suggested });
    // Sentinel ships the ASIM parsers itself, newer than a repository's copy: rules run against
    // the service's version, as the CI checks them, so a copy does not replace it.
    const own = l.source.functions.filter((f) => !builtin.has(f.name.toLowerCase()));
    shadowing += l.source.functions.length - own.length;
    l.source.functions = own;
    const rel = path.relative(root, file).split(path.sep);
    count(rel[0] === 'Solutions' ? 'Solutions/*/Parsers' : rel[0], l);
    files.push(l);
  }
  const suggestedNames = keepSuggested(suggestions, files, builtin);
  const kept = files.filter((l) => l.source.tables.length || l.source.functions.length || l.problems.length);
  const report = [...counts].map(
    ([label, c]) =>
      `${label}: ${c.tables} table(s), ${c.functions} function(s)${c.problems ? `, ${c.problems} problem(s)` : ''}`,
  );
  if (shadowing)
    report.push(`${shadowing} definition(s) not loaded: a built-in function of that name is used instead`);
  if (suggestedNames)
    report.push(`${suggestedNames} parser(s) also loaded under the alias their opening comment gives`);
  const skips = await loadSkipLists(root);
  kept.push(...skips.broken);
  report.push(...skips.report);
  const skipFiles = Object.values(CI_SKIP_FILES).map((rel) => path.join(root, rel));
  return skips.files.length
    ? { files: kept, report, skips: skips.lists, skipFiles }
    : { files: kept, report, skipFiles };
}

/** The CI's skip lists that exist under `root`; a list that cannot be read is reported at its file. */
async function loadSkipLists(root: string): Promise<{
  lists: CiSkipLists;
  files: string[];
  broken: LoadedSchemaFile[];
  report: string[];
}> {
  const read: Partial<Record<CiSkipKind, [string, string][]>> = {};
  const files: string[] = [];
  const broken: LoadedSchemaFile[] = [];
  const report: string[] = [];
  for (const kind of Object.keys(CI_SKIP_FILES) as CiSkipKind[]) {
    const file = path.join(root, CI_SKIP_FILES[kind]);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      continue;
    }
    files.push(file);
    const parsed = parseCiSkipFile(kind, text);
    if (!parsed.ok) {
      const message = `${parsed.message} Nothing in this skip list is skipped.`;
      broken.push(
        fromParsed(file, text, {
          functions: [],
          problems: [{ ...problemAtStart(message), severity: 'warning' }],
        }),
      );
      continue;
    }
    read[kind] = parsed.entries;
    report.push(
      `${CI_SKIP_FILES[kind]}: ${parsed.entries.length} rule(s) whose ${SKIPPED[kind]} the CI skips`,
    );
  }
  return { lists: ciSkipLists(read), files, broken, report };
}

const SKIPPED: Record<CiSkipKind, string> = {
  kql: 'KQL validation',
  structure: 'structure validation',
  connectorIds: 'connector id validation',
};

interface Suggestion {
  loaded: LoadedSchemaFile;
  fn: FunctionDef;
}

/**
 * Adds each alias a KQL parser's opening comment suggests to that parser's file, when nothing
 * the repository declares (a CI schema, a parser's own name) or the product knows has that name
 * and no other file's comment suggests the same alias (the Sysmon parsers of every version all
 * suggest one name, and a copied comment may name another parser). Returns how many were kept.
 */
function keepSuggested(suggestions: Suggestion[], files: LoadedSchemaFile[], builtin: Set<string>): number {
  const declared = new Set(builtin);
  for (const l of files)
    for (const d of [...l.source.tables, ...l.source.functions]) declared.add(d.name.toLowerCase());
  const claims = new Map<string, number>();
  for (const s of suggestions)
    claims.set(s.fn.name.toLowerCase(), (claims.get(s.fn.name.toLowerCase()) ?? 0) + 1);
  let kept = 0;
  for (const s of suggestions) {
    const name = s.fn.name.toLowerCase();
    if (declared.has(name) || claims.get(name) !== 1) continue;
    s.loaded.source.functions.push(s.fn);
    kept++;
  }
  return kept;
}

function builtinFunctionNames(): Set<string> {
  return new Set(
    ENVIRONMENT_IDS.flatMap((env) => builtinSchema(env).functions.map((f) => f.name.toLowerCase())),
  );
}

async function loadParserFile(file: string): Promise<{ loaded: LoadedSchemaFile; suggested?: FunctionDef }> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const message = `Cannot read this parser file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`;
    return { loaded: fromParsed(file, '', { functions: [], problems: [problemAtStart(message)] }) };
  }
  const ext = path.extname(file).toLowerCase();
  const parsed =
    ext === '.yaml' || ext === '.yml'
      ? parseParserYaml(text)
      : parseParserKql(path.basename(file, path.extname(file)), text);
  return { loaded: fromParsed(file, text, parsed), suggested: parsed.suggested };
}

function problemAtStart(message: string): SchemaFileProblem {
  return { severity: 'error', message, offset: 0, length: 0 };
}

function fromParsed(file: string, text: string, parsed: ParsedParserFile): LoadedSchemaFile {
  return {
    file,
    text,
    source: { id: file, tables: [], functions: parsed.functions },
    problems: parsed.problems,
  };
}
