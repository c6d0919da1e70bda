import * as vscode from 'vscode';
import type { ExtensionContextState } from '../extensionState';

/** Runs the query under the cursor, the selection, or (from a CodeLens) the given block. */
export async function runQuery(
  state: ExtensionContextState,
  uri?: unknown,
  range?: unknown,
): Promise<unknown> {
  return state.queries.run(
    uri instanceof vscode.Uri ? uri : undefined,
    range instanceof vscode.Range ? range : undefined,
  );
}

export function cancelQuery(state: ExtensionContextState): void {
  state.queries.cancel();
}
