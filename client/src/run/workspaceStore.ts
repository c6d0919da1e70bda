import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseWorkspaces, type WorkspaceConfig } from '../../../server/src/protocol/workspaces';

const ACTIVE_KEY = 'kqlHunting.activeWorkspace';

/**
 * The workspaces from the `kqlHunting.workspaces` setting, the active one (remembered per VS Code
 * workspace), and which one a document runs on: its `kql-workspace:` pin, else the active one.
 */
export class WorkspaceStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];
  private reported = '';

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration(
        (e) => e.affectsConfiguration('kqlHunting.workspaces') && this.changed.fire(),
      ),
    );
  }

  list(): WorkspaceConfig[] {
    const { workspaces, problems } = parseWorkspaces(
      vscode.workspace.getConfiguration('kqlHunting').get('workspaces'),
    );
    const report = problems.join('\n');
    if (report && report !== this.reported) this.output.warn(`kqlHunting.workspaces: ${report}`);
    this.reported = report;
    return workspaces;
  }

  /** The active workspace: the one last picked, else the first in the list. */
  active(): WorkspaceConfig | undefined {
    const all = this.list();
    const name = this.context.workspaceState.get<string>(ACTIVE_KEY);
    return all.find((w) => w.name === name) ?? all[0];
  }

  async setActive(name: string): Promise<void> {
    await this.context.workspaceState.update(ACTIVE_KEY, name);
    this.changed.fire();
  }

  /** The workspace a document's queries run on, with local folders made absolute. */
  forDocument(
    pinned: string | undefined,
  ): { workspace: WorkspaceConfig; pinned: boolean } | { missingPin: string } | undefined {
    if (pinned) {
      const found = this.list().find((w) => w.name === pinned);
      return found ? { workspace: this.resolve(found), pinned: true } : { missingPin: pinned };
    }
    const active = this.active();
    return active ? { workspace: this.resolve(active), pinned: false } : undefined;
  }

  /** Every workspace with local folders made absolute, the active one first: what assistant tools may use. */
  resolvedList(): WorkspaceConfig[] {
    const active = this.active();
    return [...(active ? [active] : []), ...this.list().filter((w) => w.name !== active?.name)].map((w) =>
      this.resolve(w),
    );
  }

  /** Adds (or replaces, by name) a workspace in the settings at the chosen level. */
  async add(workspace: WorkspaceConfig, target: vscode.ConfigurationTarget): Promise<void> {
    const config = vscode.workspace.getConfiguration('kqlHunting');
    const inspected = config.inspect<unknown[]>('workspaces');
    const current =
      (target === vscode.ConfigurationTarget.Global ? inspected?.globalValue : inspected?.workspaceValue) ??
      [];
    const others = current.filter(
      (w) => !(w && typeof w === 'object' && (w as { name?: unknown }).name === workspace.name),
    );
    await config.update('workspaces', [...others, workspace], target);
    await this.setActive(workspace.name);
  }

  private resolve(workspace: WorkspaceConfig): WorkspaceConfig {
    if (workspace.kind !== 'local' || path.isAbsolute(workspace.folder)) return workspace;
    const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
    return { ...workspace, folder: path.resolve(base, workspace.folder) };
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
