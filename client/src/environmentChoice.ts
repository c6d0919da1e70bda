import * as vscode from 'vscode';

const OVERRIDE_KEY = 'kqlHunting.environmentOverride';

export type EnvironmentName = 'defender' | 'sentinel';

/**
 * The schema environment the user picked from the status bar. It is remembered per VS Code
 * workspace (workspace state), not written to the workspace's settings file: that file is often
 * tracked, as the sample workspace's is, and a click should not leave a change to commit. The
 * `kqlHunting.environment` setting stays the default; the pick overrides it until the setting
 * itself is changed, so whoever edits the setting last is obeyed.
 */
export class EnvironmentChoice implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  constructor(private readonly state: vscode.Memento) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('kqlHunting.environment') && this.override()) void this.set(undefined);
      }),
    );
  }

  /** The environment picked in this workspace, if any. */
  override(): EnvironmentName | undefined {
    const value = this.state.get<string>(OVERRIDE_KEY);
    return value === 'defender' || value === 'sentinel' ? value : undefined;
  }

  /** The environment a document is checked against unless it pins its own. */
  effective(uri?: vscode.Uri): EnvironmentName {
    const setting = vscode.workspace
      .getConfiguration('kqlHunting', uri)
      .get<string>('environment', 'defender');
    return this.override() ?? (setting === 'sentinel' ? 'sentinel' : 'defender');
  }

  /** Remembers a pick (undefined forgets it, so the setting applies again). */
  async set(value: EnvironmentName | undefined): Promise<void> {
    await this.state.update(OVERRIDE_KEY, value);
    this.changed.fire();
  }

  /** Puts the pick into the `kqlHunting` section the server reads, over the setting's value. */
  applyTo(section: unknown): unknown {
    const override = this.override();
    if (!override || !section || typeof section !== 'object') return section;
    return { ...(section as Record<string, unknown>), environment: override };
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
