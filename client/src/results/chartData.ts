import type { RenderHint, ResultTable } from '../../../server/src/protocol/queryRun';
import { formatValue } from '../../../server/src/protocol/resultText';

/**
 * What a `render` asks to draw, worked out from the table the way Kusto does: a time chart puts
 * the first datetime column on the x axis, a bar, column or pie chart the first text column;
 * numeric columns become series, and a remaining text column splits a time chart into series.
 */
export type ChartKind = 'line' | 'area' | 'bar' | 'column' | 'pie' | 'scatter';

export interface ChartModel {
  kind: ChartKind;
  title?: string;
  /** The x value (or slice name) of each point, as text. */
  labels: string[];
  /** True when labels are ISO datetimes, for a time axis. */
  timeAxis: boolean;
  series: { name: string; values: (number | null)[] }[];
}

const KINDS: Record<string, ChartKind> = {
  timechart: 'line', linechart: 'line', areachart: 'area', stackedareachart: 'area',
  barchart: 'bar', columnchart: 'column', piechart: 'pie', scatterchart: 'scatter',
};

const NUMERIC = new Set(['int', 'long', 'real', 'decimal']);
/** Enough points for any chart a person can read; more would only slow the panel. */
const MAX_POINTS = 5000;

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The chart for a table, or undefined when the hint is not drawable or the table has nothing to plot. */
export function chartModel(table: ResultTable, hint: RenderHint | undefined): ChartModel | undefined {
  const kind = hint && KINDS[hint.visualization];
  if (!kind || table.rows.length === 0) return undefined;
  const cols = table.columns;
  const numeric = cols.map((c, i) => (NUMERIC.has(c.type) ? i : -1)).filter((i) => i >= 0);
  const isTime = kind === 'line' || kind === 'area';
  const xIndex = isTime
    ? cols.findIndex((c) => c.type === 'datetime')
    : cols.findIndex((c) => !NUMERIC.has(c.type));
  const x = xIndex >= 0 ? xIndex : isTime || kind === 'scatter' ? numeric.shift() ?? -1 : -1;
  const ys = numeric.filter((i) => i !== x);
  if (x < 0 || ys.length === 0) return undefined;
  const rows = table.rows.slice(0, MAX_POINTS);
  const title = hint?.title;
  const base = { kind, ...(title ? { title } : {}), timeAxis: cols[x].type === 'datetime' };

  if (kind === 'pie') {
    return { ...base, labels: rows.map((r) => formatValue(r[x])), series: [{ name: cols[ys[0]].name, values: rows.map((r) => num(r[ys[0]])) }] };
  }
  const splitIndex = isTime ? cols.findIndex((c, i) => i !== x && !NUMERIC.has(c.type) && c.type !== 'datetime') : -1;
  if (splitIndex < 0) {
    const order = isTime ? [...rows].sort((a, b) => formatValue(a[x]).localeCompare(formatValue(b[x]))) : rows;
    return { ...base, labels: order.map((r) => formatValue(r[x])), series: ys.map((i) => ({ name: cols[i].name, values: order.map((r) => num(r[i])) })) };
  }
  // One series per value of the split column, aligned on the sorted distinct x values.
  const labels = [...new Set(rows.map((r) => formatValue(r[x])))].sort();
  const position = new Map(labels.map((l, i) => [l, i]));
  const series = new Map<string, (number | null)[]>();
  for (const r of rows) {
    const name = `${formatValue(r[splitIndex])}${ys.length > 1 ? ` ${cols[ys[0]].name}` : ''}`;
    let values = series.get(name);
    if (!values) series.set(name, (values = labels.map(() => null)));
    values[position.get(formatValue(r[x]))!] = num(r[ys[0]]);
  }
  return { ...base, labels, series: [...series].map(([name, values]) => ({ name, values })) };
}
