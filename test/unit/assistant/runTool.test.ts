import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MAX_ANSWER_CHARS,
  runForAssistant,
  type RunToolHost,
} from '../../../server/src/assistant/host/runTool';
import { DEFAULT_RUN_SETTINGS, type WorkspaceConfig } from '../../../server/src/protocol/workspaces';
import type { RunQueryResult } from '../../../server/src/protocol/queryRun';

/** The limits kql_run puts around a run; the run itself is the shared runQuery, tested elsewhere. */
function hostWith(
  rows: unknown[][],
  seen: { queries: string[]; rowLimits: number[] },
  allowAzure = false,
): RunToolHost {
  const workspaces: WorkspaceConfig[] = [
    { name: 'Sample', kind: 'local', folder: '/data' },
    { name: 'Prod', kind: 'logAnalytics', workspaceId: '00000000-0000-0000-0000-000000000001' },
  ];
  return {
    workspaces,
    runSettings: { ...DEFAULT_RUN_SETTINGS, allowManagementCommands: true },
    allowAzure: async () => allowAzure,
    run: async (workspace, query, options): Promise<RunQueryResult> => {
      seen.queries.push(query);
      seen.rowLimits.push(options.settings.rowLimit);
      assert.equal(options.settings.allowManagementCommands, false);
      const kept = rows.slice(0, options.settings.rowLimit);
      return {
        ok: true,
        workspaceName: workspace.name,
        result: { tables: [{ name: 'PrimaryResult', columns: [{ name: 'x', type: 'string' }], rows: kept }] },
        stats: { durationMs: 1, rowCounts: [rows.length], truncated: rows.length > kept.length },
      };
    },
  };
}

describe('kql_run limits', () => {
  it('asks for at most maxRows rows and says when rows were cut', async () => {
    const seen = { queries: [] as string[], rowLimits: [] as number[] };
    const answer = await runForAssistant(
      { query: 'T', maxRows: 3 },
      hostWith(
        Array.from({ length: 10 }, (_, i) => [`r${i}`]),
        seen,
      ),
    );
    assert.ok(answer.ok);
    assert.deepEqual(seen.rowLimits, [3]);
    assert.equal(answer.tables[0].rows.length, 3);
    assert.equal(answer.tables[0].totalRows, 10);
    assert.match(answer.notes.join(' '), /cut to 3/);
  });

  it('drops rows until the answer fits, and counts them', async () => {
    const seen = { queries: [] as string[], rowLimits: [] as number[] };
    const answer = await runForAssistant(
      { query: 'T', maxRows: 100 },
      hostWith(
        Array.from({ length: 100 }, () => ['y'.repeat(2000)]),
        seen,
      ),
    );
    assert.ok(answer.ok);
    const kept = answer.tables[0].rows.length;
    assert.ok(kept < 100 && kept > 10, `${kept} rows kept`);
    assert.ok(JSON.stringify(answer).length <= MAX_ANSWER_CHARS + 200);
    assert.match(answer.notes.join(' '), new RegExp(`^${100 - kept} more rows were left out`));
  });

  it('never runs a management command, even when the settings would allow it', async () => {
    const seen = { queries: [] as string[], rowLimits: [] as number[] };
    const answer = await runForAssistant({ query: '  .show tables' }, hostWith([], seen));
    assert.equal(answer.ok, false);
    assert.deepEqual(seen.queries, []);
  });

  it('runs on Azure only when the host allows it', async () => {
    const seen = { queries: [] as string[], rowLimits: [] as number[] };
    const refused = await runForAssistant({ query: 'T', workspace: 'Prod' }, hostWith([], seen, false));
    assert.equal(refused.ok, false);
    assert.deepEqual(seen.queries, []);
    const allowed = await runForAssistant({ query: 'T', workspace: 'Prod' }, hostWith([['a']], seen, true));
    assert.ok(allowed.ok);
    assert.deepEqual(seen.queries, ['T']);
  });
});
