import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  normalizeRunSettings,
  parseWorkspaces,
  type RunSettings,
  type WorkspaceConfig,
} from '../protocol/workspaces';
import { findConfigFile, parseConfigObject } from './config';
import { UsageError } from './exitCodes';

/**
 * Where `kqlhunt run` sends a query: `--workspace local:DIR`, or a workspace named in the
 * `workspaces` list of `.kqlhunt.json` (the same entries as the editor's `kqlHunting.workspaces`,
 * with local folders relative to that file), or the list's first entry.
 */
export interface RunConfig {
  workspaces: WorkspaceConfig[];
  settings: RunSettings;
  file?: string;
}

/** Reads `workspaces` and `run` (bare, or as `kqlHunting.workspaces` and `kqlHunting.run.*`) from the configuration file. */
export function loadRunConfig(cwd: string, explicit?: string): RunConfig {
  const file = explicit !== undefined ? path.resolve(cwd, explicit) : findConfigFile(cwd);
  if (!file) return { workspaces: [], settings: normalizeRunSettings({}) };
  let raw: Record<string, unknown>;
  try {
    raw = parseConfigObject(fs.readFileSync(file, 'utf8'), file);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read configuration ${file}: ${(e as Error).message}`);
  }
  const { workspaces, problems } = parseWorkspaces(raw.workspaces ?? raw['kqlHunting.workspaces']);
  if (problems.length) throw new UsageError(`${file}: ${problems.join('; ')}`);
  const run: Record<string, unknown> = {
    ...(raw.run && typeof raw.run === 'object' ? (raw.run as Record<string, unknown>) : {}),
  };
  for (const [key, value] of Object.entries(raw))
    if (key.startsWith('kqlHunting.run.')) run[key.slice('kqlHunting.run.'.length)] = value;
  const base = path.dirname(file);
  return {
    workspaces: workspaces.map((w) =>
      w.kind === 'local' ? { ...w, folder: path.resolve(base, w.folder) } : w,
    ),
    settings: normalizeRunSettings(run),
    file,
  };
}

export function chooseWorkspace(
  config: RunConfig,
  requested: string | undefined,
  pinned: string | undefined,
  cwd: string,
): WorkspaceConfig {
  if (requested?.startsWith('local:')) {
    const folder = path.resolve(cwd, requested.slice('local:'.length) || '.');
    return { name: path.basename(folder), kind: 'local', folder };
  }
  const name = requested ?? pinned;
  if (name !== undefined) {
    const found = config.workspaces.find((w) => w.name === name);
    if (found) return found;
    const known = config.workspaces.map((w) => w.name);
    throw new UsageError(
      `no workspace named '${name}'${config.file ? ` in ${config.file}` : ' (no .kqlhunt.json found)'}${known.length ? `; known: ${known.join(', ')}` : ''}; or use --workspace local:DIR`,
    );
  }
  if (config.workspaces[0]) return config.workspaces[0];
  throw new UsageError(
    'no workspace: pass --workspace local:DIR or NAME, with NAME listed under "workspaces" in .kqlhunt.json',
  );
}
