import type { EnvironmentId, EnvironmentSchema } from './types';
import defender from './data/defender.json';

/**
 * The environments shipped with the product. The data files hold facts only (names and
 * types, from the public table references) plus descriptions in our own words.
 */
const BUILTIN: Record<EnvironmentId, EnvironmentSchema> = {
  defender: defender as EnvironmentSchema,
  // Until the Sentinel catalogue lands, Sentinel documents see the Defender tables with the
  // Sentinel time column added, so that a rule's query is still checked.
  sentinel: {
    ...(defender as EnvironmentSchema),
    id: 'sentinel',
    displayName: 'Microsoft Sentinel',
    timeColumn: 'TimeGenerated',
    tables: (defender as EnvironmentSchema).tables.map((t) => ({
      ...t,
      columns: [...t.columns, { name: 'TimeGenerated', type: 'datetime' }],
    })),
  },
};

export function builtinSchema(env: EnvironmentId): EnvironmentSchema {
  return BUILTIN[env];
}
