import { builtinSchema } from '../../schema/builtinSchemas';
import type { EnvironmentId, EnvironmentSchema } from '../../schema/types';

/** What one environment's schema names: enough to tell which side a name belongs to. */
export interface EnvironmentNames {
  readonly id: EnvironmentId;
  readonly displayName: string;
  readonly timeColumn: string;
  /** Each table's column names. */
  readonly tables: ReadonlyMap<string, ReadonlySet<string>>;
  readonly functions: ReadonlySet<string>;
}

export type DialectFacts = Readonly<Record<EnvironmentId, EnvironmentNames>>;

function namesOf(schema: EnvironmentSchema): EnvironmentNames {
  return {
    id: schema.id,
    displayName: schema.displayName,
    timeColumn: schema.timeColumn,
    tables: new Map(schema.tables.map((t) => [t.name, new Set(t.columns.map((c) => c.name))])),
    functions: new Set(schema.functions.map((f) => f.name)),
  };
}

export function dialectFactsOf(schemas: Record<EnvironmentId, EnvironmentSchema>): DialectFacts {
  return { defender: namesOf(schemas.defender), sentinel: namesOf(schemas.sentinel) };
}

let builtin: DialectFacts | undefined;

/**
 * The facts of the two schemas the product ships. A name is judged against these even when a
 * document is checked against a custom or live schema: they say where a name comes from, while
 * the schema in use says whether it binds.
 */
export function builtinDialectFacts(): DialectFacts {
  builtin ??= dialectFactsOf({ defender: builtinSchema('defender'), sentinel: builtinSchema('sentinel') });
  return builtin;
}

export function otherEnvironment(env: EnvironmentId): EnvironmentId {
  return env === 'defender' ? 'sentinel' : 'defender';
}

/**
 * Defender XDR tables that the Azure Monitor table reference has no page for: Log Analytics
 * does not hold them, so Sentinel never receives their rows, although the built-in Sentinel
 * schema lists every Defender table (a unified-portal query can name them). Kept as a list
 * because the built-in schemas do not record which source a table came from.
 */
export const NOT_IN_LOG_ANALYTICS: ReadonlySet<string> = new Set([
  'AADSignInEventsBeta',
  'AADSpnSignInEventsBeta',
  'AIAgentsInfo',
  'AgentsInfo',
  'CallActivityEvents',
  'CloudPolicyEnforcementEvents',
  'DataSecurityBehaviors',
  'DataSecurityEvents',
  'DeviceBaselineComplianceAssessment',
  'DeviceBaselineComplianceAssessmentKB',
  'DeviceBaselineComplianceProfiles',
  'EntraIdSignInEvents',
  'EntraIdSpnSignInEvents',
  'ExposureGraphEdges',
  'ExposureGraphNodes',
  'GraphAPIAuditEvents',
  'MessageContents',
]);

/**
 * Why a Defender XDR table that binds in Sentinel holds no Sentinel data: the vulnerability
 * management (DeviceTvm*) tables are in Sentinel's schema for visibility only and never filled;
 * the others have no Log Analytics table at all.
 */
export type DefenderOnlyKind = 'schemaOnly' | 'notInLogAnalytics';

export function defenderOnlyKind(table: string, facts: DialectFacts): DefenderOnlyKind | undefined {
  if (!facts.defender.tables.has(table)) return undefined;
  if (table.startsWith('DeviceTvm')) return 'schemaOnly';
  return NOT_IN_LOG_ANALYTICS.has(table) ? 'notInLogAnalytics' : undefined;
}

/**
 * Columns that the two environments' versions of a table name differently (not only in case):
 * table, then the Log Analytics (Sentinel) name and the Defender XDR name of the same column.
 * The built-in Sentinel schema lists both names, so this matters when a query goes to Defender
 * XDR, or to a live Sentinel schema that has only its own name.
 */
export const RENAMED_COLUMNS: readonly (readonly [table: string, sentinel: string, defender: string])[] = [
  ['CloudAuditEvents', 'CloudResourceId', 'ResourceId'],
  ['CloudStorageAggregatedEvents', 'AzureSubscriptionId', 'SubscriptionId'],
  ['IdentityAccountInfo', 'SourceProviderRiskLevel', 'SourceProvderRiskLevel'],
];

/** The other environment's name for a column of `table` that `RENAMED_COLUMNS` lists. */
export function renamedColumn(table: string, column: string, from: EnvironmentId): string | undefined {
  for (const [t, sentinel, defender] of RENAMED_COLUMNS) {
    if (t !== table) continue;
    if (from === 'sentinel' && column === sentinel) return defender;
    if (from === 'defender' && column === defender) return sentinel;
  }
  return undefined;
}
