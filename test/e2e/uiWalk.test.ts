/**
 * A user's first minute, driven through the real workbench with real keystrokes: open the
 * TightVNC query, misspell a column, and find the error in the editor and the Problems panel.
 * Then what can be seen of the editor polish: the status bar on every file with KQL, following
 * an environment switch at once, and KQL coloured in Markdown fences and rule YAML.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot } from '../../scripts/e2e/editorTools';
import { poll } from '../../scripts/e2e/poll';
import { EditorSession, openEditorSession, resultsDir } from './support/editorSession';
import type { Page } from 'playwright-core';
import { loadWorkbench, openFromExplorer, stepLogger } from './support/workbench';

const FILE = 'tightvnc-network.kql';
const RIGHT = 'InitiatingProcessVersionInfoCompanyName';
const WRONG = 'InitiatingProcessVersionInfoCompanyNme';
// The README's picture is only rewritten on request, so a test run leaves the tree clean.
const readmeScreenshot = path.join(repoRoot, 'docs', 'screenshot.png');
const updateReadmeScreenshot = process.env.KQL_UPDATE_SCREENSHOT === '1' || !fs.existsSync(readmeScreenshot);

const RULE_FILE = 'tightvnc-rule.yaml';
const NOTES_FILE = 'hunting-notes.md';
const RULE = `id: 3f1c2a5e-7b8d-4e6f-9a0b-1c2d3e4f5a6b
name: TightVNC network connection
kind: Scheduled
query: |
  DeviceNetworkEvents
  | where RemotePort == 5900
  | project TimeGenerated, DeviceName
`;
const NOTES =
  '# TightVNC hunt notes\n\nPlain words about ports.\n\n```kql\nDeviceNetworkEvents\n| where RemotePort == 5901\n```\n';

let session: EditorSession;
before(async () => {
  // Colours in Markdown and YAML come from the grammars alone here: the server's semantic tokens
  // would colour the KQL in them too, and hide a grammar that does not.
  session = await openEditorSession('ui-walk', {
    userSettings: {
      '[markdown]': { 'editor.semanticHighlighting.enabled': false },
      '[yaml]': { 'editor.semanticHighlighting.enabled': false },
    },
  });
  fs.writeFileSync(path.join(session.workspace, RULE_FILE), RULE);
  fs.writeFileSync(path.join(session.workspace, NOTES_FILE), NOTES);
});
after(async () => {
  await session?.dispose();
});

/** 1-based line and column of the first occurrence, as the Go to Line box takes them. */
function lineColumnOf(text: string, word: string): string {
  const before = text.slice(0, text.indexOf(word)).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

const step = stepLogger('ui-walk');

test(
  'a misspelled column shows up in the editor, the Problems panel and beside the status',
  { timeout: 360000 },
  async () => {
    const page = await session.newPage();
    try {
      await step('workbench loaded', () => loadWorkbench(page, session));
      await step(`${FILE} opened from the explorer`, () =>
        openFromExplorer(page, FILE, 'DeviceNetworkEvents'),
      );
      await step('status bar shows KQL:', () =>
        page.locator('.statusbar-item', { hasText: 'KQL:' }).first().waitFor({ timeout: 120000 }),
      );

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
        page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 90000 }),
      );
      await step('Problems panel names the column', async () => {
        await page.keyboard.press('Control+Shift+M');
        await page.locator('.markers-panel', { hasText: WRONG }).waitFor();
      });
      await step('hover explains the error', async () => {
        // The squiggle is a decoration under the text; the pointer rests on the word itself. A hover
        // closes when the lines move under it (a code lens arriving late does that), so the
        // pointer comes back until the hover stays.
        const word = page.locator('.monaco-editor .view-line span', { hasText: WRONG }).last();
        const hover = page
          .locator('.monaco-hover', { hasText: 'does not refer to any known column' })
          .first();
        await poll(
          'the diagnostic hover',
          async () => {
            await word.hover();
            if (
              await hover.waitFor({ timeout: 5000 }).then(
                () => true,
                () => false,
              )
            )
              return true;
            await page.mouse.move(1, 1);
            return false;
          },
          { timeoutMs: 60000, intervalMs: 0 },
        );
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
  },
);

/** The KQL status bar item's text once it reads `expected`, polled: the server answers asynchronously. */
async function statusReads(page: Page, expected: string, timeoutMs = 60000): Promise<void> {
  const item = page.locator('.statusbar-item', { hasText: 'KQL:' }).first();
  await poll(
    `the status bar to read "${expected}"`,
    async () => (await item.textContent().catch(() => ''))?.includes(expected),
    { timeoutMs },
  );
}

/**
 * The colours of `word` and of the plain text on the active editor's line holding `lineText`. The
 * editor merges neighbouring tokens of one colour into one span, so `word` has its own span only
 * when a grammar gave it a colour of its own.
 */
async function coloursOn(
  page: Page,
  lineText: string,
  word: string,
): Promise<{ word?: string; plain?: string }> {
  const line = page
    .locator('.editor-group-container.active .monaco-editor .view-line', { hasText: lineText })
    .first();
  return line.evaluate(
    (element: unknown, [w, plainText]: string[]) => {
      type Span = { textContent: string | null };
      const spans = [
        ...(element as { querySelectorAll(s: string): Iterable<Span> }).querySelectorAll('span > span'),
      ];
      const colour = (span: Span | undefined) =>
        span &&
        (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(span)
          .color;
      return {
        word: colour(spans.find((x) => x.textContent?.trim() === w)),
        plain: colour(spans.find((x) => x.textContent?.includes(plainText))),
      };
    },
    [word, 'RemotePort'],
  );
}

async function keywordColoured(page: Page, lineText: string): Promise<void> {
  const colours = await poll(
    `'where' coloured as a keyword on «${lineText}»`,
    async () => {
      const c = await coloursOn(page, lineText, 'where');
      return c.word && c.plain && c.word !== c.plain ? c : undefined;
    },
    { timeoutMs: 30000 },
  );
  console.log(`[ui-walk] «${lineText}»: where ${colours.word}, plain text ${colours.plain}`);
}

test(
  'the status bar on rule YAML and Markdown, an environment switch shown at once, and KQL coloured in fences and query blocks',
  { timeout: 360000 },
  async () => {
    const page = await session.newPage();
    try {
      await step('workbench loaded', () => loadWorkbench(page, session));
      await step(`${RULE_FILE}: the status bar says Sentinel, from the rule file`, async () => {
        await openFromExplorer(page, RULE_FILE, 'DeviceNetworkEvents');
        await statusReads(page, 'KQL: Microsoft Sentinel (rule file)', 120000);
      });
      await step('the query block of the rule is coloured as KQL', () =>
        keywordColoured(page, '| where RemotePort == 5900'),
      );
      await step(
        `${NOTES_FILE}: the status bar shows the setting's environment, and the fence is coloured as KQL`,
        async () => {
          await openFromExplorer(page, NOTES_FILE, 'TightVNC hunt notes');
          await statusReads(page, 'KQL: Defender XDR');
          await keywordColoured(page, '| where RemotePort == 5901');
          // The prose around the fence is not KQL.
          assert.equal((await coloursOn(page, 'Plain words about ports', 'about')).word, undefined);
        },
      );
      await step(
        'switching the environment from the status bar shows at once, without changing tabs',
        async () => {
          await openFromExplorer(page, FILE, 'DeviceNetworkEvents');
          await statusReads(page, 'KQL: Defender XDR');
          await page.locator('.statusbar-item', { hasText: 'KQL:' }).first().click();
          await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Microsoft Sentinel' }).click();
          await statusReads(page, 'KQL: Microsoft Sentinel', 15000);
          assert.doesNotMatch(
            (await page.locator('.statusbar-item', { hasText: 'KQL:' }).first().textContent()) ?? '',
            /rule file|pinned/,
          );
        },
      );
      await page.screenshot({ path: path.join(resultsDir, 'ui-walk-polish.png') });
    } catch (error) {
      const logs = await session.failureReport('polish');
      throw new Error(`${(error as Error).message}\n${logs}`, { cause: error });
    }
  },
);
