/**
 * Hostile values in the real results panel: a local workspace whose data holds HTML, a script
 * tag, a 300 KB string and a 200-deep dynamic value, run through the Run CodeLens. The panel must
 * show every value as text, run nothing, and stay usable: sort, filter, expand, and a second run
 * that replaces the rows.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { poll } from '../../scripts/e2e/poll';
import { EditorSession, openEditorSession, resultsDir } from './support/editorSession';
import {
  SAMPLE_DATA_WORKSPACE,
  loadWorkbench,
  openFromExplorer,
  stepLogger,
  writeWorkspaceSettings,
} from './support/workbench';

const FILE = 'hostile.kql';
const IMG = '<img src=x onerror="window.__kqlPwned=1;alert(1)">';
const SCRIPT = '<script>window.__kqlPwned=2;alert(2)</script>';
// The tail lies far beyond what a cell shows, so finding it proves the filter reads the whole value.
const LONG = `${'A'.repeat(300_000)}TAILMARK`;
const DEPTH = 200;

/** `"core"` wrapped alternately in arrays and objects, DEPTH levels deep. */
function nestedJson(): string {
  let json = '"core"';
  for (let i = 0; i < DEPTH; i++) json = i % 2 ? `{"k${i}":${json}}` : `[${json}]`;
  return json;
}

const QUERY = `DeviceEvents
| project DeviceName, ActionType, ProcessCommandLine, Nested = parse_json(AdditionalFields)

DeviceEvents
| where DeviceName == "benign-host"
| project DeviceName, ActionType
`;

let session: EditorSession;
before(async () => {
  session = await openEditorSession('hostile-results');
  const rows = [
    {
      Timestamp: '2025-03-10T00:00:00Z',
      DeviceName: IMG,
      ActionType: SCRIPT,
      ProcessCommandLine: LONG,
      AdditionalFields: nestedJson(),
    },
    {
      Timestamp: '2025-03-11T00:00:00Z',
      DeviceName: 'benign-host',
      ActionType: 'ProcessCreated',
      ProcessCommandLine: 'cmd.exe',
      AdditionalFields: '{}',
    },
  ];
  fs.writeFileSync(
    path.join(session.workspace, 'data', 'DeviceEvents.ndjson'),
    rows.map((r) => JSON.stringify(r)).join('\n') + '\n',
  );
  fs.writeFileSync(path.join(session.workspace, FILE), QUERY);
  writeWorkspaceSettings(session, {
    'kqlHunting.workspaces': [SAMPLE_DATA_WORKSPACE],
  });
});
after(async () => {
  await session?.dispose();
});

const step = stepLogger('hostile-results');

/** The results page itself: the webview's inner frame, where the extension's document lives. */
async function resultsFrame(page: Page): Promise<Frame> {
  const outer = await (await page.locator('iframe.webview.ready').elementHandle())?.contentFrame();
  const inner = await (await outer?.locator('iframe#active-frame').elementHandle())?.contentFrame();
  if (!inner) throw new Error('the results webview has no inner frame');
  return inner;
}

/** Whether any frame of the workbench (the webview's included) has the flag the payloads set. */
async function payloadRan(page: Page): Promise<string[]> {
  const hits: string[] = [];
  for (const frame of page.frames()) {
    // A string, because these tests compile without the DOM's types.
    const flag = await frame.evaluate('window.__kqlPwned').catch(() => undefined);
    if (flag !== undefined) hits.push(`${frame.url()}: __kqlPwned=${String(flag)}`);
  }
  return hits;
}

