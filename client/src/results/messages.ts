import type { QueryResultSet, RunError, RunStatistics } from '../../../server/src/protocol/queryRun';

/**
 * The messages between the results panel's host side and the code running in the webview: one
 * union per direction, so both sides are checked against the same shapes.
 */

/** One run as the panel shows it. */
export interface RunView {
  /** Increments with every run, so a late answer for an older run can be told apart. */
  runId: number;
  workspaceName: string;
  /** The query's first line, for the panel's heading. */
  title: string;
  /** The whole query text, for the history list and the statistics page. */
  query?: string;
  startedAt: string;
  /** Set when the history dropped this run's rows to stay within its memory budget. */
  rowsDropped?: boolean;
  outcome:
    | { state: 'running' }
    | { state: 'done'; result: QueryResultSet; stats: RunStatistics }
    | { state: 'failed'; error: RunError; durationMs: number };
}

/** One line of the panel's run history: enough to pick a run, without its rows. */
export interface HistoryEntry {
  runId: number;
  title: string;
  workspaceName: string;
  startedAt: string;
  state: RunView['outcome']['state'];
  rowCount?: number;
  rowsDropped: boolean;
}

/** Shows one run, with the list of recent runs the user can switch to. */
export type HostToWebview = {
  type: 'show';
  run: RunView;
  history: HistoryEntry[];
  historyLimits: { maxRuns: number; cellBudget: number };
};

export type ExportFormat = 'csv' | 'json';

export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'export'; runId: number; tableIndex: number; format: ExportFormat }
  | { type: 'copy'; text: string }
  | { type: 'cancel'; runId: number }
  | { type: 'select'; runId: number };

const EXPORT_FORMATS: readonly string[] = ['csv', 'json'];

/** Checks a message from the webview before the host acts on it: the webview is less trusted than the host. */
export function parseWebviewMessage(raw: unknown): WebviewToHost | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'export':
      return Number.isInteger(m.runId) &&
        Number.isInteger(m.tableIndex) &&
        typeof m.format === 'string' &&
        EXPORT_FORMATS.includes(m.format)
        ? {
            type: 'export',
            runId: m.runId as number,
            tableIndex: m.tableIndex as number,
            format: m.format as ExportFormat,
          }
        : undefined;
    case 'copy':
      return typeof m.text === 'string' ? { type: 'copy', text: m.text } : undefined;
    case 'cancel':
      return Number.isInteger(m.runId) ? { type: 'cancel', runId: m.runId as number } : undefined;
    case 'select':
      return Number.isInteger(m.runId) ? { type: 'select', runId: m.runId as number } : undefined;
    default:
      return undefined;
  }
}
