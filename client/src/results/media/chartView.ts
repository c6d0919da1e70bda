import {
  _adapters,
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  ScatterController,
  TimeScale,
  Title,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { ChartModel } from '../chartData';
import { createUtcDateAdapter } from '../utcDateAdapter';

/** Draws a ChartModel with Chart.js; only the parts used are registered, to keep the bundle small. */
Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  ScatterController,
  TimeScale,
  Title,
  Tooltip,
);
_adapters._date.override(createUtcDateAdapter(navigator.language));

const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];
/** Series that lie on top of each other stay told apart by their point marks as well as colour. */
const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot'] as const;
/** Lines are drawn slightly see-through, so one under another still shows; fills much more so. */
const LINE_ALPHA = 'cc';
const FILL_ALPHA = '33';

const MAX_LISTED = 50;

const KIND_NAMES: Record<ChartModel['kind'], string> = {
  line: 'Time chart',
  area: 'Area chart',
  bar: 'Bar chart',
  column: 'Column chart',
  pie: 'Pie chart',
  scatter: 'Scatter chart',
};

/** Time and scatter charts plot points at their x value; the others place values by label. */
function usesPoints(model: ChartModel): boolean {
  return model.kind === 'scatter' || ((model.kind === 'line' || model.kind === 'area') && model.timeAxis);
}

function xValues(model: ChartModel): number[] {
  const adapter = createUtcDateAdapter();
  return model.labels.map((l) => (model.timeAxis ? adapter.parse(l) : Number(l)) ?? Number.NaN);
}

function config(model: ChartModel): ChartConfiguration {
  const color = (i: number) => PALETTE[i % PALETTE.length];
  const type =
    model.kind === 'column' || model.kind === 'bar'
      ? 'bar'
      : model.kind === 'pie'
        ? 'pie'
        : model.kind === 'scatter'
          ? 'scatter'
          : 'line';
  const points = usesPoints(model);
  const xs = points ? xValues(model) : [];
  const dense = model.labels.length > 200;
  const datasets = model.series.map((s, i) =>
    model.kind === 'pie'
      ? { label: s.name, data: s.values, backgroundColor: model.labels.map((_, j) => color(j)) }
      : {
          label: s.name,
          data: points ? s.values.map((y, j) => ({ x: xs[j], y })) : s.values,
          borderColor: type === 'bar' ? color(i) : color(i) + LINE_ALPHA,
          backgroundColor: model.kind === 'area' ? color(i) + FILL_ALPHA : color(i),
          fill: model.kind === 'area',
          pointStyle: POINT_STYLES[i % POINT_STYLES.length],
          // A dense line needs no marks, except a value alone between gaps, which has no line to show it.
          pointRadius: dense
            ? s.values.map((v, j) =>
                v !== null && s.values[j - 1] == null && s.values[j + 1] == null ? 3 : 0,
              )
            : 3,
          borderWidth: 2,
          // Missing values (empty bins) are gaps, not lines drawn across them.
          spanGaps: false,
        },
  );
  const xScale =
    model.timeAxis && points
      ? {
          type: 'time',
          time: { tooltipFormat: 'datetime', minUnit: minUnitOf(xs) },
          ticks: { maxRotation: 0, autoSkip: true, major: { enabled: true } },
          title: { display: true, text: 'UTC' },
        }
      : points
        ? { type: 'linear' }
        : undefined;
  return {
    type,
    data: { labels: points ? undefined : model.labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: model.kind === 'bar' ? 'y' : 'x',
      ...(model.kind === 'pie' ? {} : { scales: scalesFor(model, xScale) }),
      plugins: {
        title: { display: !!model.title, text: model.title ?? '' },
        legend: { display: model.series.length > 1 || model.kind === 'pie' },
      },
    },
  } as ChartConfiguration;
}

/**
 * The finest tick unit worth drawing: the step between the points. A wide chart of daily bins
 * would otherwise be ticked every few hours, where there is no data.
 */
