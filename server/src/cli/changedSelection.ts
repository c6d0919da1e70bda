import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { definedNames, NameFinder, type DefinedKind } from '../schema/repository/definedNames';
import { isRepositoryDefinitionPath } from '../schemaFiles/repositoryDiscovery';
import type { LoadedSchemaFile } from '../schemaFiles/schemaFileLoader';
import { textAt, type GitChanges } from './gitChanges';
import { readRegularText } from './regularFile';

/**
 * Which of the collected files `kqlhunt check --changed` checks, and why: the files that
 * changed, the rules that call a parser or function or read a table whose definition changed
 * (also through other parsers that call it), the rules that share a rule id with a changed rule
 * (the duplicate-id check compares them), and everything when the settings file changed.
 */

export interface SelectionInput {
  /** The working folder: discovery's root. */
  cwd: string;
  /** Every file the run's paths collect, absolute. */
  files: readonly string[];
  changes: GitChanges;
  /** The repository's definitions and the schema files, as loaded for the run. */
  definitions: readonly LoadedSchemaFile[];
  /** Whether repository discovery is on (a deleted parser then mattered). */
  discovery: boolean;
  configFile?: string;
  /** The CI skip lists the run read: a change to one changes what every rule reports. */
  skipFiles?: readonly string[];
  /** Rule ids by file URI, over all of `files`. */
  ruleIds: Readonly<Record<string, string>>;
}

interface Affected {
  name: string;
  kind: DefinedKind;
  /** The affected name (lower case) this one's query uses, when it did not change itself. */
  cause?: string;
}

/** The selected files, in the order of `files`, each with the reason it was selected. */
export async function selectChanged(input: SelectionInput): Promise<Map<string, string>> {
  const changed = new Set([...input.changes.changed].map(pathKey));
  const isChanged = (file: string) => changed.has(pathKey(file));
  const selected = new Map<string, string>();
  // A skip list that was deleted changes what is reported as much as one that was edited.
  const removed = new Set(input.changes.removed.map((rel) => pathKey(path.join(input.changes.top, rel))));
  const wholeRun = [input.configFile, ...(input.skipFiles ?? [])].find(
    (f) => f !== undefined && (isChanged(f) || (f !== input.configFile && removed.has(pathKey(f)))),
  );
  if (wholeRun) {
    const reason =
      wholeRun === input.configFile
        ? `the settings file ${path.basename(wholeRun)} changed`
        : `the CI skip list ${path.basename(wholeRun)} changed`;
    for (const f of input.files) selected.set(f, isChanged(f) ? 'changed' : reason);
    return selected;
  }

  const affected = await changedDefinitions(input, isChanged);
  addCallers(affected, input.definitions);
  const finder = new NameFinder(affected.keys());
  const describe = (lower: string): string => {
    const a = affected.get(lower)!;
    const verb = (kind: DefinedKind) => (kind === 'table' ? 'reads' : 'calls');
    return a.cause === undefined
      ? `changed ${a.kind} ${a.name}`
      : `${a.kind} ${a.name}, which ${verb(affected.get(a.cause)!.kind)} ${describe(a.cause)}`;
  };

  const idOf = (file: string) => input.ruleIds[pathToFileURL(file).href];
  const changedIds = new Set(
    input.files
      .filter(isChanged)
      .map(idOf)
      .filter((id) => id !== undefined),
  );
  for (const file of input.files) {
    if (isChanged(file)) {
      selected.set(file, 'changed');
      continue;
    }
    const id = idOf(file);
    if (id !== undefined && changedIds.has(id)) {
      selected.set(file, `shares the rule id ${id} with a changed rule`);
      continue;
    }
    if (affected.size === 0) continue;
    let text: string;
    try {
      text = readRegularText(file);
    } catch {
      // The check reports why it cannot be read; better that than a file silently left out.
      selected.set(file, 'cannot be read to look for calls');
      continue;
    }
    const used = closest(finder.allIn(text), affected);
    if (used !== undefined)
      selected.set(file, `${affected.get(used)!.kind === 'table' ? 'reads' : 'calls'} ${describe(used)}`);
  }
  return selected;
}

/** The names defined by changed definition files, now and at the merge base (a name may have gone). */
async function changedDefinitions(
  input: SelectionInput,
  isChanged: (file: string) => boolean,
): Promise<Map<string, Affected>> {
  const affected = new Map<string, Affected>();
  const add = (file: string, text: string) => {
    for (const d of definedNames(file, text))
      if (!affected.has(d.name.toLowerCase())) affected.set(d.name.toLowerCase(), d);
  };
  for (const def of input.definitions) if (isChanged(def.file)) add(def.file, def.text);
  if (!input.discovery) return affected;
  const { top, mergeBase, removed } = input.changes;
  const cwdReal = realOrSelf(input.cwd);
  for (const rel of removed) {
    const fromCwd = path.relative(cwdReal, path.resolve(top, rel)).split(path.sep).join('/');
    if (!isRepositoryDefinitionPath(fromCwd)) continue;
    const old = await textAt(top, mergeBase, rel);
    if (old !== undefined) add(rel, old);
  }
  return affected;
}

/** Adds the functions whose own query uses an affected name, until no more are found. */
function addCallers(affected: Map<string, Affected>, definitions: readonly LoadedSchemaFile[]): void {
  const bodies = definitions.flatMap((d) =>
    d.source.functions
      .filter((f) => f.body !== undefined)
      .map((f) => ({ name: f.name, body: f.body!, kind: kindOfFile(d.file) })),
  );
  for (let grown = affected.size > 0; grown;) {
    grown = false;
    const finder = new NameFinder(affected.keys());
    for (const fn of bodies) {
      const lower = fn.name.toLowerCase();
      if (affected.has(lower)) continue;
      const used = closest(finder.allIn(fn.body), affected);
      if (used === undefined) continue;
      affected.set(lower, { name: fn.name, kind: fn.kind, cause: used });
      grown = true;
    }
  }
}

/** Of the affected names used, the one nearest to a changed definition (the shortest reason). */
function closest(used: Set<string>, affected: ReadonlyMap<string, Affected>): string | undefined {
  const depth = (lower: string): number => {
    const cause = affected.get(lower)!.cause;
    return cause === undefined ? 0 : 1 + depth(cause);
  };
  let best: string | undefined;
  for (const name of used) if (best === undefined || depth(name) < depth(best)) best = name;
  return best;
}

function kindOfFile(file: string): DefinedKind {
  return file.toLowerCase().endsWith('.json') ? 'function' : 'parser';
}

/** One spelling per file, whichever linked folder led to it: git gives real paths. */
function pathKey(file: string): string {
  return path.join(realOrSelf(path.dirname(file)), path.basename(file));
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
