/**
 * Workspaces: the places a query can run. Declared here, beside the settings type, because the
 * extension (settings, status bar, "Add Workspace…"), the language server (which runs queries)
 * and the command line (`kqlhunt run --workspace`) all read the same `kqlHunting.workspaces` list.
 */

export type WorkspaceKind = 'logAnalytics' | 'defender' | 'adx' | 'local';

interface WorkspaceBase {
  /** The name the user picks it by; unique within the list. */
  name: string;
  /** Entra ID tenant to sign in to; the account's home tenant when absent. */
  tenantId?: string;
}

/** A Log Analytics / Microsoft Sentinel workspace, queried through the Log Analytics query API. */
export interface LogAnalyticsWorkspace extends WorkspaceBase {
  kind: 'logAnalytics';
  workspaceId: string;
  /** Base URL of the query API including `/v1`; a sovereign cloud or a test server. */
  endpoint?: string;
  /**
   * Where the workspace lives in Azure Resource Manager, which `kqlhunt deploy` and `pull` need
   * to reach its Microsoft Sentinel analytic rules; running queries needs none of these.
   */
  subscriptionId?: string;
  resourceGroup?: string;
  /** The workspace's resource name (not its id). */
  workspaceName?: string;
  /** Base URL of Azure Resource Manager, such as `https://management.azure.com`; a sovereign cloud or a test server. */
  managementEndpoint?: string;
}

/** Microsoft Defender XDR advanced hunting, through Microsoft Graph `security/runHuntingQuery`. */
export interface DefenderWorkspace extends WorkspaceBase {
  kind: 'defender';
  /** Base URL of Microsoft Graph including the version, such as `https://graph.microsoft.com/v1.0`. */
  endpoint?: string;
}

/** An Azure Data Explorer database. */
export interface AdxWorkspace extends WorkspaceBase {
  kind: 'adx';
  clusterUrl: string;
  database: string;
  /**
   * The datetime column that a run's time span filters, through the service's
   * `query_datetimescope_*` request properties; `TimeGenerated` when absent.
   */
  timeColumn?: string;
}

/** A folder of sample data run by the embedded engine; needs no sign-in. */
export interface LocalWorkspace extends WorkspaceBase {
  kind: 'local';
  /** Absolute, or relative to the first workspace folder (the extension) or the current folder (the CLI). */
  folder: string;
  /** Pins now() (an ISO datetime) so `ago()` and time windows give the same rows on every run; overrides the folder manifest's `now`. */
  now?: string;
}

export type WorkspaceConfig = LogAnalyticsWorkspace | DefenderWorkspace | AdxWorkspace | LocalWorkspace;

export const WORKSPACE_KIND_LABELS: Record<WorkspaceKind, string> = {
  logAnalytics: 'Log Analytics / Sentinel',
  defender: 'Defender XDR',
  adx: 'Azure Data Explorer',
  local: 'Local sample data',
};

