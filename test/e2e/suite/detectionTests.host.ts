/**
 * Detection tests in the Testing view: the controller finds the sample workspace's test files,
 * "Run All Tests" runs them through the language server, and every case passes.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { poll } from '../../../scripts/e2e/poll';

interface ControllerSnapshot {
  files: string[];
  results: Record<string, 'passed' | 'failed' | 'errored'>;
}

const snapshot = () =>
  vscode.commands.executeCommand<ControllerSnapshot>('kqlHunting.detectionTests.lastResults');

describe('Detection tests in the Testing view', () => {
  it('discovers the sample test files and runs every case to a pass', async () => {
    await vscode.extensions.getExtension('kql-hunting.kql-hunting')!.activate();
    // The Testing view asks the controller to discover when it first shows; so does a run.
    await vscode.commands.executeCommand('workbench.view.testing.focus');
    const files = await poll(
      'the controller to find both sample test files',
      async () => {
        const s = await snapshot();
        return s.files.length >= 2 && s.files;
      },
      { timeoutMs: 60000 },
    );
    assert.ok(
      files.some((f) => f.endsWith('tests/tightvnc-network.test.yaml')),
      files.join(', '),
    );
    assert.ok(
      files.some((f) => f.endsWith('tests/sample-workspace.test.yaml')),
      files.join(', '),
    );

    // The server may still be starting: a run before it is up errors, so run again until every case has a result.
    const results = await poll(
      'every sample case to pass',
      async () => {
        await vscode.commands.executeCommand('testing.runAll');
        const { results: r } = await snapshot();
        const cases = Object.entries(r).filter(([id]) => id.includes('#'));
        return cases.length >= 4 && cases.every(([, state]) => state === 'passed') && r;
      },
      { timeoutMs: 120000, intervalMs: 2000 },
    );
    assert.equal(
      results[
        `${files.find((f) => f.endsWith('tightvnc-network.test.yaml'))}#ignores connections older than five days`
      ],
      'passed',
    );
  });
});
