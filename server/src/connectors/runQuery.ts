import type { TokenCredential } from '@azure/core-auth';
import type { RunError, RunQueryResult } from '../protocol/queryRun';
import type { RunSettings, WorkspaceConfig } from '../protocol/workspaces';
import { defaultAzureCredential } from './credentials';
import type { LocalExecutor } from './localConnector';
import { isManagementCommand } from './queryPolicy';
import { applyRowLimit, renderHintOf } from './resultShape';
import type { ConnectorTransport } from './transport';
import { ConnectorError, type QueryConnector } from './types';

/**
 * Runs one query against one workspace: the checks that come before sending, the timeout, the
 * cancellation, the row limit and the conversion of every failure into a RunError. The language
 * server's `kqlHunting/runQuery` handler and `kqlhunt run` both call this.
 */
export interface RunOptions {
  settings: RunSettings;
  /** ISO 8601 duration or interval; the settings' default when absent. */
  timespan?: string;
  /** Aborted when the user cancels. */
  signal?: AbortSignal;
  /** A token source; DefaultAzureCredential when absent and the workspace needs one. */
  credential?: TokenCredential;
  transport?: ConnectorTransport;
  /** Runs local workspaces; the embedded engine on a worker thread when absent. */
  localExecutor?: LocalExecutor;
}

async function createConnector(workspace: WorkspaceConfig, options: RunOptions): Promise<QueryConnector> {
  if (workspace.kind === 'local') {
    const { LocalConnector } = await import('./localConnector.js');
    return new LocalConnector(
      workspace,
      options.localExecutor ?? (await import('./localWorkerExecutor.js')).workerLocalExecutor,
      options.settings.fetchExternalData
        ? {
            maxBytes: options.settings.externalDataMaxMegabytes * 1024 ** 2,
            ...(options.transport ? { transport: options.transport } : {}),
          }
        : undefined,
    );
  }
  const credential = options.credential ?? (await defaultAzureCredential(workspace.tenantId));
  switch (workspace.kind) {
    case 'logAnalytics': {
      const { LogAnalyticsConnector } = await import('./logAnalyticsConnector.js');
      return new LogAnalyticsConnector(workspace, credential, options.transport);
    }
    case 'defender': {
      const { DefenderConnector } = await import('./defenderConnector.js');
      return new DefenderConnector(workspace, credential, options.transport);
    }
    case 'adx': {
      const { AdxConnector } = await import('./adxConnector.js');
      return new AdxConnector(workspace, credential, options.transport);
    }
  }
}

const IDENTITY_ERRORS = new Set([
  'CredentialUnavailableError',
  'AuthenticationError',
  'AuthenticationRequiredError',
  'AggregateAuthenticationError',
]);

/** Sorts any failure into a RunError whose message is safe to show (it never holds a token). */
export function toRunError(e: unknown): RunError {
  if (e instanceof ConnectorError) {
    return {
      kind: e.kind,
      message: e.message,
      ...(e.code ? { code: e.code } : {}),
      ...(e.status !== undefined ? { status: e.status } : {}),
    };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  if (IDENTITY_ERRORS.has(err.name))
    return { kind: 'unauthorized', message: `Sign-in failed: ${err.message.split('\n')[0]}` };
  const code = (err as { code?: unknown }).code;
  if (
    code === 'REQUEST_SEND_ERROR' ||
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'ECONNRESET'
  ) {
    return { kind: 'network', message: `Could not reach the service: ${err.message}`, code: String(code) };
  }
  return { kind: 'server', message: err.message || 'The query failed for an unknown reason.' };
}

/** Runs the query; never throws. */
export async function runQuery(
  workspace: WorkspaceConfig,
  query: string,
  options: RunOptions,
): Promise<RunQueryResult> {
  const started = performance.now();
  const workspaceName = workspace.name;
  const fail = (error: RunError): RunQueryResult => ({
    ok: false,
    error,
    durationMs: Math.round(performance.now() - started),
    workspaceName,
  });
  const text = query.trim();
  if (text === '') return fail({ kind: 'badRequest', message: 'There is no query to run here.' });
  if (isManagementCommand(text) && !options.settings.allowManagementCommands) {
    return fail({
      kind: 'refused',
      message:
        'Management commands (text starting with ".") are not run unless kqlHunting.run.allowManagementCommands is on.',
    });
  }

  const controller = new AbortController();
  const timeoutMs = options.settings.timeoutSeconds * 1000;
  let abortedFor: RunError | undefined;
  const abort = (error: RunError) => {
    if (abortedFor) return;
    abortedFor = error;
    controller.abort(new ConnectorError(error.kind, error.message));
  };
  const onCancel = () => abort({ kind: 'cancelled', message: 'The query was cancelled.' });
  if (options.signal?.aborted) return fail({ kind: 'cancelled', message: 'The query was cancelled.' });
  options.signal?.addEventListener('abort', onCancel, { once: true });
  const timer = setTimeout(
    () =>
      abort({
        kind: 'timeout',
        message: `The query did not finish within ${options.settings.timeoutSeconds} s (kqlHunting.run.timeoutSeconds).`,
      }),
    timeoutMs,
  );
  // An SDK that ignores the abort signal must not keep the caller waiting: race it.
  const aborted = new Promise<never>((_, reject) =>
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }),
  );
  aborted.catch(() => undefined);
  try {
    const connector = await createConnector(workspace, options);
    const result = await Promise.race([
      connector.run({
        query: text,
        timespan: options.timespan ?? options.settings.defaultTimespan,
        signal: controller.signal,
        rowLimit: options.settings.rowLimit,
        serverTimeoutSeconds: options.settings.timeoutSeconds,
      }),
      aborted,
    ]);
    const limited = applyRowLimit(result, options.settings.rowLimit);
    const render = limited.result.render ?? renderHintOf(text);
    return {
      ok: true,
      result: render ? { ...limited.result, render } : limited.result,
      stats: {
        durationMs: Math.round(performance.now() - started),
        rowCounts: limited.rowCounts,
        truncated: limited.truncated,
      },
      workspaceName,
    };
  } catch (e) {
    return fail(abortedFor ?? toRunError(e));
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
  }
}
