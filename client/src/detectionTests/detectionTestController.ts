import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ListDetectionTestsRequest,
  RunDetectionTestsRequest,
  type DetectionTestCaseOutcome,
} from '../../../server/src/protocol/messages';
import { outcomeMessage } from './testMessages';

/** Detection test files, as `kqlhunt test` finds them. */
const TEST_FILE_GLOB = '**/*.{test,kqltest}.{yaml,yml}';
const EXCLUDE_GLOB = '{**/node_modules/**,**/.git/**,**/out/**,**/dist/**}';
/** Runs the tests' own checks read; not contributed to the command palette. */
export const DETECTION_TEST_RESULTS_COMMAND = 'kqlHunting.detectionTests.lastResults';

export type CaseState = 'passed' | 'failed' | 'errored';

/**
 * Shows detection test files and their cases in the Testing view and runs them through the
 * language server (`kqlHunting/runDetectionTests`). Tests run only when the user asks, and
 * never in a restricted workspace: a test names a rule and data files that the run reads.
 */
export class DetectionTestController implements vscode.Disposable {
  private readonly controller = vscode.tests.createTestController(
    'kqlHuntingDetectionTests',
    'KQL detection tests',
  );
  private readonly disposables: vscode.Disposable[] = [this.controller];
  /** The last state of every case run in this session, by test item id. */
  private readonly lastResults = new Map<string, CaseState>();

  constructor(
    private readonly clientOf: () => LanguageClient | undefined,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.controller.resolveHandler = async (item) => {
      if (item) await this.listCases(item);
      else await this.discover();
    };
    this.controller.createRunProfile(
      'Run',
      vscode.TestRunProfileKind.Run,
      (request, token) => this.run(request, token),
      true,
    );
    const watcher = vscode.workspace.createFileSystemWatcher(TEST_FILE_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.addFile(uri)),
      watcher.onDidChange((uri) => {
        const item = this.controller.items.get(uri.toString());
        if (item) void this.listCases(item);
      }),
      watcher.onDidDelete((uri) => this.controller.items.delete(uri.toString())),
      vscode.commands.registerCommand(DETECTION_TEST_RESULTS_COMMAND, () => ({
        files: [...this.fileItems()].map((i) => i.id),
        results: Object.fromEntries(this.lastResults),
      })),
    );
  }

  private *fileItems(): Iterable<vscode.TestItem> {
    for (const [, item] of this.controller.items) yield item;
  }

  private async discover(): Promise<void> {
    const files = await vscode.workspace.findFiles(TEST_FILE_GLOB, EXCLUDE_GLOB);
    for (const uri of files) this.addFile(uri);
  }

  private addFile(uri: vscode.Uri): vscode.TestItem {
    const existing = this.controller.items.get(uri.toString());
    if (existing) return existing;
    const item = this.controller.createTestItem(uri.toString(), vscode.workspace.asRelativePath(uri), uri);
    item.canResolveChildren = true;
    this.controller.items.add(item);
    return item;
  }

  /** Asks the server for the case names; without a running server the cases appear after a run. */
  private async listCases(file: vscode.TestItem): Promise<void> {
    const client = this.clientOf();
    if (!client?.isRunning() || !file.uri) return;
    file.busy = true;
    try {
      const listed = await client.sendRequest(ListDetectionTestsRequest, { uri: file.uri.toString() });
      file.error = listed.error;
      this.setCases(file, listed.cases);
    } catch (e) {
      this.output.warn(`listing detection tests in ${file.label} failed: ${(e as Error).message}`);
    } finally {
      file.busy = false;
    }
  }

  private setCases(file: vscode.TestItem, names: readonly string[]): vscode.TestItem[] {
    const children = names.map(
      (name) =>
        file.children.get(caseId(file, name)) ??
        this.controller.createTestItem(caseId(file, name), name, file.uri),
    );
    file.children.replace(children);
    return children;
  }

  private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const run = this.controller.createTestRun(request);
    try {
      const files = new Map<vscode.TestItem, Set<string> | 'all'>();
      if (request.include) {
        for (const item of request.include) {
          const file = item.parent ?? item;
          const wanted = files.get(file);
          if (item === file) files.set(file, 'all');
          else if (wanted !== 'all') files.set(file, (wanted ?? new Set<string>()).add(item.id));
        }
      } else {
        if (this.controller.items.size === 0) await this.discover();
        for (const file of this.fileItems()) files.set(file, 'all');
      }
      const excluded = new Set((request.exclude ?? []).map((i) => i.id));
      if (!vscode.workspace.isTrusted) {
        const message =
          'KQL detection tests run only in a trusted workspace: they read the rules and data files they name. Trust this workspace to run them.';
        for (const file of files.keys()) this.errored(run, file, message);
        void vscode.window.showWarningMessage(message);
        return;
      }
      const client = this.clientOf();
      if (!client?.isRunning()) {
        for (const file of files.keys())
          this.errored(
            run,
            file,
            'The KQL Hunting language server is not running; see the KQL Hunting output.',
          );
        return;
      }
      for (const [file, wanted] of files) {
        if (token.isCancellationRequested || excluded.has(file.id) || !file.uri) continue;
        const chosen = (child: vscode.TestItem) =>
          !excluded.has(child.id) && (wanted === 'all' || wanted.has(child.id));
        file.children.forEach((child) => {
          if (chosen(child)) run.enqueued(child);
        });
        const result = await client.sendRequest(
          RunDetectionTestsRequest,
          { uri: file.uri.toString() },
          token,
        );
        if (result.error) {
          this.errored(run, file, result.error);
          continue;
        }
        const children = this.setCases(
          file,
          result.cases.map((c) => c.name),
        );
        result.cases.forEach((outcome, i) => {
          if (chosen(children[i])) this.report(run, children[i], outcome);
        });
      }
    } catch (e) {
      this.output.error(`running detection tests failed: ${(e as Error).message}`);
    } finally {
      run.end();
    }
  }

  private errored(run: vscode.TestRun, item: vscode.TestItem, message: string): void {
    run.errored(item, new vscode.TestMessage(message));
    this.lastResults.set(item.id, 'errored');
  }

  private report(run: vscode.TestRun, item: vscode.TestItem, outcome: DetectionTestCaseOutcome): void {
    run.started(item);
    if (outcome.passed) {
      run.passed(item, outcome.durationMs);
      this.lastResults.set(item.id, 'passed');
      return;
    }
    run.failed(item, outcomeMessage(outcome), outcome.durationMs);
    this.lastResults.set(item.id, 'failed');
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function caseId(file: vscode.TestItem, name: string): string {
  return `${file.id}#${name}`;
}
