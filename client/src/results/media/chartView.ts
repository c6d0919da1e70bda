import {
  ArcElement, BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement,
  PieController, PointElement, ScatterController, Title, Tooltip, type ChartConfiguration,
} from 'chart.js';
import type { ChartModel } from '../chartData';

/** Draws a ChartModel with Chart.js; only the parts used are registered, to keep the bundle small. */
Chart.register(ArcElement, BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PieController, PointElement, ScatterController, Title, Tooltip);

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export function drawChart(canvas: HTMLCanvasElement, model: ChartModel): Chart {
  const style = getComputedStyle(document.body);
  const foreground = style.getPropertyValue('--vscode-foreground').trim() || '#cccccc';
  Chart.defaults.color = foreground;
  const color = (i: number) => PALETTE[i % PALETTE.length];
  const type = model.kind === 'column' || model.kind === 'bar' ? 'bar' : model.kind === 'pie' ? 'pie' : model.kind === 'scatter' ? 'scatter' : 'line';
  const datasets = model.series.map((s, i) =>
    model.kind === 'pie'
      ? { label: s.name, data: s.values, backgroundColor: model.labels.map((_, j) => color(j)) }
      : { label: s.name, data: s.values, borderColor: color(i), backgroundColor: color(i), fill: model.kind === 'area', pointRadius: model.labels.length > 200 ? 0 : 2, spanGaps: true },
  );
  const config = {
    type,
    data: { labels: model.labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: model.kind === 'bar' ? 'y' : 'x',
      plugins: { title: { display: !!model.title, text: model.title ?? '' }, legend: { display: model.series.length > 1 || model.kind === 'pie' } },
    },
  } as ChartConfiguration;
  return new Chart(canvas, config);
}
