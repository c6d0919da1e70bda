/**
 * An authenticated run in the real editor, then a search of everything the editor wrote: its
 * logs (the "KQL Hunting" output channel's file among them), global and workspace storage, and
 * code-server's own log. The sign-in is DefaultAzureCredential in the language server
 * (`kqlHunting.run.signIn: default`) with a stand-in `az` that prints a known token; VS Code's
 * own Microsoft sign-in needs a real account and cannot run offline. The service is a local Log
 * Analytics API on 127.0.0.1 that answers only that token, with known values.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { poll } from '../../scripts/e2e/poll';
import {
  fakeAzureCli,
  filesUnder,
  leaksIn,
  startSecretService,
  type SecretService,
} from '../helpers/secretService';
import { EditorSession, openEditorSession, resultsDir } from './support/editorSession';
import { loadWorkbench, stepLogger } from './support/workbench';

const FILE = 'secret-run.kql';

let service: SecretService;
let session: EditorSession;
before(async () => {
  service = await startSecretService();
  const bin = path.join(service.scratch, 'bin');
  fakeAzureCli(bin, service.token);
  session = await openEditorSession('secrets', {
    env: {
      PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
      NODE_EXTRA_CA_CERTS: service.caFile,
      // The Azure CLI sign-in only: the managed identity probe would wait on a network this machine lacks.
      AZURE_TOKEN_CREDENTIALS: 'AzureCliCredential',
    },
    userSettings: { 'kqlHunting.run.signIn': 'default' },
  });
  fs.mkdirSync(path.join(session.workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(session.workspace, '.vscode', 'settings.json'),
    JSON.stringify(
      {
        'kqlHunting.workspaces': [
          {
            name: 'Secret',
            kind: 'logAnalytics',
            workspaceId: service.workspaceId,
            endpoint: `${service.stub.origin}/v1`,
          },
        ],
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(session.workspace, FILE), 'DeviceNetworkEvents\n| take 1\n');
});
after(async () => {
  await session?.dispose();
  await service?.close();
});

const step = stepLogger('secrets');

test(
  'after an authenticated run, no editor log or storage holds the token or a result value',
  { timeout: 360000 },
  async () => {
    const page = await session.newPage();
    try {
      await step('workbench loaded', () => loadWorkbench(page, session));
      await step(`${FILE} opened and run with its CodeLens`, async () => {
        await page
          .locator('.explorer-folders-view .monaco-list-row', { hasText: FILE })
          .click({ timeout: 120000 });
        const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Run' }).first();
        await lens.waitFor({ timeout: 120000 });
        await lens.click();
      });
      const grid = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await step('the service answered the token: its values are in the results grid', async () => {
        for (const value of service.resultValues)
          await grid.locator('.grid-cell', { hasText: value }).first().waitFor({ timeout: 120000 });
      });
      if (service.stub.requests.at(-1)?.headers.authorization !== `Bearer ${service.token}`)
        throw new Error('the service did not receive the token');
      fs.mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: path.join(resultsDir, 'secrets-run.png') });

      const channelLog = await step('the output channel has its log file', () =>
        poll(
          'the KQL Hunting log file',
          () =>
            Object.keys(filesUnder(path.join(session.userDataDir, 'logs'))).find(
              (f) => path.basename(f) === 'KQL Hunting.log',
            ),
          { timeoutMs: 60000 },
        ),
      );
      const texts = {
        ...filesUnder(session.userDataDir, session.workspace),
        [path.join(resultsDir, 'secrets-code-server.log')]: fs.readFileSync(
          path.join(resultsDir, 'secrets-code-server.log'),
          'utf8',
        ),
      };
      console.log(`[secrets] searched ${Object.keys(texts).length} files, ${channelLog} among them`);
      const leaks = leaksIn(texts, service.secrets());
      if (leaks.length) throw new Error(`secrets found:\n${leaks.join('\n')}`);
    } catch (error) {
      const logs = await session.failureReport('secrets');
      throw new Error(`${(error as Error).message}\n${logs}`, { cause: error });
    }
  },
);
