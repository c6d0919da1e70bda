/**
 * An assistant's kql_run on a workspace that reaches Azure, in the real editor: VS Code asks
 * first, with the query and the workspace in the dialog, and the run happens only when the user
 * accepts. In Restricted Mode the tool refuses without asking. The service is a local Log
 * Analytics API on 127.0.0.1, signed in to with a stand-in `az` (DefaultAzureCredential mode).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { fakeAzureCli, startSecretService, type SecretService } from '../helpers/secretService';
import { poll } from '../../scripts/e2e/poll';
import { REPO_ROOT } from '../helpers/paths';
import { EditorSession, openEditorSession } from './support/editorSession';
import { runCommand } from './support/workbench';

const CALLER = path.join(REPO_ROOT, 'test', 'fixtures', 'lm-tool-caller');

let service: SecretService;
before(async () => {
  service = await startSecretService();
  fakeAzureCli(path.join(service.scratch, 'bin'), service.token);
});
after(async () => {
  await service?.close();
});

async function sessionFor(name: string, restrictedMode: boolean): Promise<EditorSession> {
  const bin = path.join(service.scratch, 'bin');
  const prod = {
    name: 'Prod',
    kind: 'logAnalytics',
    workspaceId: service.workspaceId,
    endpoint: `${service.stub.origin}/v1`,
  };
  const session = await openEditorSession(name, {
    restrictedMode,
    env: {
      PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
      NODE_EXTRA_CA_CERTS: service.caFile,
      AZURE_TOKEN_CREDENTIALS: 'AzureCliCredential',
    },
    userSettings: {
      'kqlHunting.run.signIn': 'default',
      // User-level, so that Restricted Mode (which ignores the folder's value) still knows the workspace.
      'kqlHunting.workspaces': [prod],
    },
  });
  // The sample folder's own settings list its local workspace, and a folder value replaces the user's
  // list; in a trusted folder, Prod must be there too. (Restricted Mode ignores the folder's value.)
  fs.mkdirSync(path.join(session.workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(session.workspace, '.vscode', 'settings.json'),
    JSON.stringify({ 'kqlHunting.workspaces': [prod] }, null, 2),
  );
  return session;
}

/** Loads the workbench with the consent suite as the extension tests, and returns its exit code when it ends. */
async function startSuite(
  page: Page,
  session: EditorSession,
): Promise<{ exited: Promise<number>; log: string[] }> {
  const log: string[] = [];
  let reportExit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => {
    reportExit = resolve;
  });
  await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
    const line = format(...(args ?? [])).replace(/\x1b\[[0-9;]*m/g, '');
    log.push(line);
    if (/✔|passing|failing|\d+\) /.test(line)) console.log(`[consent] ${line.trim()}`);
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
  await page.goto(
    session.server.workbenchUrl(session.workspace, [
      ['extensionDevelopmentPath', session.server.remoteUri(session.extensionDir)],
      ['extensionTestsPath', session.server.remoteUri(path.join(__dirname, 'consentSuite', 'index.js'))],
    ]),
  );
  return { exited, log };
}

/** Waits for the confirmation dialog about Prod and presses one of its buttons. */
async function answerDialog(page: Page, accept: boolean): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box', { hasText: 'Run KQL on Prod' });
  await dialog.waitFor({ timeout: 180000 });
  const text = (await dialog.innerText()).replace(/\s+/g, ' ');
  const buttons = dialog.locator('.dialog-buttons .monaco-button');
  await (
    accept ? buttons.filter({ hasNotText: 'Cancel' }).first() : buttons.filter({ hasText: 'Cancel' })
  ).click();
  await dialog.waitFor({ state: 'detached' });
  return text;
}

describe('kql_run asks before reaching Azure', () => {
  it('declined: nothing is sent; accepted: the query runs signed in', { timeout: 480000 }, async () => {
    const session = await sessionFor('assistant-consent', false);
    try {
      const page = await session.newPage();
      // No extensionTestsPath: under the test harness VS Code skips its dialogs and confirms them.
      await page.goto(
        session.server.workbenchUrl(session.workspace, [
          ['extensionDevelopmentPath', session.server.remoteUri(session.extensionDir)],
          ['extensionDevelopmentPath', session.server.remoteUri(CALLER)],
        ]),
      );
      await page.locator('.monaco-workbench').waitFor({ timeout: 120000 });
      const before = service.stub.requests.length;
      const result = (n: number) =>
        poll(
          `lm-result-${n}.json`,
          () => {
            const file = path.join(session.workspace, `lm-result-${n}.json`);
            return (
              fs.existsSync(file) &&
              (JSON.parse(fs.readFileSync(file, 'utf8')) as { answer?: string; error?: string })
            );
          },
          { timeoutMs: 120000 },
        );

      await runCommand(page, 'KQL Test: Run kql_run on Prod');
      const shown = await answerDialog(page, false);
      assert.match(shown, /DeviceNetworkEvents \| take 1/, 'the dialog shows the query');
      const declined = await result(1);
      assert.match(String(declined.error), /cancel/i, JSON.stringify(declined));
      assert.equal(service.stub.requests.length, before, 'nothing reached the service');

      await runCommand(page, 'KQL Test: Run kql_run on Prod');
      await answerDialog(page, true);
      const accepted = await result(2);
      assert.ok(accepted.answer, `the accepted run answered: ${JSON.stringify(accepted)}`);
      const answer = JSON.parse(accepted.answer) as { ok: boolean; workspace: string };
      assert.equal(answer.ok, true, String(accepted.answer ?? accepted.error));
      assert.equal(answer.workspace, 'Prod');
      const sent = service.stub.requests.slice(before);
      assert.equal(sent.length, 1, 'exactly the accepted run reached the service');
      assert.equal(sent[0].headers.authorization, `Bearer ${service.token}`);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${await session.failureReport('consent')}`, {
        cause: error,
      });
    } finally {
      await session.dispose();
    }
  });

  it('Restricted Mode: refused without a dialog or a request', { timeout: 480000 }, async () => {
    const session = await sessionFor('assistant-restricted', true);
    try {
      const page = await session.newPage();
      const before = service.stub.requests.length;
      const { exited, log } = await startSuite(page, session);
      const code = await exited;
      if (code !== 0)
        assert.fail(
          `consent suite ended with ${code}\n${log.slice(-40).join('\n')}\n${await session.failureReport('restricted')}`,
        );
      assert.equal(await page.locator('.monaco-dialog-box', { hasText: 'Run KQL on Prod' }).count(), 0);
      assert.equal(service.stub.requests.length, before);
    } finally {
      await session.dispose();
    }
  });
});
