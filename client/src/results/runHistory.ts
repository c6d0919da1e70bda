import type { HistoryEntry, RunView } from './messages';

/**
 * The results panel's recent runs. The panel keeps the last few runs so that a hunter can step
 * back to an earlier result, but rows are the heavy part: past a cell budget, older runs keep
 * their summary (query, workspace, time, row counts) and lose their rows, and the panel says so.
 * The newest run always keeps its rows whatever its size.
 */
export interface HistoryLimits {
  /** How many runs are listed. */
  maxRuns: number;
  /** How many cells (rows times columns, over all tables) older runs may hold together with the newest. */
  cellBudget: number;
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { maxRuns: 10, cellBudget: 1_000_000 };

function cellsOf(run: RunView): number {
  if (run.outcome.state !== 'done') return 0;
  return run.outcome.result.tables.reduce((sum, t) => sum + t.rows.length * Math.max(1, t.columns.length), 0);
}

function withoutRows(run: RunView): RunView {
  if (run.outcome.state !== 'done') return run;
  const { result } = run.outcome;
  return {
    ...run,
    rowsDropped: true,
    outcome: {
      ...run.outcome,
      result: { ...result, tables: result.tables.map((t) => ({ ...t, rows: [] })) },
    },
  };
}

export class RunHistory {
  /** Newest first. */
  private runs: RunView[] = [];

  constructor(readonly limits: HistoryLimits = DEFAULT_HISTORY_LIMITS) {}

  /** Adds a run, or replaces the entry with the same run id (a running run that finished). */
  record(run: RunView): void {
    const at = this.runs.findIndex((r) => r.runId === run.runId);
    if (at >= 0) this.runs[at] = run;
    else this.runs.unshift(run);
    this.runs.length = Math.min(this.runs.length, this.limits.maxRuns);
    this.enforceBudget();
  }

  get(runId: number): RunView | undefined {
    return this.runs.find((r) => r.runId === runId);
  }

  get latest(): RunView | undefined {
    return this.runs[0];
  }

  /** The list the panel shows, newest first. */
  entries(): HistoryEntry[] {
    return this.runs.map((r) => ({
      runId: r.runId,
      title: r.title,
      workspaceName: r.workspaceName,
      startedAt: r.startedAt,
      state: r.outcome.state,
      ...(r.outcome.state === 'done'
        ? { rowCount: r.outcome.stats.rowCounts.reduce((a, b) => a + b, 0) }
        : {}),
      rowsDropped: !!r.rowsDropped,
    }));
  }

  /** The cells the history holds now, for tests and the panel's note. */
  cellCount(): number {
    return this.runs.reduce((sum, r) => sum + cellsOf(r), 0);
  }

  private enforceBudget(): void {
    let used = 0;
    this.runs = this.runs.map((run, i) => {
      const cells = cellsOf(run);
      if (i === 0 || used + cells <= this.limits.cellBudget) {
        used += cells;
        return run;
      }
      return withoutRows(run);
    });
  }
}
