import * as vscode from 'vscode';
import {
  DocumentEnvironmentRequest,
  EnvironmentsChangedNotification,
} from '../../server/src/protocol/messages';
import type { ExtensionContextState } from './extensionState';

const STATE_TEXT = { starting: '$(sync~spin)', ready: '$(check)', error: '$(error)' } as const;
/** Edits that add or remove a fence or a `query:` key change whether the item shows; asked again after a pause. */
const EDIT_PAUSE_MS = 300;

/**
 * One status bar item for every document the server checks (KQL files, rule YAML, Markdown
 * with KQL fences, ARM templates): the schema environment of the active document and the
 * server's state. Clicking it switches the environment.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Answers come back out of order when refreshes overlap; only the latest one is shown. */
  private generation = 0;
  private editTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly state: ExtensionContextState,
    private readonly selector: vscode.DocumentSelector,
  ) {
    this.item = vscode.window.createStatusBarItem('kqlHunting.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'KQL Hunting';
    this.item.command = 'kqlHunting.switchEnvironment';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration(
        (e) => e.affectsConfiguration('kqlHunting') && this.refresh(),
      ),
      vscode.workspace.onDidChangeTextDocument(
        (e) => e.document === vscode.window.activeTextEditor?.document && this.refreshAfterEdit(),
      ),
      { dispose: () => clearTimeout(this.editTimer) },
    );
    this.refresh();
  }

  /** Called once the client runs: the server says when its settings changed, and only then answers with the new environment. */
  listen(): vscode.Disposable | undefined {
    return this.state.client?.onNotification(EnvironmentsChangedNotification, () => this.refresh());
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    if (!document || vscode.languages.match(this.selector, document) === 0) {
      this.item.hide();
      return;
    }
    const isKqlFile = document.languageId === 'kql' || document.languageId === 'kusto';
    let envName: string | undefined;
    let why = '';
    const client = this.state.client;
    if (client && this.state.serverState === 'ready') {
      const info = await client
        .sendRequest(DocumentEnvironmentRequest, { uri: document.uri.toString() })
        .catch(() => undefined);
      if (generation !== this.generation) return;
      if (info === null && !isKqlFile) {
        // Not a file with KQL in it (a README without fences, a package.json).
        this.item.hide();
        return;
      }
      if (info) {
        envName = info.displayName;
        if (info.pinned) why = ' (pinned in file)';
        else if (info.implied) why = ' (rule file)';
      }
    }
    // Until the server answers, only KQL files show the item, with the setting's environment.
    if (!envName) {
      if (!isKqlFile) {
        this.item.hide();
        return;
      }
      envName =
        this.state.environment.effective(document.uri) === 'sentinel' ? 'Microsoft Sentinel' : 'Defender XDR';
    }
    const icon = STATE_TEXT[this.state.serverState];
    this.item.text = `${icon} KQL: ${envName}${why}`;
    const whyText =
      why === ' (rule file)'
        ? ' Rule files and ARM templates are always checked as Sentinel.'
        : why
          ? ' The file pins its environment.'
          : '';
    this.item.tooltip = `KQL Hunting: queries are checked against the ${envName} schema.${whyText} Server ${this.state.serverState}. Click to switch environment.`;
    this.item.show();
  }

  private refreshAfterEdit(): void {
    clearTimeout(this.editTimer);
    this.editTimer = setTimeout(() => void this.refresh(), EDIT_PAUSE_MS);
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
