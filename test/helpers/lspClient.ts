import { spawn, type ChildProcess } from 'node:child_process';
import {
  createProtocolConnection,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { SERVER_BIN } from './paths';

/**
 * The built `kql-language-server --stdio`, driven over the real protocol as an editor would.
 * Published diagnostics are collected so a test can wait for the next set for a document.
 */
export class LspTestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  stderr = '';
  private readonly waiters: {
    uri: string;
    accept: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }[] = [];
  readonly published: PublishDiagnosticsParams[] = [];

  constructor(args: string[] = ['--stdio'], env: NodeJS.ProcessEnv = process.env) {
    this.process = spawn(process.execPath, [SERVER_BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.process.stderr!.on('data', (d) => (this.stderr += d.toString()));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      const i = this.waiters.findIndex((w) => w.uri === p.uri && w.accept(p));
      if (i >= 0) this.waiters.splice(i, 1)[0].resolve(p);
    });
    this.connection.listen();
  }

  async initialize(
    capabilities: ClientCapabilities = {},
    initializationOptions?: unknown,
  ): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities,
      workspaceFolders: null,
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Resolves with the next diagnostics published for `uri` that `accept` agrees to, or rejects after `timeoutMs`. */
  nextDiagnostics(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 60000,
  ): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const waiter = {
        uri,
        accept,
        resolve: (p: PublishDiagnosticsParams) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** The diagnostics published for `uri` at `version`, whether they already arrived or are still to come. */
  diagnosticsForVersion(uri: string, version: number, timeoutMs = 60000): Promise<PublishDiagnosticsParams> {
    const seen = this.published.find((p) => p.uri === uri && p.version === version);
    return seen ? Promise.resolve(seen) : this.nextDiagnostics(uri, (p) => p.version === version, timeoutMs);
  }

  /** Shuts down as an editor does and resolves with the process exit code. */
  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((r) => this.process.once('exit', (code) => r(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    this.process.kill();
  }
}
