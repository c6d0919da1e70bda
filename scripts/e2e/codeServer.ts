/**
 * Starts and stops a code-server (the VS Code server and web workbench) with its own user data
 * and extensions folders, so that every run begins from a clean editor.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { codeServerEntry, node24, writeCodeServerConfig } from './editorTools';
import { poll } from './poll';

export interface CodeServerOptions {
  userDataDir: string;
  extensionsDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Lets a workbench URL carry extensionDevelopmentPath/extensionTestsPath; also hides toasts. */
  testDriver: boolean;
  /** Where stdout and stderr go. */
  logFile: string;
  /**
   * Keeps Workspace Trust on, without the start-up prompt, so that a folder that was never
   * trusted opens in Restricted Mode. Off by default: most tests need a trusted folder.
   */
  workspaceTrust?: boolean;
  /** Extra environment for code-server and what it starts (extension hosts, language servers). */
  env?: NodeJS.ProcessEnv;
  /** User settings laid over the quiet defaults. */
  settings?: Record<string, unknown>;
}

export interface CodeServer {
  readonly origin: string;
  readonly port: number;
  /** The workbench URL that opens a folder, with an optional test payload. */
  workbenchUrl(folder: string, payload?: [string, string][]): string;
  /** A URI the server side resolves to a local path, as the payload needs. */
  remoteUri(absolutePath: string): string;
  /** The end of the server's log and of every extension host log, for failure reports. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
  /** Ends the whole process group at once, for a process that is itself about to exit. */
  kill(): void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The settings every run starts with: quiet, offline and without first-run pages. */
export function writeUserSettings(
  userDataDir: string,
  workspaceTrust = false,
  extra: Record<string, unknown> = {},
): void {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const defaults = path.join(__dirname, '..', '..', '..', 'scripts', 'e2e', 'code-server-settings.json');
  const settings = JSON.parse(fs.readFileSync(defaults, 'utf8')) as Record<string, unknown>;
  if (workspaceTrust) {
    settings['security.workspace.trust.enabled'] = true;
    settings['security.workspace.trust.startupPrompt'] = 'never';
  }
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...settings, ...extra }, null, 2));
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const port = options.port || (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  writeUserSettings(options.userDataDir, options.workspaceTrust, options.settings);
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = fs.openSync(options.logFile, 'w');
  const args = [
    codeServerEntry,
    '--config',
    writeCodeServerConfig(options.userDataDir),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir',
    options.userDataDir,
    '--extensions-dir',
    options.extensionsDir,
  ];
  if (options.testDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  // Without this the server lays the login shell's environment over its own, and a login shell
  // resets PATH: the extension host would not see the environment a test gave it.
  if (options.env) args.push('--vscode-option', 'force-disable-user-env');
  // A process group of its own, so that stopping it also ends the extension hosts and the
  // language servers it started.
  const child = spawn(node24, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, ...options.env },
  });
  fs.closeSync(log);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* already gone */
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);

  const server: CodeServer = {
    origin,
    port,
    workbenchUrl(folder, payload) {
      // Slashes stay readable: the URL is printed for people as well as opened by tests.
      let url = `${origin}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
      if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return url;
    },
    remoteUri: (p) => `vscode-remote://127.0.0.1:${port}${p}`,
    logTail: (lines = 40) => logTail(options.logFile, options.userDataDir, lines),
    kill: () => killGroup('SIGKILL'),
    async stop() {
      process.removeListener('exit', onExit);
      if (exited) return;
      killGroup('SIGTERM');
      const stopped = await Promise.race([exit.then(() => true), delay(5000).then(() => false)]);
      if (!stopped) killGroup('SIGKILL');
      await exit;
    },
  };

  const earlyExit = exit.then(() => {
    throw new Error(`code-server exited before it was ready:\n${server.logTail()}`);
  });
  try {
    await Promise.race([
      earlyExit,
      poll(
        'code-server to answer /healthz',
        () =>
          fetch(`${origin}/healthz`).then(
            (r) => r.ok,
            () => false,
          ),
        { timeoutMs: 30000 },
      ),
    ]);
  } catch (error) {
    await server.stop();
    throw error;
  } finally {
    earlyExit.catch(() => {
      /* reported above, or the server was stopped on purpose */
    });
  }
  return server;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(missing)';
  }
}

function findFiles(dir: string, match: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => match.test(path.basename(f)))
    .map((f) => path.join(dir, f));
}

function logTail(logFile: string, userDataDir: string, lines: number): string {
  const parts = [`--- ${logFile}\n${tail(logFile, lines)}`];
  for (const f of findFiles(
    path.join(userDataDir, 'logs'),
    /^(exthost|remoteexthost)\d*\.log$|KQL Hunting/,
  )) {
    parts.push(`--- ${f}\n${tail(f, lines)}`);
  }
  return parts.join('\n');
}
