import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { poll } from '../../../scripts/e2e/poll';

/** Runs in the extension host of a Restricted Mode session (see assistantConsent.test.ts). */
describe('kql_run in Restricted Mode', () => {
  before(async () => {
    await poll('the kql_run tool', () => vscode.lm.tools.some((t) => t.name === 'kql_run'), {
      timeoutMs: 60000,
    });
  });

  it('refuses to run, without asking', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this suite runs in Restricted Mode');
    const result = await vscode.lm.invokeTool('kql_run', {
      input: { query: 'DeviceNetworkEvents | take 1', workspace: 'Prod' },
      toolInvocationToken: undefined,
    });
    const text = result.content
      .map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : ''))
      .join('');
    assert.match(String((JSON.parse(text) as { error?: string }).error), /Restricted Mode/);
  });
});
