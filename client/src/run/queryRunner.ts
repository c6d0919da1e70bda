import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { QueryBlocksRequest, RunQueryRequest } from '../../../server/src/protocol/messages';
import type { QueryBlocksResult, RunQueryResult, SealedToken } from '../../../server/src/protocol/queryRun';
import { sealToken } from '../../../server/src/protocol/tokenSeal';
import {
  describeWorkspace,
  normalizeRunSettings,
  tokenScopeFor,
  type WorkspaceConfig,
} from '../../../server/src/protocol/workspaces';
import type { ExtensionContextState } from '../extensionState';
import type { RunView } from '../results/messages';
import { ResultsPanel } from '../results/resultsPanel';
import { runTitle } from '../results/runTitle';
import { VsCodeMicrosoftCredential } from './microsoftCredential';
import { runFailure, type RunStage } from './runFailure';
import { runSummary } from './runSummary';
import { WorkspaceStore } from './workspaceStore';

interface ActiveRun {
  runId: number;
  uri: string;
  range: vscode.Range;
  cancellation: vscode.CancellationTokenSource;
}

/**
 * Running queries from the editor: the "Run" CodeLens over each query block, the run and cancel
 * commands, the inline summary after a run, the results panel, and service errors shown as
 * diagnostics on the query. Queries run only on an explicit action and never in Restricted Mode.
 */
