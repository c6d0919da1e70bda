import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ServerStatusNotification, type ServerState } from '../../server/src/protocol/messages';
import { newTokenKey, TOKEN_KEY_ENV } from '../../server/src/protocol/tokenSeal';
import { registerCommands } from './commands/commandTable';
import { EnvironmentChoice } from './environmentChoice';
import { DetectionTestController } from './detectionTests/detectionTestController';
import { syncActiveWorkspace } from './run/activeWorkspaceSync';
import { QueryRunner } from './run/queryRunner';
import { WorkspaceStatusBar } from './run/workspaceStatusBar';
import { ServerRestartPolicy } from './serverRestartPolicy';
import { configurationMiddleware, refreshOnTrust } from './trustedConfiguration';
import { StatusBar } from './statusBar';
import { registerLanguageModelTools } from './assistant/languageModelTools';

export const OUTPUT_CHANNEL_NAME = 'KQL Hunting';

/** Documents the server analyses: KQL files, and the files KQL lives in. */
export const DOCUMENT_SELECTOR: vscode.DocumentSelector = [
  { language: 'kql' },
  // The id other Kusto tools give these files (and users put in files.associations).
  { language: 'kusto' },
  // The server finds the KQL inside these (rule YAML, Markdown fences, ARM templates) and
  // leaves files that hold none without diagnostics or completions.
  { language: 'yaml' },
  { language: 'markdown' },
  { language: 'json' },
  { language: 'jsonc' },
];

/** Owns the language client, the output channel, the status bar and every registration. */
export class ExtensionContextState implements vscode.Disposable {
  readonly output: vscode.LogOutputChannel;
  /** The environment picked from the status bar, over the kqlHunting.environment setting. */
  readonly environment: EnvironmentChoice;
  readonly statusBar: StatusBar;
  readonly queries: QueryRunner;
  /** Seals the access tokens sent to the server; the server gets it in its environment (see tokenSeal.ts). */
  readonly tokenKey = newTokenKey();
  client: LanguageClient | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  serverState: ServerState = 'starting';

  constructor(readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
    this.environment = new EnvironmentChoice(context.workspaceState);
    this.statusBar = new StatusBar(this, DOCUMENT_SELECTOR);
    // The server asks for its settings again (the middleware puts the pick in), and only then
    // is the status bar asked to show what the server now checks against.
    this.disposables.push(
      this.environment.onDidChange(async () => {
        await this.client
          ?.sendNotification(DidChangeConfigurationNotification.type, { settings: null })
          .catch(() => undefined);
        await this.statusBar.refresh();
      }),
    );
    this.queries = new QueryRunner(this, DOCUMENT_SELECTOR);
    this.disposables.push(this.queries, new WorkspaceStatusBar(this.queries.workspaces, DOCUMENT_SELECTOR));
    this.disposables.push(this.output, this.environment, this.statusBar, ...registerCommands(this));
    this.disposables.push(new DetectionTestController(() => this.client, this.output));
    this.disposables.push(...registerLanguageModelTools(this));
  }

  async start(): Promise<void> {
    const module = this.context.asAbsolutePath('dist/server/server.js');
    // The server keeps V8's compiled code of its bundle in the extension's own storage, which
    // makes every start after the first a quarter of a second faster (server/src/startup).
    const env = {
      ...process.env,
      [TOKEN_KEY_ENV]: this.tokenKey,
      KQL_HUNTING_CACHE_DIR: path.join(this.context.globalStorageUri.fsPath, 'code-cache'),
    };
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { env } },
      debug: {
        module,
        transport: TransportKind.ipc,
        options: { env, execArgv: ['--nolazy', '--inspect=6019'] },
      },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR as LanguageClientOptions['documentSelector'],
      outputChannel: this.output,
      traceOutputChannel: this.output,
      synchronize: { configurationSection: 'kqlHunting' },
      middleware: configurationMiddleware(this.environment),
      // The server caches connected workspaces' live schemas here.
      initializationOptions: { globalStoragePath: this.context.globalStorageUri.fsPath },
      errorHandler: new ServerRestartPolicy(this.output, async () => {
        await vscode.commands.executeCommand('kqlHunting.restartServer');
      }),
    };
    // The client id 'kqlHunting' makes vscode-languageclient honour the kqlHunting.trace.server setting.
    const client = new LanguageClient(
      'kqlHunting',
      'KQL Hunting Language Server',
      serverOptions,
      clientOptions,
    );
    this.client = client;
    this.disposables.push(
      client.onDidChangeState((e) => {
        if (e.newState === State.Stopped) this.setServerState('error');
        else if (e.newState === State.Starting) this.setServerState('starting');
      }),
    );
    await client.start();
    this.disposables.push(refreshOnTrust(() => this.client));
    this.disposables.push(syncActiveWorkspace(client, this.queries.workspaces));
    this.disposables.push(
      client.onNotification(ServerStatusNotification, (p) => this.setServerState(p.state, p.message)),
    );
    const environmentChanges = this.statusBar.listen();
    if (environmentChanges) this.disposables.push(environmentChanges);
  }

  setServerState(state: ServerState, message?: string): void {
    this.serverState = state;
    if (message) this.output.info(`server ${state}: ${message}`);
    this.statusBar.refresh();
    this.queries.serverStateChanged();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.stop().catch(() => undefined);
  }

  dispose(): void {
    void this.stop();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
