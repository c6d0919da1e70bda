import * as vscode from 'vscode';
import type { DetectionTestCaseOutcome } from '../../../server/src/protocol/messages';

/**
 * The message for a failed case. The runner's diff lists expected rows that are missing (`- `)
 * and rows that were not expected (`+ `); shown as expected against actual, the editor's diff
 * view lines them up. A count mismatch lists only the actual rows, so it stays plain text.
 */
export function outcomeMessage(outcome: DetectionTestCaseOutcome): vscode.TestMessage {
  const summary = outcome.message ?? 'failed';
  const lines = outcome.diff?.split('\n') ?? [];
  const expected = lines.filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
  const actual = lines.filter((l) => l.startsWith('+ ')).map((l) => l.slice(2));
  if (expected.length > 0) return vscode.TestMessage.diff(summary, expected.join('\n'), actual.join('\n'));
  return new vscode.TestMessage(outcome.diff ? `${summary}\n${outcome.diff}` : summary);
}
