import type { RunQueryResult } from '../../../server/src/protocol/queryRun';

/** The short text shown at the end of a query after it ran: rows, duration, workspace. */
export function runSummary(result: RunQueryResult): string {
  if (!result.ok)
    return `✗ ${result.error.kind === 'cancelled' ? 'cancelled' : result.error.message.split('\n')[0].slice(0, 120)} · ${result.workspaceName}`;
  const rows = result.stats.rowCounts.reduce((a, b) => a + b, 0);
  const tables = result.result.tables.length > 1 ? ` in ${result.result.tables.length} tables` : '';
  const cut = result.stats.truncated ? ' (row limit hit)' : '';
  return `✓ ${rows.toLocaleString('en-US')} row${rows === 1 ? '' : 's'}${tables}${cut} · ${formatDuration(result.stats.durationMs)} · ${result.workspaceName}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
