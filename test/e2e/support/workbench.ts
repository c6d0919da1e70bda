/**
 * Steps every real-editor test takes the same way: timing and logging each step under the
 * test's tag, loading the workbench, and opening a file from the explorer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { poll } from '../../../scripts/e2e/poll';
import type { EditorSession } from './editorSession';

export type Step = <T>(what: string, action: () => Promise<T>) => Promise<T>;

/** A step runner that prints each step's name and duration, so a slow CI run shows where. */
export function stepLogger(tag: string): Step {
  return async (what, action) => {
    const started = Date.now();
    const result = await action();
    console.log(`[${tag}] ${what} (${Date.now() - started} ms)`);
    return result;
  };
}

/** Loads the session's workspace in the page and waits for the workbench. */
export async function loadWorkbench(page: Page, session: EditorSession): Promise<void> {
  await page.goto(session.server.workbenchUrl(session.workspace));
  await page.locator('.monaco-workbench').waitFor({ timeout: 120000 });
}

/** Opens `file` from the explorer and waits until the editor shows `text` from it. */
export async function openFromExplorer(page: Page, file: string, text: string): Promise<void> {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).click({ timeout: 120000 });
  await page.locator('.monaco-editor .view-lines', { hasText: text }).waitFor();
}

/**
 * Runs a command from the command palette by its label. The palette can open before its
 * input is ready and then overwrite the typed text with its own '>' (a CI run lost a whole
 * test to that), so it is opened afresh until the typed text stays and the command's row shows.
 */
export async function runCommand(page: Page, label: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await poll(
    `the command palette to offer "${label}"`,
    async () => {
      await page.keyboard.press('F1');
      await input.waitFor();
      await input.fill(`>${label}`);
      if (
        (await row.waitFor({ timeout: 10000 }).then(
          () => true,
          () => false,
        )) &&
        (await input.inputValue()) === `>${label}`
      )
        return true;
      await page.keyboard.press('Escape');
      return false;
    },
    { timeoutMs: 90000, intervalMs: 0 },
  );
  await row.click();
}

/** The sample workspace folder is itself a local workspace (workspace.json and data/). */
export const SAMPLE_DATA_WORKSPACE = { name: 'Sample data', kind: 'local', folder: '.' };

/** Writes the workspace folder's .vscode/settings.json, before the editor opens it. */
export function writeWorkspaceSettings(session: EditorSession, settings: Record<string, unknown>): void {
  fs.mkdirSync(path.join(session.workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(session.workspace, '.vscode', 'settings.json'),
    JSON.stringify(settings, null, 2),
  );
}
