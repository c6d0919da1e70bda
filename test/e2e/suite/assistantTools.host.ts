/**
 * The assistant tools as an agent reaches them in the real editor: through vscode.lm.invokeTool,
 * with the language server behind them. The sample workspace is a local workspace, so kql_run
 * runs on it without a confirmation.
 */
import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { poll } from '../../../scripts/e2e/poll';

async function invoke(name: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  const text = result.content
    .map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : ''))
    .join('');
  return JSON.parse(text) as Record<string, unknown>;
}

describe('assistant tools through vscode.lm.invokeTool', () => {
  before(async () => {
    await poll(
      'the KQL Hunting tools to be registered',
      () =>
        ['kql_schema', 'kql_check', 'kql_run', 'kql_rmm_detection'].every((n) =>
          vscode.lm.tools.some((t) => t.name === n),
        ),
      { timeoutMs: 60000 },
    );
    const folder = vscode.workspace.workspaceFolders![0];
    await vscode.workspace
      .getConfiguration('kqlHunting', folder.uri)
      .update(
        'workspaces',
        [{ name: 'Sample', kind: 'local', folder: '.' }],
        vscode.ConfigurationTarget.Workspace,
      );
  });

  it('lists the tools with their input schemas', () => {
    const check = vscode.lm.tools.find((t) => t.name === 'kql_check')!;
    assert.deepEqual((check.inputSchema as { required?: string[] }).required, ['text']);
    assert.ok(check.tags.includes('kql'));
  });

  it("kql_schema answers with a table's columns", async () => {
    const answer = await invoke('kql_schema', { table: 'DeviceNetworkEvents' });
    const columns = (answer.table as { columns: { name: string }[] }).columns.map((c) => c.name);
    assert.ok(columns.includes('InitiatingProcessVersionInfoCompanyName'));
  });

  it('kql_check finds the misspelt column and offers the fix', async () => {
    const answer = await invoke('kql_check', {
      text: 'DeviceNetworkEvents | where Timestamp > ago(1d) | where InitiatingProcessVersionInfoCompanyNam has "GlavSoft"',
    });
    const finding = (answer.findings as { code: string; fixes?: string[] }[]).find((f) => f.code === 'KS142');
    assert.ok(finding, JSON.stringify(answer));
    assert.match(finding.fixes!.join(' '), /InitiatingProcessVersionInfoCompanyName'/);
  });

  it('kql_run runs on the local sample workspace without asking', async () => {
    const answer = await invoke('kql_run', {
      query:
        'DeviceNetworkEvents | where InitiatingProcessVersionInfoCompanyName has "GlavSoft" | summarize n = count()',
      maxRows: 5,
    });
    assert.equal(answer.ok, true, JSON.stringify(answer));
    const rows = (answer.tables as { rows: unknown[][] }[])[0].rows;
    assert.ok(Number(rows[0][0]) > 0, `TightVNC connections in the sample: ${JSON.stringify(rows)}`);
  });

  it('kql_run refuses a management command', async () => {
    const answer = await invoke('kql_run', { query: '.show tables' });
    assert.match(String(answer.error), /Management commands/);
  });

  it('kql_rmm_detection generates a rule that kql_check finds clean', async () => {
    const rule = await invoke('kql_rmm_detection', { tool: 'TightVNC', output: 'rule' });
    assert.equal(rule.language, 'yaml');
    const check = await invoke('kql_check', { text: String(rule.text), kind: 'rule' });
    assert.deepEqual(
      (check.findings as { severity: string }[]).filter((f) => f.severity === 'error'),
      [],
    );
  });
});
