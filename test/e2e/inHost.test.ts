/**
 * Runs the in-editor suite (test/e2e/suite) inside code-server's real extension host against
 * the installed .vsix: the workbench URL's payload names the unpacked extension as
 * extensionDevelopmentPath and the suite as extensionTestsPath, the same contract as
 * @vscode/test-electron's runTests, and the workbench reports the suite's result through
 * window.codeAutomationExit.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { format } from 'node:util';
import { after, before, test } from 'node:test';
import { EditorSession, openEditorSession } from './support/editorSession';

const SUITE_TIMEOUT_MS = 300000;
let session: EditorSession;

before(async () => {
  session = await openEditorSession('in-host');
});
after(async () => {
  await session?.dispose();
});

test(
  'the in-editor suite passes in the real extension host',
  { timeout: SUITE_TIMEOUT_MS + 30000 },
  async () => {
    const page = await session.newPage();
    const hostLog: string[] = [];
    let reportExit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => {
      reportExit = resolve;
    });
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      // The host forwards console calls as printf-style arguments.
      const line = format(...(args ?? [])).replace(/\x1b\[[0-9;]*m/g, '');
      hostLog.push(line);
      // The workbench forwards its own log lines here too; only mocha's report is worth showing.
      if (/✔|passing|pending|failing/.test(line)) console.log(`[in-editor] ${line.trim()}`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));

    const { server } = session;
    await page.goto(
      server.workbenchUrl(session.workspace, [
        ['extensionDevelopmentPath', server.remoteUri(session.extensionDir)],
        ['extensionTestsPath', server.remoteUri(path.join(__dirname, 'suite', 'index.js'))],
      ]),
    );
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS);
    });
    const code = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (code !== 0) {
      const logs = await session.failureReport('suite');
      assert.fail(`in-editor suite ended with ${code}\n${hostLog.slice(-60).join('\n')}\n${logs}`);
    }
  },
);
