/**
 * Refreshing a Log Analytics workspace's live schema from the real editor: the workspace points
 * at a local metadata endpoint, "KQL Hunting: Refresh Workspace Schema" runs from the command
 * palette, and the custom table's "unknown name" error leaves the Problems panel.
 *
 * Signing in: VS Code's Microsoft account cannot be faked here, so the test takes the product's
 * other sign-in mode, `kqlHunting.run.signIn: default` (DefaultAzureCredential in the language
 * server), with a stand-in `az` on the PATH answering the Azure CLI's token request.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { startHttpsStub, type HttpsStub, type StubRequest } from '../unit/connectors/support/httpsStub';
import { EditorSession, openEditorSession, resultsDir } from './support/editorSession';
import { loadWorkbench, openFromExplorer, runCommand, stepLogger } from './support/workbench';

const WORKSPACE_ID = 'cccccccc-1111-2222-3333-444444444444';
const TOKEN = 'e2e-cli-token';
const TABLE = 'HuntCustom_CL';
const FILE = 'custom-table.kql';

function metadataHandler(req: StubRequest) {
  if (req.method !== 'GET' || req.path.split('?')[0] !== `/v1/workspaces/${WORKSPACE_ID}/metadata`)
    return { status: 404, body: { error: { code: 'PathNotFoundError', message: 'no route' } } };
  if (req.headers.authorization !== `Bearer ${TOKEN}`)
    return { status: 401, body: { error: { code: 'AuthenticationFailed', message: 'Bad token.' } } };
  return {
    status: 200,
    body: {
      tables: [
        {
          name: TABLE,
          columns: [
            { name: 'TimeGenerated', type: 'datetime' },
            { name: 'Col1', type: 'string' },
          ],
        },
      ],
      functions: [],
    },
  };
}

let stub: HttpsStub;
let session: EditorSession;
let tools: string;

before(async () => {
  stub = await startHttpsStub(metadataHandler);
  tools = fs.mkdtempSync(path.join(os.tmpdir(), 'kql-e2e-az-'));
  const caFile = path.join(tools, 'ca.pem');
  fs.writeFileSync(caFile, stub.ca);
  // What `az account get-access-token --output json` prints; the credential reads accessToken and expiresOn.
  const answer = {
    accessToken: TOKEN,
    expiresOn: '2099-01-01 00:00:00.000000',
    expires_on: 4070908800,
    tokenType: 'Bearer',
  };
  fs.mkdirSync(path.join(tools, 'bin'));
  fs.writeFileSync(
    path.join(tools, 'bin', 'az'),
    `#!/bin/sh\ncat <<'JSON'\n${JSON.stringify(answer)}\nJSON\n`,
    { mode: 0o755 },
  );
  session = await openEditorSession('refresh-schema', {
    env: {
      PATH: `${path.join(tools, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      NODE_EXTRA_CA_CERTS: caFile,
    },
    // A machine setting, so it goes in the user settings.
    userSettings: { 'kqlHunting.run.signIn': 'default' },
  });
  fs.mkdirSync(path.join(session.workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(session.workspace, '.vscode', 'settings.json'),
    JSON.stringify(
      {
        'kqlHunting.workspaces': [
          {
            name: 'Stub Sentinel',
            kind: 'logAnalytics',
            workspaceId: WORKSPACE_ID,
            endpoint: `${stub.origin}/v1`,
          },
        ],
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(
    path.join(session.workspace, FILE),
    `// kql-environment: sentinel\n${TABLE}\n| where Col1 == "x"\n`,
  );
});
after(async () => {
  await session?.dispose();
  await stub?.close();
  if (tools) fs.rmSync(tools, { recursive: true, force: true });
});

const step = stepLogger('refresh-schema');

test(
  'Refresh Workspace Schema loads a custom table and its error leaves the Problems panel',
  { timeout: 360000 },
  async () => {
    const page = await session.newPage();
    try {
      await step('workbench loaded', () => loadWorkbench(page, session));
      await step(`${FILE} opened from the explorer`, () => openFromExplorer(page, FILE, TABLE));
      const unknownName = page.locator('.markers-panel .monaco-list-row', {
        hasText: `'${TABLE}' does not refer to any known`,
      });
      await step('Problems panel reports the custom table as unknown', async () => {
        await page.locator('.monaco-editor .view-lines').click();
        await page.keyboard.press('Control+Shift+M');
        await unknownName.first().waitFor({ timeout: 120000 });
      });
      await step('Refresh Workspace Schema run from the command palette', async () => {
        await page.locator('.monaco-editor .view-lines').click();
        await runCommand(page, 'KQL Hunting: Refresh Workspace Schema');
      });
      await step('the error left the Problems panel', () =>
        unknownName.first().waitFor({ state: 'detached', timeout: 120000 }),
      );
      // The table is known now, so the hunting lints look into it: their warning names it.
      await step("the table's time-filter warning took its place", () =>
        page
          .locator('.markers-panel .monaco-list-row', { hasText: `No time filter on ${TABLE}` })
          .first()
          .waitFor({ timeout: 120000 }),
      );
      assert.ok(
        stub.requests.some(
          (r) =>
            r.path.startsWith(`/v1/workspaces/${WORKSPACE_ID}/metadata`) &&
            r.headers.authorization === `Bearer ${TOKEN}`,
        ),
        'the metadata request carried the token from the stand-in az',
      );
      fs.mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: path.join(resultsDir, 'refresh-schema.png') });
    } catch (error) {
      const logs = await session.failureReport('refresh');
      throw new Error(`${(error as Error).message}\n${logs}`, { cause: error });
    }
  },
);
