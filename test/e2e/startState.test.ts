/**
 * A newcomer's first run: the editor exactly as `npm start` leaves it (the same user settings,
 * the tracked sample workspace as it is, nothing written by the test), the TightVNC query run
 * with its Run CodeLens, and its rows in the results panel. The Sample workspace must be active by
 * itself, and neither running nor switching the environment from the status bar may change the
 * tracked settings file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { sampleWorkspace } from '../../scripts/e2e/editorTools';
import { EditorSession, openEditorSession } from './support/editorSession';
import { loadWorkbench, openFromExplorer, stepLogger } from './support/workbench';

const FILE = 'tightvnc-network.kql';
const SETTINGS = path.join('.vscode', 'settings.json');

let session: EditorSession;
// No userSettings and no workspace settings: what scripts/e2e/start.ts gives a user.
before(async () => {
  session = await openEditorSession('start-state');
});
after(async () => {
  await session?.dispose();
});

const step = stepLogger('start-state');

test(
  "from npm start's state, the Run CodeLens runs the TightVNC query on the Sample workspace; the environment switches without touching the settings file",
  { timeout: 360000 },
  async () => {
    const page = await session.newPage();
    try {
      await step('workbench loaded', () => loadWorkbench(page, session));
      await step(`${FILE} opened from the explorer`, () =>
        openFromExplorer(page, FILE, 'DeviceNetworkEvents'),
      );
      await step('status bar shows the Sample workspace as active', () =>
        page.locator('.statusbar-item', { hasText: 'Sample' }).first().waitFor({ timeout: 120000 }),
      );
      await step('Run CodeLens clicked', async () => {
        const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Run' }).first();
        await lens.waitFor({ timeout: 120000 });
        await lens.click();
      });
      const grid = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await step('rows in the results grid', async () => {
        await grid
          .locator('.grid-row', { hasText: 'srv-jump-01.corp.example.com' })
          .first()
          .waitFor({ timeout: 120000 });
        await grid.locator('.toolbar .count', { hasText: '3 rows' }).waitFor({ timeout: 120000 });
      });
      await step('environment switched to Sentinel from the status bar', async () => {
        await page.locator('.statusbar-item', { hasText: 'KQL: Defender XDR' }).first().click();
        await page
          .locator('.quick-input-list .monaco-list-row', { hasText: 'Microsoft Sentinel' })
          .first()
          .click();
        await page
          .locator('.statusbar-item', { hasText: 'KQL: Microsoft Sentinel' })
          .first()
          .waitFor({ timeout: 120000 });
      });
      assert.equal(
        fs.readFileSync(path.join(session.workspace, SETTINGS), 'utf8'),
        fs.readFileSync(path.join(sampleWorkspace, SETTINGS), 'utf8'),
        'running a query and switching the environment must not write to the tracked settings file',
      );
      assert.deepEqual(fs.readdirSync(path.join(session.workspace, '.vscode')), ['settings.json']);
    } catch (error) {
      const logs = await session.failureReport('run');
      throw new Error(`${(error as Error).message}\n${logs}`, { cause: error });
    }
  },
);
