import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient/node';
import { MAX_RESTARTS, RestartBudget, WINDOW_MS } from './restartBudget';

/**
 * What happens when the language server process dies: it is restarted (the client re-sends every
 * open document, so no edit is lost), the user is told once per session rather than at every
 * crash, and after too many crashes in a short time the client stops and offers a manual restart.
 */
export class ServerRestartPolicy implements ErrorHandler {
  private readonly restarts = new RestartBudget();
  private told = false;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly restart: () => Promise<void>,
  ) {}

  error(error: Error, _message: unknown, count: number | undefined) {
    this.log.error(`connection to the KQL language server failed: ${error.message}`);
    // A few write errors in a row happen while a dying process is torn down; more means the pipe is gone.
    return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed() {
    if (!this.restarts.take(Date.now())) {
      this.log.error(
        `the KQL language server stopped ${MAX_RESTARTS + 1} times in ${WINDOW_MS / 60000} minutes; not restarting it`,
      );
      void vscode.window
        .showErrorMessage(
          'The KQL language server keeps stopping, so KQL checks are off. See the KQL Hunting output for details.',
          'Restart Server',
          'Show Output',
        )
        .then((choice) => {
          if (choice === 'Restart Server') {
            this.restarts.reset();
            void this.restart();
          } else if (choice === 'Show Output') this.log.show(true);
        });
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.log.warn(
      `the KQL language server stopped unexpectedly; restarting it (${this.restarts.used} of ${MAX_RESTARTS})`,
    );
    if (!this.told) {
      this.told = true;
      void vscode.window.showWarningMessage(
        'The KQL language server stopped unexpectedly and was restarted. Your edits are kept.',
      );
    }
    return { action: CloseAction.Restart, handled: true };
  }
}