export class QueryRunner implements vscode.Disposable, vscode.CodeLensProvider {
  readonly workspaces: WorkspaceStore;
  readonly panel: ResultsPanel;
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  private readonly errors = vscode.languages.createDiagnosticCollection('kql-run');
  private readonly summaryDecoration = vscode.window.createTextEditorDecorationType({
    after: {
      color: new vscode.ThemeColor('editorCodeLens.foreground'),
      margin: '0 0 0 2em',
      fontStyle: 'italic',
    },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly summaries = new Map<string, vscode.DecorationOptions>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private nextRunId = 1;
  private running: ActiveRun | undefined;
  /** The last finished run's result, for tests and for the CLI-like "show last result" flows. */
  lastResult: RunQueryResult | undefined;

  constructor(
    private readonly state: ExtensionContextState,
    selector: vscode.DocumentSelector,
  ) {
    this.workspaces = new WorkspaceStore(state.context, state.output);
    this.panel = new ResultsPanel(
      state.context.extensionUri,
      (runId) => this.running?.runId === runId && this.cancel(),
    );
    this.subscriptions.push(
      this.workspaces,
      this.panel,
      this.lensesChanged,
      this.errors,
      this.summaryDecoration,
      vscode.languages.registerCodeLensProvider(selector, this),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const uri = e.document.uri.toString();
        this.errors.delete(e.document.uri);
        if (this.summaries.delete(uri)) this.redecorate();
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.redecorate()),
      vscode.window.onDidChangeActiveTextEditor(() => void this.updateContext()),
      this.workspaces.onDidChange(() => this.lensesChanged.fire()),
    );
  }

  async provideCodeLenses(
    document: vscode.TextDocument,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeLens[]> {
    const blocks = await this.blocksOf(document, token);
    if (!blocks) return [];
    const uri = document.uri.toString();
    return blocks.blocks.map((b) => {
      const range = new vscode.Range(
        b.range.start.line,
        b.range.start.character,
        b.range.end.line,
        b.range.end.character,
      );
      const head = new vscode.Range(range.start, range.start);
      if (this.running && this.running.uri === uri && this.running.range.isEqual(range)) {
        return new vscode.CodeLens(head, {
          title: '$(sync~spin) Running… Cancel',
          command: 'kqlHunting.cancelQuery',
        });
      }
      // The same lens whatever the trust: in Restricted Mode the command refuses and offers to manage
      // trust, as VS Code's own features do. A lens whose title followed the trust state was seen to
      // stay "disabled" after trust was granted, until the document was edited: the editor did not
      // ask again when told the lenses had changed while the trust editor covered it.
      return new vscode.CodeLens(head, {
        title: '$(play) Run',
        tooltip: 'Run this query (Ctrl+Enter)',
        command: 'kqlHunting.runQuery',
        arguments: [document.uri, range],
      });
    });
  }

  /** The lenses and the keybinding context depend on the server; ask again once it is ready. */
  serverStateChanged(): void {
    this.lensesChanged.fire();
    void this.updateContext();
  }

  /** Sets `kqlHunting.editorHasQueries`, which enables Ctrl+Enter in rule YAML and Markdown files that hold KQL. */
  private async updateContext(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    const blocks = document ? await this.blocksOf(document) : undefined;
    await vscode.commands.executeCommand(
      'setContext',
      'kqlHunting.editorHasQueries',
      !!blocks && blocks.blocks.length > 0,
    );
  }

  private async blocksOf(
    document: vscode.TextDocument,
    token?: vscode.CancellationToken,
  ): Promise<QueryBlocksResult | undefined> {
    const client = this.state.client;
    if (!client || !client.isRunning()) return undefined;
    return client.sendRequest(QueryBlocksRequest, { uri: document.uri.toString() }, token).then(
      (r) => r,
      () => undefined,
    );
  }

  /** Runs the block at `range`, else the selection, else the block under the cursor. */
  async run(uri?: vscode.Uri, range?: vscode.Range): Promise<RunQueryResult | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window
        .showWarningMessage(
          'KQL Hunting does not run queries in Restricted Mode. Trust this workspace to run them.',
          'Manage Workspace Trust',
        )
        .then((pick) => pick && vscode.commands.executeCommand('workbench.trust.manage'));
      return undefined;
    }
    const editor = uri
      ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())
      : vscode.window.activeTextEditor;
    const document = editor?.document ?? (uri ? await vscode.workspace.openTextDocument(uri) : undefined);
    if (!document) return undefined;
    if (this.running) {
      void vscode.window
        .showInformationMessage('A query is already running. Cancel it first.', 'Cancel Query')
        .then((pick) => pick && this.cancel());
      return undefined;
    }
    const blocks = await this.blocksOf(document);
    if (!blocks) {
      void vscode.window.showWarningMessage('The KQL language server is not ready yet.');
      return undefined;
    }
    const target = this.pickQuery(document, blocks, editor, range);
    if (!target) {
      void vscode.window.showInformationMessage('Put the cursor in a query, or select the KQL to run.');
      return undefined;
    }
    const choice = this.workspaces.forDocument(blocks.pinnedWorkspace);
    if (!choice || 'missingPin' in choice) {
      const message = choice
        ? `This file pins the workspace "${choice.missingPin}", which is not in kqlHunting.workspaces.`
        : 'No workspace to run on yet.';
      const pick = await vscode.window.showWarningMessage(message, 'Add Workspace…');
      if (pick) await vscode.commands.executeCommand('kqlHunting.addWorkspace');
      return undefined;
    }
    return this.execute(document, target.text, target.range, choice.workspace, blocks.timespan);
  }

  private pickQuery(
    document: vscode.TextDocument,
    blocks: QueryBlocksResult,
    editor: vscode.TextEditor | undefined,
    range: vscode.Range | undefined,
  ) {
    const asRange = (r: QueryBlocksResult['blocks'][number]['range']) =>
      new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    if (range) {
      const block = blocks.blocks.find((b) => asRange(b.range).isEqual(range));
      return block ? { text: block.text, range } : { text: document.getText(range), range };
    }
    const selection = editor?.selection;
    if (selection && !selection.isEmpty)
      return { text: document.getText(selection), range: new vscode.Range(selection.start, selection.end) };
    const cursor = selection?.active;
    if (!cursor) return undefined;
    const block =
      blocks.blocks.find((b) => asRange(b.range).contains(cursor)) ??
      blocks.blocks.find(
        (b) => asRange(b.range).start.line <= cursor.line + 1 && asRange(b.range).end.line >= cursor.line - 1,
      );
    return block ? { text: block.text, range: asRange(block.range) } : undefined;
  }

  /** A sealed token for the workspace from VS Code's Microsoft sign-in, when that is the sign-in mode. */
  async token(workspace: WorkspaceConfig): Promise<SealedToken | undefined> {
    const scope = tokenScopeFor(workspace);
    const mode = vscode.workspace.getConfiguration('kqlHunting.run').get<string>('signIn', 'vscode');
    if (!scope || mode !== 'vscode') return undefined;
    const token = await new VsCodeMicrosoftCredential(workspace.tenantId).getToken(scope);
    return token ? sealToken(token.token, token.expiresOnTimestamp, this.state.tokenKey) : undefined;
  }

  /** One run: bookkeeping around it, the request, then what the user sees of the outcome. */
  private async execute(
    document: vscode.TextDocument,
    text: string,
    range: vscode.Range,
    workspace: WorkspaceConfig,
    timespan: string | undefined,
  ): Promise<RunQueryResult | undefined> {
    const client = this.state.client;
    if (!client) return undefined;
    const run = this.begin(document, text, range, workspace);
    let result: RunQueryResult;
    try {
      result = await this.request(client, document, text, range, workspace, timespan, run.cancellation);
    } finally {
      this.end(run.cancellation);
    }
    this.report(document, range, workspace, result, run.view);
    return result;
  }

  /** Marks the run as the running one (its lens offers Cancel) and opens the panel on it. */
  private begin(
    document: vscode.TextDocument,
    text: string,
    range: vscode.Range,
    workspace: WorkspaceConfig,
  ): { cancellation: vscode.CancellationTokenSource; view: (outcome: RunView['outcome']) => RunView } {
    const runId = this.nextRunId++;
    const cancellation = new vscode.CancellationTokenSource();
    this.running = { runId, uri: document.uri.toString(), range, cancellation };
    this.errors.delete(document.uri);
    this.lensesChanged.fire();
    const title = runTitle(text);
    const startedAt = new Date().toISOString();
    const view = (outcome: RunView['outcome']): RunView => ({
      runId,
      workspaceName: workspace.name,
      title,
      query: text,
      startedAt,
      outcome,
    });
    this.panel.show(view({ state: 'running' }));
    return { cancellation, view };
  }

  private end(cancellation: vscode.CancellationTokenSource): void {
    cancellation.dispose();
    this.running = undefined;
    this.lensesChanged.fire();
  }

  /** Signs in and asks the server to run the query; any failure becomes a RunQueryResult that says truly what failed. */
  private async request(
    client: LanguageClient,
    document: vscode.TextDocument,
    text: string,
    range: vscode.Range,
    workspace: WorkspaceConfig,
    timespan: string | undefined,
    cancellation: vscode.CancellationTokenSource,
  ): Promise<RunQueryResult> {
    let stage: RunStage = 'signIn';
    try {
      const token = await this.token(workspace);
      stage = 'request';
      const settings = normalizeRunSettings(
        vscode.workspace.getConfiguration('kqlHunting', document.uri).get('run'),
      );
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `Running query on ${workspace.name}` },
        () =>
          client.sendRequest(
            RunQueryRequest,
            {
              uri: document.uri.toString(),
              range: { start: range.start, end: range.end },
              query: text,
              workspace,
              ...(timespan ? { timespan } : {}),
              settings,
              ...(token ? { token } : {}),
            },
            cancellation.token,
          ),
      );
    } catch (e) {
      return {
        ok: false,
        error: runFailure(stage, e, cancellation.token.isCancellationRequested),
        durationMs: 0,
        workspaceName: workspace.name,
      };
    }
  }

  /** The outcome in the panel, as a summary after the query, and as a diagnostic or a log line when it failed. */
  private report(
    document: vscode.TextDocument,
    range: vscode.Range,
    workspace: WorkspaceConfig,
    result: RunQueryResult,
    view: (outcome: RunView['outcome']) => RunView,
  ): void {
    this.lastResult = result;
    this.panel.show(
      view(
        result.ok
          ? { state: 'done', result: result.result, stats: result.stats }
          : { state: 'failed', error: result.error, durationMs: result.durationMs },
      ),
    );
    this.summaries.set(document.uri.toString(), {
      range: new vscode.Range(range.end, range.end),
      renderOptions: { after: { contentText: runSummary(result) } },
    });
    this.redecorate();
    if (result.ok) return;
    if (result.error.kind === 'semantic' || result.error.kind === 'syntax') {
      const at = result.errorRange
        ? new vscode.Range(
            result.errorRange.start.line,
            result.errorRange.start.character,
            result.errorRange.end.line,
            result.errorRange.end.character,
          )
        : new vscode.Range(range.start, document.lineAt(range.start.line).range.end);
      const diagnostic = new vscode.Diagnostic(
        at,
        `${workspace.name}: ${result.error.message}`,
        vscode.DiagnosticSeverity.Error,
      );
      diagnostic.source = 'kql-run';
      if (result.error.code) diagnostic.code = result.error.code;
      this.errors.set(document.uri, [diagnostic]);
    } else if (result.error.kind !== 'cancelled') {
      this.state.output.warn(
        `run on ${workspace.name} (${describeWorkspace(workspace)}) failed: ${result.error.kind}: ${result.error.message}`,
      );
    }
  }

  cancel(): void {
    this.running?.cancellation.cancel();
  }

  private redecorate(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const summary = this.summaries.get(editor.document.uri.toString());
      editor.setDecorations(this.summaryDecoration, summary ? [summary] : []);
    }
  }

  dispose(): void {
    this.cancel();
    for (const d of this.subscriptions) d.dispose();
  }
}
