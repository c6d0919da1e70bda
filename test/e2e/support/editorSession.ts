/**
 * One clean editor for a test file: a temporary copy of the sample workspace, the packaged
 * .vsix installed into fresh extensions and user-data folders, code-server serving them, and
 * headless Chromium to open the workbench.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { CodeServer, startCodeServer } from '../../../scripts/e2e/codeServer';
import {
  chromiumPath,
  ensureTools,
  installVsix,
  repoRoot,
  sampleWorkspace,
  vsixPath,
} from '../../../scripts/e2e/editorTools';

export const resultsDir = path.join(repoRoot, 'test-results');

export interface EditorSession {
  readonly server: CodeServer;
  readonly workspace: string;
  /** The folder the editor unpacked the .vsix to. */
  readonly extensionDir: string;
  /** The editor's user data: settings, logs and the extensions' global storage. */
  readonly userDataDir: string;
  newPage(): Promise<Page>;
  /** Saves a screenshot of every open page and returns the server and extension host logs. */
  failureReport(name: string): Promise<string>;
  dispose(): Promise<void>;
}

export interface EditorSessionOptions {
  /** Opens the workspace in Restricted Mode: Workspace Trust on and the folder never trusted. */
  restrictedMode?: boolean;
  /** Extra environment for the editor and the processes it starts, such as the language server. */
  env?: NodeJS.ProcessEnv;
  /** User settings for this session, over the quiet defaults. */
  userSettings?: Record<string, unknown>;
}

export async function openEditorSession(
  name: string,
  options: EditorSessionOptions = {},
): Promise<EditorSession> {
  ensureTools();
  const vsix = vsixPath();
  if (!fs.existsSync(vsix))
    throw new Error(`${vsix} is missing: run \`npm run package\` first (npm test does).`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `kql-e2e-${name}-`));
  const workspace = path.join(tmp, 'hunting-workspace');
  fs.cpSync(sampleWorkspace, workspace, { recursive: true });
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const extensionDir = installVsix(vsix, userDataDir, extensionsDir);
  fs.mkdirSync(resultsDir, { recursive: true });
  const server = await startCodeServer({
    userDataDir,
    extensionsDir,
    port: 0,
    testDriver: true,
    logFile: path.join(resultsDir, `${name}-code-server.log`),
    workspaceTrust: options.restrictedMode,
    env: options.env,
    settings: options.userSettings,
  });

  // An interrupted test run must not leave a code-server behind; 'exit' alone misses signals.
  const onSignal = (signal: NodeJS.Signals) => {
    server.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let browser: Browser | undefined;
  const pages: Page[] = [];
  return {
    server,
    workspace,
    extensionDir,
    userDataDir,
    async newPage() {
      browser ??= await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      // Ceilings, not waits: on a busy two-core machine the first workbench load can take a minute.
      page.setDefaultTimeout(60000);
      page.setDefaultNavigationTimeout(120000);
      page.on('pageerror', (e) => console.log(`[${name}] page error: ${e.message}`));
      pages.push(page);
      return page;
    },
    async failureReport(label) {
      for (const [i, page] of pages.entries()) {
        const file = path.join(resultsDir, `${name}-${label}-failure-${i}.png`);
        await page.screenshot({ path: file }).then(
          () => console.log(`screenshot: ${file}`),
          () => undefined,
        );
      }
      return server.logTail();
    },
    async dispose() {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      await browser?.close().catch(() => undefined);
      await server.stop();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
