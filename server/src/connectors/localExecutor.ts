import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ExecutionError, QueryError, UnsupportedError } from '../executor/errors';
import { executeQuery } from '../executor/executor';
import { loadLocalWorkspace, MANIFEST_FILE, readWorkspaceManifest } from '../executor/files/workspaceLoader';
import type { LocalWorkspace } from '../executor/workspace';
import { builtinSchema } from '../schema/builtinSchemas';
import type { LocalExecutor } from './localConnector';
import { ConnectorError } from './types';

/**
 * Binds the local connector to the embedded executor (server/src/executor): loads a folder of
 * sample data once, keeps it while its files are unchanged, and sorts the executor's errors into
 * the kinds every connector reports.
 */
const cache = new Map<string, { fingerprint: string; workspace: LocalWorkspace }>();

/** Names, sizes and times of the manifest and the table files: a change to any reloads the folder. */
function fingerprint(folder: string): string {
  const manifest = readWorkspaceManifest(folder);
  const dataDir = manifest.data ? path.resolve(folder, manifest.data) : path.join(folder, 'data');
  const parts: string[] = [];
  for (const dir of [folder, dataDir]) {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of entries) {
      if (name !== MANIFEST_FILE && !/\.(ndjson|jsonl|json|csv)$/i.test(name)) continue;
      const s = statSync(path.join(dir, name));
      if (s.isFile()) parts.push(`${dir}/${name}:${s.size}:${s.mtimeMs}`);
    }
  }
  return parts.join('|');
}

function workspaceFor(folder: string): LocalWorkspace {
  let print: string;
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    print = fingerprint(folder);
  } catch (e) {
    throw new ConnectorError(
      'badRequest',
      `The local workspace folder ${folder} cannot be read: ${(e as Error).message}`,
    );
  }
  const cached = cache.get(folder);
  if (cached && cached.fingerprint === print) return cached.workspace;
  try {
    const environment = readWorkspaceManifest(folder).environment === 'sentinel' ? 'sentinel' : 'defender';
    const workspace = loadLocalWorkspace(folder, builtinSchema(environment));
    cache.set(folder, { fingerprint: print, workspace });
    return workspace;
  } catch (e) {
    throw new ConnectorError(
      'badRequest',
      `The local workspace in ${folder} could not be loaded: ${(e as Error).message}`,
    );
  }
}

export const localExecutor: LocalExecutor = async (query, { folder, signal, now }) => {
  const workspace = workspaceFor(folder);
  try {
    // A `now` from the settings entry wins over the manifest's, which executeQuery falls back to.
    const result = executeQuery(query, { workspace, signal, ...(now ? { now } : {}) });
    const title = result.chart?.properties.title;
    return {
      tables: result.tables,
      ...(result.chart ? { render: { visualization: result.chart.type, ...(title ? { title } : {}) } } : {}),
    };
  } catch (e) {
    if (e instanceof QueryError) throw new ConnectorError('semantic', e.diagnostics[0] ?? e.message);
    if (e instanceof UnsupportedError) throw new ConnectorError('unsupported', e.message);
    if (e instanceof ExecutionError)
      throw new ConnectorError(signal.aborted ? 'cancelled' : 'badRequest', e.message);
    throw e;
  }
};
