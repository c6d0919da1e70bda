import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DEFAULT_SETTINGS,
  LIMIT_MAXIMA,
  normalizeSettings,
  type KqlHuntingSettings,
} from '../protocol/settings';
import { isKnownDiagnosticCode } from '../language/diagnosticCodeCatalog';
import { knownCodeFamilies } from './diagnosticCodes';
import { UsageError } from './exitCodes';
import { isInside, readRegularText } from './regularFile';

export const CONFIG_FILE_NAME = '.kqlhunt.json';

/**
 * The settings a run uses and where they came from. `.kqlhunt.json` holds the same keys as the
 * extension's `kqlHunting.*` settings (either bare, `"environment"`, or as in a VS Code settings
 * file, `"kqlHunting.environment"`), so that a repository can give the editor and CI one policy.
 */
export interface CliConfig {
  settings: KqlHuntingSettings;
  /** The configuration file that was read, if any. */
  file?: string;
  /** The folder that `schemaFiles` patterns are relative to: the configuration file's folder. */
  baseDir: string;
}

const SETTINGS_PREFIX = 'kqlHunting.';

/** The nearest `.kqlhunt.json` in `from` or a folder above it. */
export function findConfigFile(from: string): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads the configuration named by `--config`, else the nearest one above `cwd`, else defaults. */
export function loadConfig(cwd: string, explicit?: string): CliConfig {
  const file = explicit !== undefined ? path.resolve(cwd, explicit) : findConfigFile(cwd);
  if (!file) return { settings: { ...DEFAULT_SETTINGS }, baseDir: cwd };
  // A configuration found by searching may have come with the repository; as a link out of its
  // folder it would have kqlhunt parse, and quote in its error messages, any file of the runner's.
  if (explicit === undefined && leadsOutOfItsFolder(file))
    throw new UsageError(
      `${file} is a link that leads outside its folder; name the file with --config instead`,
    );
  let text: string;
  try {
    text = readRegularText(file);
  } catch (e) {
    throw new UsageError(`cannot read configuration ${file}: ${(e as Error).message}`);
  }
  return { settings: parseConfig(text, file), file, baseDir: path.dirname(file) };
}

function leadsOutOfItsFolder(file: string): boolean {
  try {
    return !isInside(fs.realpathSync(path.dirname(file)), fs.realpathSync(file));
  } catch {
    return false;
  }
}

/**
 * Parses and validates a configuration file's text. Unlike the editor, which quietly falls back
 * to defaults so that a typo cannot break it, a CI gate must not pass because its policy was
 * misspelt: an unknown key or a value the settings would drop is an error.
 */
const RUN_KEYS = ['workspaces', 'run', 'mcp'];

/** True when normalising kept what the file gave; a partial object (some `format` keys) only needs its own keys kept. */
function keptAsGiven(kept: unknown, given: unknown): boolean {
  if (given && typeof given === 'object' && !Array.isArray(given) && kept && typeof kept === 'object') {
    return Object.entries(given as Record<string, unknown>).every(([k, v]) =>
      keptAsGiven((kept as Record<string, unknown>)[k], v),
    );
  }
  return JSON.stringify(kept) === JSON.stringify(given);
}

/**
 * Settings nest a few levels (`lints`, `format`, `workspaces` entries); this leaves ample room.
 * Checking it first keeps the comparisons below, which recurse, from running out of stack on a
 * file nested thousands deep.
 */
export const MAX_CONFIG_NESTING = 32;

/** The configuration file's JSON object, or a usage error saying what is wrong with the file. */
export function parseConfigObject(text: string, file: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new UsageError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new UsageError(`${file} must hold a JSON object`);
  if (nestedDeeperThan(raw, MAX_CONFIG_NESTING))
    throw new UsageError(
      `configuration ${file} is too deeply nested (more than ${MAX_CONFIG_NESTING} levels of objects and arrays)`,
    );
  return raw as Record<string, unknown>;
}

/** Walks with a stack of its own rather than recursion, so that any depth can be measured. */
function nestedDeeperThan(root: object, max: number): boolean {
  const pending: [unknown, number][] = [[root, 1]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (!value || typeof value !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(value)) pending.push([child, depth + 1]);
  }
  return false;
}

export function parseConfig(text: string, file: string): KqlHuntingSettings {
  const raw = parseConfigObject(text, file);
  const known = Object.keys(DEFAULT_SETTINGS);
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === '$schema') continue;
    const name = key.startsWith(SETTINGS_PREFIX) ? key.slice(SETTINGS_PREFIX.length) : key;
    // `kqlhunt run` reads and validates these from the same file.
    if (RUN_KEYS.some((k) => name === k || name.startsWith(`${k}.`))) continue;
    if (!known.includes(name))
      throw new UsageError(`${file}: unknown key "${key}" (known keys: ${known.join(', ')})`);
    // "baseline": "FILE" is short for the editor setting's {"file": "FILE"}, what a CI gate needs.
    values[name] = name === 'baseline' && typeof value === 'string' ? { file: value } : value;
  }
  checkLintIds(values.lints, file);
  const settings = normalizeSettings(values);
  for (const [name, value] of Object.entries(values)) {
    const kept = (settings as unknown as Record<string, unknown>)[name];
    if (!keptAsGiven(kept, value)) {
      const range =
        name === 'limits'
          ? ` (maxDocumentSize from 1 to ${LIMIT_MAXIMA.maxDocumentSize}, maxQueries from 1 to ${LIMIT_MAXIMA.maxQueries})`
          : '';
      throw new UsageError(`${file}: invalid value for "${name}": ${JSON.stringify(value)}${range}`);
    }
  }
  return settings;
}

/** Every id in `lints` must be a code some diagnostic carries; a typo would otherwise do nothing. */
function checkLintIds(lints: unknown, file: string): void {
  if (!lints || typeof lints !== 'object' || Array.isArray(lints)) return;
  for (const id of Object.keys(lints)) {
    if (!isKnownDiagnosticCode(id))
      throw new UsageError(
        `${file}: "lints" names "${id}", which is not a diagnostic code (codes are ${knownCodeFamilies()})`,
      );
  }
}
