import type { Chart } from 'chart.js';
import { chartModel } from '../chartData';
import { formatExpanded } from '../../../../server/src/protocol/resultText';
import type { HistoryEntry, HostToWebview, RunView, WebviewToHost } from '../messages';
import { drawChart } from './chartView';
import { Grid } from './grid';

/**
 * The results panel's page: a summary line, a tab per result table (plus chart and statistics),
 * and the grid. It only displays what the host sends and asks the host to export or copy; it
 * runs no queries and builds no markup from values.
 */
declare function acquireVsCodeApi(): { postMessage(message: WebviewToHost): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('app')!;
let chart: Chart | undefined;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', '', label);
  b.addEventListener('click', onClick);
  return b;
}

function historyLabel(e: HistoryEntry): string {
  const time = e.startedAt.slice(11, 19);
  const outcome =
    e.state === 'running'
      ? 'running'
      : e.state === 'failed'
        ? 'failed'
        : `${(e.rowCount ?? 0).toLocaleString()} rows${e.rowsDropped ? ', rows dropped' : ''}`;
  return `${time} UTC · ${e.workspaceName} · ${outcome} · ${e.title}`;
}

/** The recent runs as a drop-down; picking one asks the host to show it. */
function historyPicker(
  run: RunView,
  history: HistoryEntry[],
  limits: HostToWebview['historyLimits'],
): HTMLSelectElement {
  const select = el('select', 'history');
  select.setAttribute('aria-label', 'Recent runs');
  select.title = `The last ${limits.maxRuns} runs. Older runs lose their rows once all runs together hold more than ${limits.cellBudget.toLocaleString()} cells.`;
  for (const entry of history) {
    const option = el('option', '', historyLabel(entry));
    option.value = String(entry.runId);
    option.selected = entry.runId === run.runId;
    select.append(option);
  }
  select.addEventListener('change', () =>
    vscode.postMessage({ type: 'select', runId: Number(select.value) }),
  );
  return select;
}

function summaryLine(run: RunView): HTMLElement {
  const bar = el('div', 'summary');
  bar.append(el('span', 'title', run.title), el('span', 'meta', `on ${run.workspaceName}`));
  const o = run.outcome;
  if (o.state === 'running') {
    bar.append(
      el('span', 'meta', 'running…'),
      button('Cancel', () => vscode.postMessage({ type: 'cancel', runId: run.runId })),
    );
  } else if (o.state === 'done') {
    const rows = o.stats.rowCounts.reduce((a, b) => a + b, 0);
    bar.append(
      el(
        'span',
        'meta',
        `${rows.toLocaleString()} row${rows === 1 ? '' : 's'} in ${o.stats.durationMs.toLocaleString()} ms${o.stats.truncated ? ' (truncated by the row limit)' : ''}`,
      ),
    );
  } else {
    bar.append(el('span', 'meta', `failed after ${o.durationMs.toLocaleString()} ms`));
  }
  return bar;
}

function statsView(run: Extract<RunView['outcome'], { state: 'done' }>, view: RunView): HTMLElement {
  const box = el('div', 'stats');
  const table = el('table', '');
  const add = (k: string, v: string, className = '') => {
    const tr = el('tr', '');
    tr.append(el('td', '', k), el('td', className, v));
    table.append(tr);
  };
  // The query keeps its line breaks: on one line, a `//` comment would seem to swallow the rest.
  if (view.query) add('Query', view.query, 'query');
  add('Workspace', view.workspaceName);
  add('Started', view.startedAt);
  add('Duration', `${run.stats.durationMs} ms`);
  run.result.tables.forEach((t, i) =>
    add(
      `Rows in ${t.name}`,
      `${run.stats.rowCounts[i]}${run.stats.rowCounts[i] > t.rows.length ? ` (${t.rows.length} kept)` : ''}`,
    ),
  );
  box.append(table);
  if (run.result.statistics) box.append(el('pre', '', JSON.stringify(run.result.statistics, null, 2)));
  return box;
}

