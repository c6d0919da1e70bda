/**
 * A user's first minute, driven through the real workbench with real keystrokes: open the
 * TightVNC query, misspell a column, and find the error in the editor and the Problems panel.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot } from '../../scripts/e2e/editorTools';
import { poll } from '../../scripts/e2e/poll';
import { EditorSession, openEditorSession, resultsDir } from './support/editorSession';
import { loadWorkbench, openFromExplorer, stepLogger } from './support/workbench';

const FILE = 'tightvnc-network.kql';
const RIGHT = 'InitiatingProcessVersionInfoCompanyName';
const WRONG = 'InitiatingProcessVersionInfoCompanyNme';
// The README's picture is only rewritten on request, so a test run leaves the tree clean.
const readmeScreenshot = path.join(repoRoot, 'docs', 'screenshot.png');
const updateReadmeScreenshot = process.env.KQL_UPDATE_SCREENSHOT === '1' || !fs.existsSync(readmeScreenshot);

let session: EditorSession;
before(async () => { session = await openEditorSession('ui-walk'); });
after(async () => { await session?.dispose(); });

/** 1-based line and column of the first occurrence, as the Go to Line box takes them. */
function lineColumnOf(text: string, word: string): string {
  const before = text.slice(0, text.indexOf(word)).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

const step = stepLogger('ui-walk');

test('a misspelled column shows up in the editor, the Problems panel and beside the status', { timeout: 360000 }, async () => {
  const page = await session.newPage();
  try {
    await step('workbench loaded', () => loadWorkbench(page, session));
    await step(`${FILE} opened from the explorer`, () => openFromExplorer(page, FILE, 'DeviceNetworkEvents'));
    await step('status bar shows KQL:', () =>
      page.locator('.statusbar-item', { hasText: 'KQL:' }).first().waitFor({ timeout: 120000 }));

    await step('column misspelled by typing', async () => {
      const text = fs.readFileSync(path.join(session.workspace, FILE), 'utf8');
      await page.locator('.monaco-editor .view-lines').click();
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input').waitFor();
      await page.keyboard.type(lineColumnOf(text, RIGHT));
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+Shift+ArrowRight');
      await page.keyboard.type(WRONG, { delay: 15 });
      await page.keyboard.press('Escape');
      await page.locator('.monaco-editor .view-lines', { hasText: WRONG }).waitFor();
    });
    await step('error squiggle drawn', () =>
      page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 90000 }));
    await step('Problems panel names the column', async () => {
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel', { hasText: WRONG }).waitFor();
    });
    await step('hover explains the error', async () => {
      // The squiggle is a decoration under the text; the pointer rests on the word itself. A hover
      // closes when the lines move under it (a code lens arriving late does that), so the
      // pointer comes back until the hover stays.
      const word = page.locator('.monaco-editor .view-line span', { hasText: WRONG }).last();
      const hover = page.locator('.monaco-hover', { hasText: 'does not refer to any known column' }).first();
      await poll('the diagnostic hover', async () => {
        await word.hover();
        if (await hover.waitFor({ timeout: 5000 }).then(() => true, () => false)) return true;
        await page.mouse.move(1, 1);
        return false;
      }, { timeoutMs: 60000, intervalMs: 0 });
    });

    fs.mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, 'ui-walk.png') });
    if (updateReadmeScreenshot) {
      fs.mkdirSync(path.dirname(readmeScreenshot), { recursive: true });
      await page.screenshot({ path: readmeScreenshot });
    }
  } catch (error) {
    const logs = await session.failureReport('walk');
    throw new Error(`${(error as Error).message}\n${logs}`, { cause: error });
  }
});
