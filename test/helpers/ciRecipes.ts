import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import type { CliCommand } from '../../server/src/cli/cliCommand';
import { COMMANDS } from '../../server/src/cli/commandTable';
import { REPO_ROOT } from './paths';

/**
 * The CI recipes under docs/ci, which the README shows: read with the project's YAML library,
 * and their `kqlhunt` command lines taken apart as a shell would, so that tests can hold them to
 * the options the commands really accept, and run them.
 */
export const CI_RECIPES = {
  github: path.join(REPO_ROOT, 'docs', 'ci', 'github-actions.yml'),
  azure: path.join(REPO_ROOT, 'docs', 'ci', 'azure-pipelines.yml'),
};

export function readRecipe(file: string): unknown {
  const doc = parseDocument(fs.readFileSync(file, 'utf8'));
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0].message}`);
  return doc.toJS();
}

/** The keys that hold a shell script: GitHub's `run`, Azure's `script` and `bash`. */
const SCRIPT_KEYS = new Set(['run', 'script', 'bash']);

/** Every script anywhere in a parsed YAML value. */
function scriptsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(scriptsIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    SCRIPT_KEYS.has(k) && typeof v === 'string' ? [v] : scriptsIn(v),
  );
}

/** A shell line as words: quotes removed, variables and `~` left as written. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const c of line) {
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** The arguments of each kqlhunt command line in a recipe (the words after the program). */
export function kqlhuntCommandLines(recipe: unknown): string[][] {
  const out: string[][] = [];
  for (const script of scriptsIn(recipe)) {
    for (const line of script.replace(/\\\n/g, ' ').split('\n')) {
      if (line.trim().startsWith('#')) continue;
      for (const part of line.split(/&&|\|\||;/)) {
        const words = shellWords(part);
        const at = words.findIndex((w) => /(^|\/)kqlhunt(\.js)?$/.test(w));
        if (at >= 0) out.push(words.slice(at + 1));
      }
    }
  }
  return out;
}

export interface OptionUse {
  /** The option's long name, or the short letter when written so. */
  name: string;
  /** Its value, when it takes one. */
  value?: string;
  /** Where it starts in the arguments, and how many words it takes. */
  index: number;
  words: number;
}

/** The command a line runs and the options it passes, read against that command's table entry. */
export function optionsOf(args: readonly string[]): {
  command: CliCommand | undefined;
  options: OptionUse[];
} {
  const command = COMMANDS.find((c) => c.name === args[0]);
  const options: OptionUse[] = [];
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-')) continue;
    const [flag, inline] = arg.split(/=(.*)/s);
    const long = flag.startsWith('--');
    const name = long
      ? flag.slice(2)
      : (Object.entries(command?.options ?? {}).find(([, o]) => o.short === flag.slice(1))?.[0] ??
        flag.slice(1));
    const spec = command?.options[name];
    const takesValue = spec?.type === 'string';
    const next = args[i + 1];
    const optional = command?.optionalValues?.includes(name) && (next === undefined || next.startsWith('-'));
    if (inline !== undefined || !takesValue || optional) {
      options.push({ name, value: inline, index: i, words: 1 });
    } else {
      options.push({ name, value: next, index: i, words: 2 });
      i++;
    }
  }
  return { command, options };
}
