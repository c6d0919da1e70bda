import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliIo, CliStream } from '../../server/src/cli/cliIo';
import { runCli } from '../../server/src/cli/main';
import { REPO_ROOT } from './paths';

export const KQLHUNT_BIN = path.join(REPO_ROOT, 'bin', 'kqlhunt.js');

export interface CapturedRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that records what is written, pretending to be a terminal when asked. */
export function capture(isTTY = false): CliStream & { text: string } {
  const s = { text: '', isTTY, columns: 80, write: (t: string) => void (s.text += t) };
  return s;
}

/** Runs kqlhunt in this process, with captured output, as if started in `cwd`. */
export async function runInProcess(
  argv: string[],
  cwd: string,
  options: { tty?: boolean; env?: Record<string, string> } = {},
): Promise<CapturedRun> {
  const stdout = capture(options.tty);
  const stderr = capture(options.tty);
  const io: CliIo = { cwd, env: options.env ?? {}, stdout, stderr };
  const code = await runCli(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/**
 * Runs the built `bin/kqlhunt.js` (needs `npm run build`) as CI would. With `timeoutMs`, a run
 * that has not ended by then is killed and the promise rejects, so that a hang fails the test.
 */
export function runBin(
  argv: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  timeoutMs?: number,
): Promise<CapturedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [KQLHUNT_BIN, ...argv], {
      cwd,
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            child.kill('SIGKILL');
            reject(
              new Error(
                `kqlhunt ${argv.join(' ')} did not end within ${timeoutMs} ms; stderr so far: ${stderr}`,
              ),
            );
          }, timeoutMs);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** A temporary folder filled with `files` (path -> text), removed by the returned function. */
export function tempTree(files: Record<string, string>): { dir: string; dispose(): void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kqlhunt-')));
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return { dir, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