test(
  'hostile values show as text in the results panel, run nothing, and leave the panel usable',
  { timeout: 420000 },
  async () => {
    const page = await session.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    const runLenses = page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Run' });
    const grid = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const count = grid.locator('.toolbar .count');
    try {
      await step('workbench loaded', () => loadWorkbench(page, session));
      await step(`${FILE} opened from the explorer`, () => openFromExplorer(page, FILE, 'benign-host'));
      await step('first query run with its CodeLens', async () => {
        await poll('a Run CodeLens over each query', async () => (await runLenses.count()) === 2, {
          timeoutMs: 120000,
          intervalMs: 250,
        });
        await runLenses.first().click();
        await count.filter({ hasText: '2 rows' }).waitFor({ timeout: 120000 });
      });

      await step('values shown as literal text', async () => {
        const cellText = (text: string) =>
          grid.locator('.grid-cell', { hasText: text }).first().textContent({ timeout: 60000 });
        assertEqual(await cellText('<img src=x'), IMG, 'the HTML cell');
        assertEqual(await cellText('<script>'), SCRIPT, 'the script cell');
        const long = await cellText('AAAAAAAAAA');
        assertEqual(long, `${'A'.repeat(500)}…`, 'the long cell (the grid shows the first 500 characters)');
        assertEqual(
          await cellText('{"k199":['),
          `${JSON.stringify(JSON.parse(nestedJson())).slice(0, 500)}…`,
          'the nested cell',
        );
      });
      await step('no element made from data, no flag, no dialog', async () => {
        const frame = await resultsFrame(page);
        const made = (await frame.evaluate(`({
        images: document.querySelectorAll('img').length,
        hostileScripts: [...document.scripts].filter((s) => s.textContent.includes('__kqlPwned')).length,
      })`)) as { images: number; hostileScripts: number };
        assertEqual(made.images, 0, 'img elements in the results page');
        assertEqual(made.hostileScripts, 0, 'script elements holding the payload');
        assertEqual((await payloadRan(page)).join('; '), '', 'frames where the payload ran');
        assertEqual(dialogs.join('; '), '', 'dialogs');
      });

      await step('sorting by DeviceName, twice', async () => {
        const header = grid.locator('.grid-head', { hasText: 'DeviceName' });
        await header.click();
        await grid.locator('.grid-head .grid-sort', { hasText: '▲' }).waitFor();
        await header.click();
        await grid.locator('.grid-head .grid-sort', { hasText: '▼' }).waitFor();
        await poll(
          'benign-host first when sorted descending',
          async () =>
            ((await grid.locator('.grid-row').first().textContent()) ?? '').startsWith('benign-host'),
          { timeoutMs: 60000 },
        );
      });
      await step('filter on the tail of the long value', async () => {
        const filter = grid.locator('.toolbar input');
        await filter.fill('tailmark');
        await count.filter({ hasText: '1 of 2 rows' }).waitFor();
        await grid.locator('.grid-cell', { hasText: '<img src=x' }).first().waitFor();
        await filter.fill('');
        await count.filter({ hasText: '2 rows' }).waitFor();
      });
      await step('the deep dynamic value expanded and closed', async () => {
        await grid.locator('.grid-cell.expandable', { hasText: '{"k199":[' }).first().dblclick();
        const detail = grid.locator('.detail');
        await detail.locator('.detail-head', { hasText: 'Nested, row 1' }).waitFor();
        const text = (await detail.locator('pre').textContent()) ?? '';
        assertEqual(text, JSON.stringify(JSON.parse(nestedJson()), null, 2), 'the expanded value');
        await detail.locator('button', { hasText: 'Close' }).click();
        await detail.waitFor({ state: 'detached' });
      });
      fs.mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: path.join(resultsDir, 'hostile-results.png') });

      await step('a second run replaces the rows', async () => {
        await poll('both Run CodeLenses back after the run', async () => (await runLenses.count()) === 2, {
          timeoutMs: 120000,
          intervalMs: 250,
        });
        await runLenses.nth(1).click();
        await count.filter({ hasText: /^1 rows?$/ }).waitFor({ timeout: 120000 });
        await grid.locator('.grid-cell', { hasText: 'benign-host' }).first().waitFor();
        assertEqual(
          await grid.locator('.grid-cell', { hasText: '<img src=x' }).count(),
          0,
          'hostile cells left after the second run',
        );
        assertEqual(
          await grid.locator('.grid-head', { hasText: 'ProcessCommandLine' }).count(),
          0,
          'columns left from the first run',
        );
      });
      assertEqual((await payloadRan(page)).join('; '), '', 'frames where the payload ran, at the end');
      assertEqual(dialogs.join('; '), '', 'dialogs, at the end');
    } catch (error) {
      const logs = await session.failureReport('hostile');
      throw new Error(`${(error as Error).message}\n${logs}`, { cause: error });
    }
  },
);

function assertEqual(actual: unknown, expected: unknown, what: string): void {
  if (actual !== expected) {
    const show = (v: unknown) =>
      typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}… (${v.length} chars)` : JSON.stringify(v);
    throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}
