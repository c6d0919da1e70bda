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
  timechart: 'line',
  linechart: 'line',
  areachart: 'area',
  stackedareachart: 'area',
  barchart: 'bar',
  columnchart: 'column',
  piechart: 'pie',
  scatterchart: 'scatter',
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
  const x = xIndex >= 0 ? xIndex : isTime || kind === 'scatter' ? (numeric.shift() ?? -1) : -1;
  const ys = numeric.filter((i) => i !== x);
  if (x < 0 || ys.length === 0) return undefined;
  const rows = table.rows.slice(0, MAX_POINTS);
  const title = hint?.title;
  const base = { kind, ...(title ? { title } : {}), timeAxis: cols[x].type === 'datetime' };

  if (kind === 'pie') {
    return {
      ...base,
      labels: rows.map((r) => formatValue(r[x])),
      series: [{ name: cols[ys[0]].name, values: rows.map((r) => num(r[ys[0]])) }],
    };
  }
  const splitIndex = isTime
    ? cols.findIndex((c, i) => i !== x && !NUMERIC.has(c.type) && c.type !== 'datetime')
    : -1;
  if (splitIndex < 0) {
    const order = isTime
      ? [...rows].sort((a, b) => formatValue(a[x]).localeCompare(formatValue(b[x])))
      : rows;
    const model = {
      ...base,
      labels: order.map((r) => formatValue(r[x])),
      series: ys.map((i) => ({ name: cols[i].name, values: order.map((r) => num(r[i])) })),
    };
    return isTime ? withMissingBins(model) : model;
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
  return withMissingBins({
    ...base,
    labels,
    series: [...series].map(([name, values]) => ({ name, values })),
  });
}

/** Bins to add at most, as a multiple of the points there are: past it the times are not bins but events. */
const MAX_FILL_FACTOR = 20;

/**
 * A time chart of binned counts (`summarize count() by bin(Timestamp, 1h)`) has no row for an
 * empty bin, and a line drawn straight over the hole reads as activity that never happened. When
 * the times are evenly spaced on one step, the missing bins are added with no value, and the chart
 * shows them as gaps.
 */
export function withMissingBins(model: ChartModel): ChartModel {
  if (!model.timeAxis || model.labels.length < 2) return model;
  const times = model.labels.map((l) => Date.parse(l));
  if (times.some((t) => Number.isNaN(t))) return model;
  let step = Infinity;
  for (let i = 1; i < times.length; i++) {
    const d = times[i] - times[i - 1];
    // Unsorted or repeated times are not a binned series.
    if (d <= 0) return model;
    step = Math.min(step, d);
  }
  const first = times[0];
  const count = (times[times.length - 1] - first) / step + 1;
  if (
    count === times.length ||
    count > Math.min(MAX_POINTS, times.length * MAX_FILL_FACTOR) ||
    times.some((t) => (t - first) % step !== 0)
  )
    return model;
  const at = new Map(times.map((t, i) => [t, i]));
  const labels: string[] = [];
  const series = model.series.map((s) => ({ name: s.name, values: [] as (number | null)[] }));
  for (let k = 0; k < count; k++) {
    const t = first + k * step;
    const i = at.get(t);
    labels.push(i === undefined ? new Date(t).toISOString() : model.labels[i]);
    series.forEach((s, j) => s.values.push(i === undefined ? null : model.series[j].values[i]));
  }
  return { ...model, labels, series };
}
