/**
 * `npm run test:desktop`: the same in-editor suite in a desktop VS Code through
 * @vscode/test-electron. That package cannot download VS Code on machines without internet, so
 * it only runs an editor named by VSCODE_EXECUTABLE (the `code` binary of an installed VS Code).
 * Like the code-server run, it installs the packaged .vsix and tests the unpacked artefact.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveCliPathFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { manifest, sampleWorkspace, vsixPath } from '../../scripts/e2e/editorTools';

async function main(): Promise<number> {
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    console.log(
      'test:desktop skipped: set VSCODE_EXECUTABLE to a desktop VS Code executable to run the in-editor suite there.',
    );
    return 0;
  }
  const vsix = vsixPath();
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first.`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kql-e2e-desktop-'));
  try {
    const workspace = path.join(tmp, 'hunting-workspace');
    fs.cpSync(sampleWorkspace, workspace, { recursive: true });
    const dirs = [
      '--user-data-dir',
      path.join(tmp, 'user-data'),
      '--extensions-dir',
      path.join(tmp, 'extensions'),
    ];
    const cli = resolveCliPathFromVSCodeExecutablePath(vscodeExecutablePath);
    const install = spawnSync(cli, [...dirs, '--install-extension', vsix, '--force'], {
      encoding: 'utf8',
      stdio: 'inherit',
    });
    if (install.status !== 0)
      throw new Error(
        `${cli} --install-extension failed: ${install.error?.message ?? `exit code ${install.status}`}`,
      );
    const m = manifest();
    const extensionDevelopmentPath = path.join(
      tmp,
      'extensions',
      `${m.publisher}.${m.name}-${m.version}`.toLowerCase(),
    );
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, ...dirs, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
