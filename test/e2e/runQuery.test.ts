/**
 * Running a hunting query from the editor: the TightVNC detection on the sample workspace's own
 * data (a local workspace), started with the Run CodeLens, ending with its rows in the results
 * panel's grid, the inline summary beside the query, and a screenshot.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { EditorSession, openEditorSession, resultsDir } from './support/editorSession';
import {
  SAMPLE_DATA_WORKSPACE,
  loadWorkbench,
  openFromExplorer,
  stepLogger,
  writeWorkspaceSettings,
} from './support/workbench';

const FILE = 'tightvnc-network.kql';

let session: EditorSession;
before(async () => {
  session = await openEditorSession('run-query');
  writeWorkspaceSettings(session, {
    'kqlHunting.workspaces': [SAMPLE_DATA_WORKSPACE],
  });
});
after(async () => {
  await session?.dispose();
});

const step = stepLogger('run-query');

test(
  'the TightVNC query runs on the sample workspace and its rows appear in the results grid',
  { timeout: 360000 },
  async () => {
    const page = await session.newPage();
    try {
      await step('workbench loaded', () => loadWorkbench(page, session));
      await step(`${FILE} opened from the explorer`, () =>
        openFromExplorer(page, FILE, 'DeviceNetworkEvents'),
      );
      await step('status bar shows the workspace', () =>
        page.locator('.statusbar-item', { hasText: 'Sample data' }).first().waitFor({ timeout: 120000 }),
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
        await grid
          .locator('.grid-row', { hasText: 'wks-ops-01.corp.example.com' })
          .first()
          .waitFor({ timeout: 120000 });
        await grid.locator('.toolbar .count', { hasText: '3 rows' }).waitFor({ timeout: 120000 });
        await grid.locator('.grid-head', { hasText: 'RemoteUrl' }).waitFor({ timeout: 120000 });
      });
      await step('inline summary after the query', () =>
        // The summary is an `after` decoration: its text lives in a ::after pseudo-element's content.
        page.waitForFunction(
          "[...document.querySelectorAll('.monaco-editor .view-line span')].some((s) => getComputedStyle(s, '::after').content.includes('3 rows'))",
          undefined,
          { timeout: 120000 },
        ),
      );
      fs.mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: path.join(resultsDir, 'run-query.png') });
    } catch (error) {
      const logs = await session.failureReport('run');
      throw new Error(`${(error as Error).message}\n${logs}`, { cause: error });
    }
  },
);
