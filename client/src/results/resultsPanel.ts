import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { toCsv, toJson } from '../../../server/src/protocol/resultText';
import { parseWebviewMessage, type HostToWebview, type RunView } from './messages';
import { RunHistory } from './runHistory';

/**
 * The results panel's host side: one webview below the editor that shows the latest run and
 * lets the user switch back to a recent one (RunHistory bounds what is kept). The
 * page gets a strict Content-Security-Policy (scripts only with this load's nonce, no inline
 * styles, nothing from the network) and may load files from the built media folder only.
 */
export class ResultsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The panel is being placed and created; runs shown meanwhile appear once its page is ready. */
  private opening: Promise<void> | undefined;
  private ready = false;
  private readonly history = new RunHistory();
  /** The run the page shows: the latest, unless the user picked an earlier one. */
  private selectedId: number | undefined;
  private readonly mediaRoot: vscode.Uri;

  constructor(
    extensionUri: vscode.Uri,
    private readonly onCancel: (runId: number) => void,
  ) {
    this.mediaRoot = vscode.Uri.joinPath(extensionUri, 'dist', 'media');
  }

  /** Shows a run (running, done or failed), opening the panel (see placement) if needed. */
  show(run: RunView): void {
    this.history.record(run);
    this.selectedId = run.runId;
    if (!this.panel) this.opening ??= this.open().finally(() => (this.opening = undefined));
    else if (
      this.panel.viewColumn !== undefined &&
      this.panel.viewColumn === vscode.window.activeTextEditor?.viewColumn
    ) {
      // Shown in the editor's own group it would cover the query being run; it moves out as a new panel would.
      const panel = this.panel;
      this.opening ??= this.placement()
        .then(
          (column) => panel.reveal(column, true),
          () => undefined,
        )
        .finally(() => (this.opening = undefined));
    }
    // Otherwise it stays where the user left it: revealing it "beside" would move it into yet another column.
    else if (!this.panel.visible) this.panel.reveal(undefined, true);
    this.post();
  }

  /** The run the panel shows, for tests and commands. */
  get shown(): RunView | undefined {
    return this.selectedId === undefined ? undefined : this.history.get(this.selectedId);
  }

  /**
   * Where a new panel goes. A grid needs width for its toolbar and columns, and a side column
   * of a laptop screen leaves it too little (buttons wrap, columns are cut off), so the panel
   * opens in a group below the editor, the full editor width. When the editor is already split,
   * the panel joins the other group rather than opening a third column.
   */
  private async placement(): Promise<vscode.ViewColumn> {
    const active =
      vscode.window.activeTextEditor?.viewColumn ?? vscode.window.tabGroups.activeTabGroup.viewColumn;
    const others = vscode.window.tabGroups.all.filter((g) => g.viewColumn !== active);
    if (others.length > 0) return others[others.length - 1].viewColumn;
    // One group: the editor keeps a little over half, the results take the rest below it.
    await vscode.commands.executeCommand('vscode.setEditorLayout', {
      orientation: 1,
      groups: [{ size: 0.55 }, { size: 0.45 }],
    });
    return vscode.ViewColumn.Two;
  }

  private async open(): Promise<void> {
    const viewColumn = await this.placement().catch(() => vscode.ViewColumn.Beside);
    const panel = vscode.window.createWebviewPanel(
      'kqlHunting.results',
      'KQL Results',
      { viewColumn, preserveFocus: true },
      {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [this.mediaRoot],
      },
    );
    this.panel = panel;
    this.ready = false;
    panel.webview.html = this.html(panel.webview);
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
    });
    panel.webview.onDidReceiveMessage((raw) => this.receive(raw));
  }

  private post(): void {
    const run = this.shown;
    if (!this.panel || !this.ready || !run) return;
    const message: HostToWebview = {
      type: 'show',
      run,
      history: this.history.entries(),
      historyLimits: this.history.limits,
    };
    void this.panel.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post();
        return;
      case 'copy':
        await vscode.env.clipboard.writeText(message.text);
        return;
      case 'cancel':
        this.onCancel(message.runId);
        return;
      case 'export':
        return this.export(message.runId, message.tableIndex, message.format);
      case 'select':
        if (this.history.get(message.runId)) {
          this.selectedId = message.runId;
          this.post();
        }
        return;
    }
  }

  private async export(runId: number, tableIndex: number, format: 'csv' | 'json'): Promise<void> {
    const run = this.history.get(runId);
    if (!run || run.outcome.state !== 'done') return;
    if (run.rowsDropped) {
      void vscode.window.showWarningMessage(
        'The rows of this run are no longer kept. Run the query again to export them.',
      );
      return;
    }
    const table = run.outcome.result.tables[tableIndex];
    if (!table) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${table.name}.${format}`) : undefined,
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
      title: `Export ${table.name}`,
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(
      target,
      new TextEncoder().encode(format === 'csv' ? toCsv(table) : toJson(table)),
    );
    void vscode.window.showInformationMessage(
      `Exported ${table.rows.length} rows to ${vscode.workspace.asRelativePath(target)}.`,
    );
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'results.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'results.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `img-src ${webview.cspSource} data:`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>KQL Results</title>
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