function minUnitOf(xs: number[]): 'millisecond' | 'second' | 'minute' | 'hour' | 'day' {
  let step = Infinity;
  for (let i = 1; i < xs.length; i++) if (xs[i] > xs[i - 1]) step = Math.min(step, xs[i] - xs[i - 1]);
  if (step >= 86_400_000) return 'day';
  if (step >= 3_600_000) return 'hour';
  if (step >= 60_000) return 'minute';
  return step >= 1000 ? 'second' : 'millisecond';
}

/**
 * The axes: the value axis starts at 0, so that a small change does not look like a large one
 * (negative values still extend it below 0); a bar chart has its values across.
 */
function scalesFor(model: ChartModel, xScale: object | undefined): object {
  const values = { beginAtZero: true };
  if (model.kind === 'bar') return { x: values };
  return { ...(xScale ? { x: xScale } : {}), y: values };
}

/**
 * A text account of the chart for screen readers and tests: the kind, the x axis as drawn (its
 * scale type and tick labels, read back from Chart.js) and each series with its point count.
 */
function describe(model: ChartModel, chart: Chart, box: HTMLElement): HTMLElement {
  const text = document.createElement('div');
  text.className = 'chart-text';
  const heading = document.createElement('div');
  heading.className = 'chart-kind';
  heading.textContent = `${KIND_NAMES[model.kind]}${model.title ? `: ${model.title}` : ''}`;
  text.append(heading);
  // A bar chart is a column chart turned sideways: its labels are on the y axis.
  const x = model.kind === 'bar' ? chart.scales.y : chart.scales.x;
  if (model.kind !== 'pie' && x) {
    const axis = document.createElement('div');
    axis.className = 'chart-axis';
    const ticks = x.ticks.map((t) => String(t.label ?? '')).filter((t) => t);
    axis.textContent = `${x.type === 'time' ? 'Time axis (UTC)' : 'Axis'}: ${ticks.slice(0, 8).join(', ')}${ticks.length > 8 ? ', …' : ''}`;
    text.append(axis);
    box.dataset.xScale = x.type;
    const valueAxis = model.kind === 'bar' ? chart.scales.x : chart.scales.y;
    if (valueAxis) {
      const range = document.createElement('div');
      range.className = 'chart-values';
      range.textContent = `Values: ${valueAxis.min.toLocaleString()} to ${valueAxis.max.toLocaleString()}`;
      text.append(range);
      box.dataset.valueMin = String(valueAxis.min);
    }
  }
  const list = document.createElement('ul');
  list.className = 'chart-series';
  list.setAttribute('aria-label', model.kind === 'pie' ? 'Slices' : 'Series');
  const lines =
    model.kind === 'pie'
      ? model.labels.map((label, i) => `${label}: ${model.series[0]?.values[i] ?? ''}`)
      : model.series.map((s) => {
          const count = s.values.filter((v) => v !== null).length;
          const gaps = s.values.length - count;
          return `${s.name}: ${count} point${count === 1 ? '' : 's'}${gaps > 0 ? `, ${gaps} gap${gaps === 1 ? '' : 's'}` : ''}`;
        });
  // A chart can have thousands of slices or series; the grid holds them all, the list only the first.
  for (const line of lines.slice(0, MAX_LISTED)) {
    const li = document.createElement('li');
    li.textContent = line;
    list.append(li);
  }
  if (lines.length > MAX_LISTED) {
    const li = document.createElement('li');
    li.textContent = `… and ${lines.length - MAX_LISTED} more`;
    list.append(li);
  }
  text.append(list);
  return text;
}

/** Draws the chart into `box` (already in the page, so it has a size) and appends its text account. */
export function drawChart(box: HTMLElement, model: ChartModel): Chart {
  const style = getComputedStyle(document.body);
  Chart.defaults.color = style.getPropertyValue('--vscode-foreground').trim() || '#cccccc';
  const frame = document.createElement('div');
  frame.className = 'chart-frame';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute(
    'aria-label',
    `${KIND_NAMES[model.kind]} of ${model.series.map((s) => s.name).join(', ')}`,
  );
  frame.append(canvas);
  box.append(frame);
  const chart = new Chart(canvas, config(model));
  box.append(describe(model, chart, box));
  box.dataset.chartKind = model.kind;
  return chart;
}