function show({ run, history, historyLimits }: HostToWebview): void {
  chart?.destroy();
  chart = undefined;
  const app = el('div', 'app');
  const summary = summaryLine(run);
  if (history.length > 1) summary.append(historyPicker(run, history, historyLimits));
  app.append(summary);
  const o = run.outcome;
  if (o.state === 'running') {
    app.append(el('div', 'running', 'Waiting for the service…'));
    root.replaceChildren(app);
    return;
  }
  if (o.state === 'failed') {
    app.append(
      el(
        'div',
        'error',
        `${o.error.kind === 'semantic' || o.error.kind === 'syntax' ? 'The query has an error' : 'The run failed'}${o.error.code ? ` (${o.error.code})` : ''}:\n${o.error.message}`,
      ),
    );
    root.replaceChildren(app);
    return;
  }
  if (run.rowsDropped) {
    app.append(
      el(
        'div',
        'note',
        `The rows of this run are no longer kept: the panel keeps rows for recent runs up to ${historyLimits.cellBudget.toLocaleString()} cells. Run the query again to see them.`,
      ),
    );
  }
  if (o.result.partialError) app.append(el('div', 'warning', `Partial result: ${o.result.partialError}`));
  for (const warning of o.result.warnings ?? []) app.append(el('div', 'warning', warning));
  const tabs = el('div', 'tabs');
  const toolbar = el('div', 'toolbar');
  const content = el('div', 'content');
  app.append(tabs, toolbar, content);
  const tabButtons: HTMLButtonElement[] = [];
  const select = (i: number, open: () => void) => {
    tabButtons.forEach((b, j) => b.classList.toggle('active', i === j));
    chart?.destroy();
    chart = undefined;
    toolbar.replaceChildren();
    content.replaceChildren();
    open();
  };
  const openTable = (index: number) => () => {
    const table = o.result.tables[index];
    const count = el('span', 'count');
    const detail = el('div', 'detail');
    const grid = new Grid(table, {
      copy: (text) => vscode.postMessage({ type: 'copy', text }),
      expand: (title, value) => {
        const pre = el('pre', '', formatExpanded(value));
        const head = el('div', 'detail-head');
        head.append(
          el('span', '', title),
          button('Close', () => detail.remove()),
        );
        detail.replaceChildren(head, pre);
        if (!detail.isConnected) content.append(detail);
      },
      countChanged: (shown, total) => {
        count.textContent =
          shown === total
            ? `${total.toLocaleString()} rows`
            : `${shown.toLocaleString()} of ${total.toLocaleString()} rows`;
      },
    });
    const filter = el('input', '');
    filter.placeholder = 'Filter rows';
    filter.addEventListener('input', () => grid.setFilter(filter.value));
    toolbar.append(
      filter,
      button('Copy cell', () => {
        const t = grid.selectedCellText();
        if (t !== undefined) vscode.postMessage({ type: 'copy', text: t });
      }),
      button('Copy row', () => {
        const t = grid.selectedRowText();
        if (t !== undefined) vscode.postMessage({ type: 'copy', text: t });
      }),
      button('Export CSV', () =>
        vscode.postMessage({ type: 'export', runId: run.runId, tableIndex: index, format: 'csv' }),
      ),
      button('Export JSON', () =>
        vscode.postMessage({ type: 'export', runId: run.runId, tableIndex: index, format: 'json' }),
      ),
      count,
    );
    content.append(grid.element);
  };
  const pages: { label: string; open: () => void }[] = o.result.tables.map((t, i) => ({
    label: t.name,
    open: openTable(i),
  }));
  const model = o.result.tables[0] && chartModel(o.result.tables[0], o.result.render);
  if (model) {
    pages.unshift({
      label: 'Chart',
      open: () => {
        const box = el('div', 'chart');
        content.append(box);
        chart = drawChart(box, model);
      },
    });
  }
  pages.push({ label: 'Statistics', open: () => content.append(statsView(o, run)) });
  pages.forEach((p, i) => {
    const b = button(p.label, () => select(i, p.open));
    b.className = 'tab';
    tabButtons.push(b);
    tabs.append(b);
  });
  root.replaceChildren(app);
  select(0, pages[0].open);
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  if (event.data?.type === 'show') show(event.data);
});
vscode.postMessage({ type: 'ready' });
