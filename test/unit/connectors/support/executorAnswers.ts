import * as path from 'node:path';
import { executeQuery, type QueryResult } from '../../../../server/src/executor/executor';
import type { LocalWorkspace } from '../../../../server/src/executor/workspace';
import { loadLocalWorkspace } from '../../../../server/src/executor/files/workspaceLoader';
import { builtinSchema } from '../../../../server/src/schema/builtinSchemas';
import { REPO_ROOT } from '../../../helpers/paths';

/**
 * The test services answer real queries with the embedded engine over the shipped sample
 * workspace, so a connector test checks real rows rather than canned ones.
 */
let sample: LocalWorkspace | undefined;

export function runOnSample(query: string): QueryResult {
  sample ??= loadLocalWorkspace(
    path.join(REPO_ROOT, 'samples', 'hunting-workspace'),
    builtinSchema('defender'),
  );
  return executeQuery(query, { workspace: sample });
}

const DOTNET: Record<string, string> = {
  string: 'String',
  datetime: 'DateTime',
  long: 'Int64',
  int: 'Int32',
  bool: 'Boolean',
  real: 'Double',
  dynamic: 'Object',
  guid: 'Guid',
  timespan: 'TimeSpan',
  decimal: 'Decimal',
};

/** Kusto type names as Graph runHuntingQuery spells them. */
export function dotnetType(kustoType: string): string {
  return DOTNET[kustoType] ?? 'String';
}