function str(r: Record<string, unknown>, key: string): string | undefined {
  const v = r[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** Reads one entry of the settings list; returns a reason instead of throwing so one bad entry cannot hide the others. */
export function parseWorkspace(raw: unknown): WorkspaceConfig | string {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'a workspace must be an object';
  const r = raw as Record<string, unknown>;
  const name = str(r, 'name');
  if (!name) return 'a workspace needs a "name"';
  const tenantId = str(r, 'tenantId');
  const base = tenantId ? { name, tenantId } : { name };
  switch (r.kind) {
    case 'logAnalytics': {
      const workspaceId = str(r, 'workspaceId');
      if (!workspaceId) return `workspace "${name}": a Log Analytics workspace needs a "workspaceId"`;
      const endpoint = str(r, 'endpoint');
      const arm: Record<string, string> = {};
      for (const key of ['subscriptionId', 'resourceGroup', 'workspaceName', 'managementEndpoint']) {
        const value = str(r, key);
        if (value !== undefined) arm[key] = value;
      }
      return { ...base, kind: 'logAnalytics', workspaceId, ...(endpoint ? { endpoint } : {}), ...arm };
    }
    case 'defender': {
      const endpoint = str(r, 'endpoint');
      return { ...base, kind: 'defender', ...(endpoint ? { endpoint } : {}) };
    }
    case 'adx': {
      const clusterUrl = str(r, 'clusterUrl');
      const database = str(r, 'database');
      if (!clusterUrl || !database)
        return `workspace "${name}": an Azure Data Explorer workspace needs "clusterUrl" and "database"`;
      const timeColumn = str(r, 'timeColumn');
      if (timeColumn !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(timeColumn))
        return `workspace "${name}": "timeColumn" must be a column name, not ${timeColumn}`;
      return { ...base, kind: 'adx', clusterUrl, database, ...(timeColumn ? { timeColumn } : {}) };
    }
    case 'local': {
      const folder = str(r, 'folder');
      if (!folder) return `workspace "${name}": a local workspace needs a "folder"`;
      const now = str(r, 'now');
      if (now !== undefined && Number.isNaN(Date.parse(now)))
        return `workspace "${name}": "now" must be an ISO datetime such as 2025-03-14T12:00:00Z, not ${now}`;
      return { ...base, kind: 'local', folder, ...(now ? { now } : {}) };
    }
    default:
      return `workspace "${name}": "kind" must be one of logAnalytics, defender, adx, local`;
  }
}

/** The valid workspaces of a settings value, and a message for every entry that was skipped. */
export function parseWorkspaces(raw: unknown): { workspaces: WorkspaceConfig[]; problems: string[] } {
  const workspaces: WorkspaceConfig[] = [];
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { workspaces, problems };
  if (!Array.isArray(raw)) return { workspaces, problems: ['kqlHunting.workspaces must be a list'] };
  for (const entry of raw) {
    const parsed = parseWorkspace(entry);
    if (typeof parsed === 'string') problems.push(parsed);
    else if (workspaces.some((w) => w.name === parsed.name))
      problems.push(`workspace "${parsed.name}" is listed twice; the first one is used`);
    else workspaces.push(parsed);
  }
  return { workspaces, problems };
}

/** A custom endpoint's origin, which is also its token audience in the sovereign clouds; none for loopback test servers. */
function cloudOrigin(endpoint: string | undefined): string | undefined {
  if (!endpoint) return undefined;
  try {
    const url = new URL(endpoint);
    return url.protocol === 'https:' && !/^(localhost|127\.|\[::1\])/.test(url.hostname)
      ? url.origin
      : undefined;
  } catch {
    return undefined;
  }
}

/** The OAuth scope a workspace's token must carry, or undefined when it needs no sign-in. */
export function tokenScopeFor(workspace: WorkspaceConfig): string | undefined {
  switch (workspace.kind) {
    case 'logAnalytics':
      return `${cloudOrigin(workspace.endpoint) ?? 'https://api.loganalytics.io'}/.default`;
    case 'defender':
      return `${cloudOrigin(workspace.endpoint) ?? 'https://graph.microsoft.com'}/.default`;
    case 'adx':
      return `${workspace.clusterUrl.replace(/\/+$/, '')}/.default`;
    case 'local':
      return undefined;
  }
}

/** The scope of a token for Azure Resource Manager (Sentinel analytic rules) in the workspace's cloud. */
export function managementScopeFor(workspace: LogAnalyticsWorkspace): string {
  return `${cloudOrigin(workspace.managementEndpoint) ?? 'https://management.azure.com'}/.default`;
}

/** A one-line description for pickers and the status bar tooltip. */
export function describeWorkspace(workspace: WorkspaceConfig): string {
  switch (workspace.kind) {
    case 'logAnalytics':
      return `Log Analytics workspace ${workspace.workspaceId}`;
    case 'defender':
      return `Defender XDR advanced hunting${workspace.tenantId ? ` (tenant ${workspace.tenantId})` : ''}`;
    case 'adx':
      return `Azure Data Explorer ${workspace.clusterUrl} / ${workspace.database}`;
    case 'local':
      return `local sample data in ${workspace.folder}`;
  }
}

const PIN = /^[ \t]*(?:\/\/|#|<!--)[ \t]*kql-workspace:[ \t]*([^\s>]+)/m;

/**
 * The workspace a file pins with a comment such as `// kql-workspace: Sample` (or `#` in YAML,
 * `<!-- -->` in Markdown) among its first ten lines.
 */
export function workspacePin(text: string): string | undefined {
  const head = text.split(/\r?\n/, 10).join('\n');
  return PIN.exec(head)?.[1];
}

/** Settings that shape a run (section `kqlHunting.run`). */
export interface RunSettings {
  /** Seconds before a running query is abandoned. */
  timeoutSeconds: number;
  /** Rows kept per result table; the rest are dropped and the result is marked truncated. */
  rowLimit: number;
  /** Whether text starting with `.` (a management command) may be sent. */
  allowManagementCommands: boolean;
  /** ISO 8601 duration used as the time span when the query has no rule `queryPeriod`. */
  defaultTimespan: string;
  /** Whether the local workspace may fetch an `externaldata` URL over HTTPS that workspace.json does not map. */
  fetchExternalData: boolean;
  /** The largest file such a fetch may read, in megabytes. */
  externalDataMaxMegabytes: number;
}

export const DEFAULT_RUN_SETTINGS: RunSettings = {
  timeoutSeconds: 180,
  rowLimit: 30000,
  allowManagementCommands: false,
  defaultTimespan: 'P30D',
  fetchExternalData: false,
  externalDataMaxMegabytes: 16,
};

export function normalizeRunSettings(raw: unknown): RunSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const num = (v: unknown, min: number, max: number, d: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(Math.max(v, min), max) : d;
  return {
    timeoutSeconds: num(r.timeoutSeconds, 1, 3600, DEFAULT_RUN_SETTINGS.timeoutSeconds),
    rowLimit: Math.floor(num(r.rowLimit, 1, 1_000_000, DEFAULT_RUN_SETTINGS.rowLimit)),
    allowManagementCommands: r.allowManagementCommands === true,
    defaultTimespan:
      typeof r.defaultTimespan === 'string' && /^P/i.test(r.defaultTimespan.trim())
        ? r.defaultTimespan.trim()
        : DEFAULT_RUN_SETTINGS.defaultTimespan,
    fetchExternalData: r.fetchExternalData === true,
    externalDataMaxMegabytes: num(
      r.externalDataMaxMegabytes,
      1,
      256,
      DEFAULT_RUN_SETTINGS.externalDataMaxMegabytes,
    ),
  };
}
