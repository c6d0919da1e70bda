import { createHash } from 'node:crypto';
import { ticksOfMs } from './ticks';
import type { Table } from './table';
import type { LocalWorkspace } from './workspace';

/**
 * Sentinel's `_GetWatchlist('alias')` over the workspace's watchlists: the four columns Sentinel
 * documents (_DTItemId, LastUpdatedTimeUTC, SearchKey, WatchlistItem) and then the watchlist's own
 * columns, as text, since watchlist items are uploaded as CSV text. An alias the workspace lacks
 * gives no rows, as in Sentinel, where the function filters the Watchlist table by alias. Item ids
 * are fixed per alias and row so that results repeat; the update time is the query's now().
 */
export function watchlistTable(workspace: LocalWorkspace, alias: string, nowMs: number): Table {
  const list = workspace.watchlists?.get(alias.toLowerCase());
  const own = (list?.columns ?? []).filter((c) => !FIXED.includes(c));
  const columns = [
    { name: '_DTItemId', type: 'string' as const },
    { name: 'LastUpdatedTimeUTC', type: 'datetime' as const },
    { name: 'SearchKey', type: 'string' as const },
    { name: 'WatchlistItem', type: 'dynamic' as const },
    ...own.map((name) => ({ name, type: 'string' as const })),
  ];
  const updated = ticksOfMs(nowMs);
  const rows = (list?.items ?? []).map((item, i) => {
    const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
    const bag = Object.fromEntries(list!.columns.map((c) => [c, text(item[c])]));
    return [itemId(alias, i), updated, text(item[list!.searchKey]), bag, ...own.map((c) => text(item[c]))];
  });
  return { columns, rows };
}

const FIXED = ['_DTItemId', 'LastUpdatedTimeUTC', 'SearchKey', 'WatchlistItem'];

function itemId(alias: string, index: number): string {
  const h = createHash('sha256').update(`${alias.toLowerCase()}\u0000${index}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
