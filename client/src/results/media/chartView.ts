import {
  _adapters, ArcElement, BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement,
  PieController, PointElement, ScatterController, TimeScale, Title, Tooltip, type ChartConfiguration,
} from 'chart.js';
import type { ChartModel } from '../chartData';
import { createUtcDateAdapter } from '../utcDateAdapter';

/** Draws a ChartModel with Chart.js; only the parts used are registered, to keep the bundle small. */
Chart.register(ArcElement, BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PieController, PointElement, ScatterController, TimeScale, Title, Tooltip);
_adapters._date.override(createUtcDateAdapter(navigator.language));

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

const MAX_LISTED = 50;

const KIND_NAMES: Record<ChartModel['kind'], string> = {
  line: 'Time chart', area: 'Area chart', bar: 'Bar chart', column: 'Column chart', pie: 'Pie chart', scatter: 'Scatter chart',
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
  const type = model.kind === 'column' || model.kind === 'bar' ? 'bar' : model.kind === 'pie' ? 'pie' : model.kind === 'scatter' ? 'scatter' : 'line';
  const points = usesPoints(model);
  const xs = points ? xValues(model) : [];
  const datasets = model.series.map((s, i) =>
    model.kind === 'pie'
      ? { label: s.name, data: s.values, backgroundColor: model.labels.map((_, j) => color(j)) }
      : {
        label: s.name,
        data: points ? s.values.map((y, j) => ({ x: xs[j], y })) : s.values,
        borderColor: color(i), backgroundColor: color(i), fill: model.kind === 'area',
        pointRadius: model.labels.length > 200 ? 0 : 2, spanGaps: true,
      },
  );
  const xScale = model.timeAxis && points
    ? { type: 'time', time: { tooltipFormat: 'datetime' }, ticks: { maxRotation: 0, autoSkip: true }, title: { display: true, text: 'UTC' } }
    : points ? { type: 'linear' } : undefined;
  return {
    type,
    data: { labels: points ? undefined : model.labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: model.kind === 'bar' ? 'y' : 'x',
      ...(xScale ? { scales: { x: xScale } } : {}),
      plugins: { title: { display: !!model.title, text: model.title ?? '' }, legend: { display: model.series.length > 1 || model.kind === 'pie' } },
    },
  } as ChartConfiguration;
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
  }
  const list = document.createElement('ul');
  list.className = 'chart-series';
  list.setAttribute('aria-label', model.kind === 'pie' ? 'Slices' : 'Series');
  const lines = model.kind === 'pie'
    ? model.labels.map((label, i) => `${label}: ${model.series[0]?.values[i] ?? ''}`)
    : model.series.map((s) => {
      const count = s.values.filter((v) => v !== null).length;
      return `${s.name}: ${count} point${count === 1 ? '' : 's'}`;
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
  canvas.setAttribute('aria-label', `${KIND_NAMES[model.kind]} of ${model.series.map((s) => s.name).join(', ')}`);
  frame.append(canvas);
  box.append(frame);
  const chart = new Chart(canvas, config(model));
  box.append(describe(model, chart, box));
  box.dataset.chartKind = model.kind;
  return chart;
}
