/**
 * Restricted Mode in the real editor: Workspace Trust on and the sample folder never trusted.
 * Queries do not run (the Run CodeLens and the command refuse with a message), the folder's
 * schema file is not read even when a user-level setting points at it, and plain checking goes
 * on; the folder's raised input limit does not apply either. Trusting the folder then brings the
 * schema file, the limit and the Run CodeLens in, which shows that what was missing was held back
 * and not broken.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { poll } from '../../scripts/e2e/poll';
import { EditorSession, openEditorSession, resultsDir } from './support/editorSession';
import { openFromExplorer, runCommand, stepLogger } from './support/workbench';

const FILE = 'restricted.kql';
const CUSTOM_TABLE = 'HuntLab_CL';
const MISSPELLED = 'RemoteUrll';
const QUERY = `${CUSTOM_TABLE}
| take 5

DeviceNetworkEvents
| where ${MISSPELLED} has "tightvnc"
`;
const REFUSAL = 'KQL Hunting does not run queries in Restricted Mode';
// Three queries against a user-level limit of two: the workspace raises the limit, which must not
// count until the folder is trusted.
const LIMITS_FILE = 'limits.kql';
const LIMITS_QUERY = 'print a = 1\n\nprint b = 2\n\nprint c = 3\n';
const LIMIT_CODE = 'KQLH-LIMIT-QUERIES';

let session: EditorSession;
before(async () => {
  // VS Code itself ignores the folder's value of a restricted setting; a user-level value is
  // what the extension has to hold back on its own.
  session = await openEditorSession('restricted-mode', {
    restrictedMode: true,
    userSettings: { 'kqlHunting.schemaFiles': ['schemas/*.json'], 'kqlHunting.limits.maxQueries': 2 },
  });
  fs.mkdirSync(path.join(session.workspace, 'schemas'), { recursive: true });
  fs.writeFileSync(
    path.join(session.workspace, 'schemas', 'huntlab.json'),
    JSON.stringify(
      {
        Name: CUSTOM_TABLE,
        Properties: [
          { Name: 'TimeGenerated', Type: 'DateTime' },
          { Name: 'Hunter_s', Type: 'String' },
        ],
      },
      null,
      2,
    ),
  );
  const workspaceSettings = {
    'kqlHunting.workspaces': [{ name: 'Sample data', kind: 'local', folder: '.' }],
    'kqlHunting.schemaFiles': ['schemas/*.json'],
    'kqlHunting.limits.maxQueries': 5000,
  };
  fs.mkdirSync(path.join(session.workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(session.workspace, '.vscode', 'settings.json'),
    JSON.stringify(workspaceSettings, null, 2),
  );
  fs.writeFileSync(path.join(session.workspace, FILE), QUERY);
  fs.writeFileSync(path.join(session.workspace, LIMITS_FILE), LIMITS_QUERY);
});
after(async () => {
  await session?.dispose();
});

const step = stepLogger('restricted-mode');

test(
  'Restricted Mode: no runs, no workspace schema files, diagnostics still there; trust brings both in',
  { timeout: 420000 },
  async () => {
    const page = await session.newPage();
    const lenses = page.locator('.monaco-editor .codelens-decoration a');
    const problems = page.locator('.markers-panel');
    try {
      await step('workbench loaded in Restricted Mode', async () => {
        await page.goto(session.server.workbenchUrl(session.workspace));
        await page.locator('.monaco-workbench').waitFor({ timeout: 120000 });
        await page
          .locator('.statusbar-item', { hasText: 'Restricted Mode' })
          .first()
          .waitFor({ timeout: 120000 });
      });
      await step(`${FILE} opened from the explorer`, () => openFromExplorer(page, FILE, MISSPELLED));
      await step(
        "both queries checked: the schema file's table is unknown, the misspelling too",
        async () => {
          await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 120000 });
          await page.keyboard.press('Control+Shift+M');
          await problems.filter({ hasText: MISSPELLED }).waitFor({ timeout: 120000 });
          await problems.filter({ hasText: CUSTOM_TABLE }).waitFor({ timeout: 120000 });
        },
      );
      await step(`the folder's raised limit is ignored: ${LIMITS_FILE} gets ${LIMIT_CODE}`, async () => {
        await openFromExplorer(page, LIMITS_FILE, 'print c');
        await problems.filter({ hasText: LIMIT_CODE }).waitFor({ timeout: 120000 });
        await openFromExplorer(page, FILE, MISSPELLED);
      });
      await step('the Run CodeLens refuses with a message that offers to manage trust', async () => {
        await poll(
          'a Run CodeLens over each query',
          async () => (await lenses.allTextContents()).filter((t) => t.trim() === 'Run').length === 2,
          { timeoutMs: 120000, intervalMs: 250 },
        );
        await lenses.filter({ hasText: 'Run' }).first().click();
        await runCommand(page, 'Notifications: Show Notifications');
        const refusal = page
          .locator('.notifications-center .notification-list-item', { hasText: REFUSAL })
          .first();
        await refusal.waitFor({ timeout: 60000 });
        await refusal
          .locator('.monaco-button', { hasText: 'Manage Workspace Trust' })
          .waitFor({ timeout: 60000 });
        await runCommand(page, 'Notifications: Clear All Notifications');
      });
      await step('the Run Query command refuses too', async () => {
        await page.locator('.monaco-editor .view-lines').click();
        await runCommand(page, 'KQL Hunting: Run Query');
        await runCommand(page, 'Notifications: Show Notifications');
        await page
          .locator('.notifications-center .notification-list-item-message', { hasText: REFUSAL })
          .first()
          .waitFor({ timeout: 60000 });
      });
      fs.mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: path.join(resultsDir, 'restricted-mode.png') });
      // The results panel never opened: nothing ran.
      if (await page.locator('iframe.webview').count())
        throw new Error('a webview opened in Restricted Mode');

      await step('trusting the folder loads the schema file', async () => {
        await page.keyboard.press('Escape');
        await runCommand(page, 'Workspaces: Manage Workspace Trust');
        await page
          .locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ })
          .first()
          .click({ timeout: 60000 });
        await page
          .locator('.statusbar-item', { hasText: 'Restricted Mode' })
          .waitFor({ state: 'detached', timeout: 60000 });
        // The trust editor opens as a modal over the workbench, closed with its own button.
        const modal = page.locator('.monaco-modal-editor-block');
        await modal.locator('.codicon-close').first().click({ timeout: 60000 });
        await modal.waitFor({ state: 'detached', timeout: 60000 });
        await page
          .locator('.explorer-folders-view .monaco-list-row', { hasText: FILE })
          .click({ timeout: 60000 });
        if (!(await problems.isVisible())) await page.keyboard.press('Control+Shift+M');
        await poll(
          `the Problems panel without ${CUSTOM_TABLE}, still with ${MISSPELLED}`,
          async () => {
            const text = (await problems.textContent()) ?? '';
            return text.includes(MISSPELLED) && !text.includes(CUSTOM_TABLE);
          },
          { timeoutMs: 120000, intervalMs: 250 },
        );
      });
      await step(`trusted, the folder's limit applies and ${LIMIT_CODE} goes away`, async () => {
        await poll(
          `the Problems panel without ${LIMIT_CODE}`,
          async () => !((await problems.textContent()) ?? '').includes(LIMIT_CODE),
          { timeoutMs: 120000, intervalMs: 250 },
        );
      });
      await step('and the same Run CodeLens now runs the query', async () => {
        await lenses.filter({ hasText: 'Run' }).nth(1).click();
        await page.locator('iframe.webview').first().waitFor({ timeout: 120000 });
      });
    } catch (error) {
      const logs = await session.failureReport('restricted');
      throw new Error(`${(error as Error).message}\n${logs}`, { cause: error });
    }
  },
);
