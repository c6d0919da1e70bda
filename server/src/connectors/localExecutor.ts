import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ExecutionError, MissingExternalDataError, QueryError, UnsupportedError } from '../executor/errors';
import { executeQuery } from '../executor/executor';
import {
  loadLocalWorkspaceWithParquet,
  MANIFEST_FILE,
  readWorkspaceManifest,
} from '../executor/files/workspaceLoader';
import type { LocalWorkspace } from '../executor/workspace';
import { builtinSchema } from '../schema/builtinSchemas';
import { BuiltinSchemaProvider } from '../schema/schemaProvider';
import { MissingExternalData, type LocalExecutor } from './localConnector';
import { ConnectorError } from './types';

/**
 * Binds the local connector to the embedded executor (server/src/executor): loads a folder of
 * sample data once, keeps it while its files are unchanged, and sorts the executor's errors into
 * the kinds every connector reports.
 */
type Shape = 'defender' | 'sentinel';
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
      if (name !== MANIFEST_FILE && !/\.(ndjson|jsonl|json|csv|parquet)$/i.test(name)) continue;
      const s = statSync(path.join(dir, name));
      if (s.isFile()) parts.push(`${dir}/${name}:${s.size}:${s.mtimeMs}`);
    }
  }
  return parts.join('|');
}

/**
 * The folder's tables in one environment's shape. A folder holds its rows once, in the shape its
 * manifest names; the same rows read against the other environment's schema give that shape
 * (Timestamp and TimeGenerated fill each other, Log Analytics' own columns are added, see
 * createWorkspace), so a query converted between Defender XDR and Sentinel runs on the same data.
 */
async function workspaceFor(folder: string, shape?: Shape): Promise<LocalWorkspace> {
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
  try {
    const environment = shape ?? ownShape(folder);
    const key = `${environment}\u0000${folder}`;
    const cached = cache.get(key);
    if (cached && cached.fingerprint === print) return cached.workspace;
    const workspace = await loadLocalWorkspaceWithParquet(folder, builtinSchema(environment));
    cache.set(key, { fingerprint: print, workspace });
    return workspace;
  } catch (e) {
    throw new ConnectorError(
      'badRequest',
      `The local workspace in ${folder} could not be loaded: ${(e as Error).message}`,
    );
  }
}

/** The environment's functions (Defender's FileProfile, Sentinel's _GetWatchlist), built once per environment. */
const globalsByShape = new Map<Shape, Kusto.Language.GlobalState>();
function environmentGlobals(shape: Shape): Kusto.Language.GlobalState {
  let globals = globalsByShape.get(shape);
  if (!globals) {
    globals = new BuiltinSchemaProvider().globalsFor(shape);
    globalsByShape.set(shape, globals);
  }
  return globals;
}

const ownShape = (folder: string): Shape =>
  readWorkspaceManifest(folder).environment === 'sentinel' ? 'sentinel' : 'defender';

/**
 * Runs in the folder's own shape; a query that does not bind there but binds in the other
 * environment's shape (a Sentinel query over Defender sample data) runs there instead.
 */
async function runInEitherShape(
  query: string,
  folder: string,
  signal: AbortSignal,
  now?: string,
  fetched?: Record<string, string>,
) {
  const options = { signal, ...(now ? { now } : {}) };
  const own = ownShape(folder);
  try {
    return executeQuery(query, {
      workspace: withFetched(await workspaceFor(folder), fetched),
      globals: environmentGlobals(own),
      ...options,
    });
  } catch (e) {
    if (!(e instanceof QueryError)) throw e;
    const other: Shape = own === 'sentinel' ? 'defender' : 'sentinel';
    try {
      return executeQuery(query, {
        workspace: withFetched(await workspaceFor(folder, other), fetched),
        globals: environmentGlobals(other),
        ...options,
      });
    } catch (again) {
      // Errors are reported in the folder's own shape, which is what the user loaded.
      if (again instanceof QueryError) throw e;
      throw again;
    }
  }
}

/** The workspace with the files the host fetched for `externaldata` added to those it maps. */
function withFetched(workspace: LocalWorkspace, fetched: Record<string, string> | undefined): LocalWorkspace {
  if (!fetched) return workspace;
  return {
    ...workspace,
    externalData: new Map([...(workspace.externalData ?? []), ...Object.entries(fetched)]),
  };
}

export const localExecutor: LocalExecutor = async (query, { folder, signal, now, externalData }) => {
  try {
    // A `now` from the settings entry wins over the manifest's, which executeQuery falls back to.
    const result = await runInEitherShape(query, folder, signal, now, externalData);
    const title = result.chart?.properties.title;
    return {
      tables: result.tables,
      ...(result.chart ? { render: { visualization: result.chart.type, ...(title ? { title } : {}) } } : {}),
      ...(result.warnings.length ? { warnings: result.warnings } : {}),
    };
  } catch (e) {
    if (e instanceof QueryError) throw new ConnectorError('semantic', e.diagnostics[0] ?? e.message);
    if (e instanceof UnsupportedError) throw new ConnectorError('unsupported', e.message);
    if (e instanceof MissingExternalDataError) throw new MissingExternalData(e.message, e.url);
    if (e instanceof ExecutionError)
      throw new ConnectorError(signal.aborted ? 'cancelled' : 'badRequest', e.message);
    throw e;
  }
};
