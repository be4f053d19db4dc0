// Loaded only when a chart first comes into view (see chart.ts): Chart.js with the two chart
// types the dashboard draws, registered piece by piece so the bundle holds nothing else.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
} from 'chart.js';

import type { ChartHandle } from './chart';
import type { ChartSpec } from './chart-spec';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
);

const INTEGER = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

function configuration(spec: ChartSpec): ChartConfiguration<'bar' | 'line', (number | null)[]> {
  const format = spec.formatValue ?? ((value: number) => INTEGER.format(value));
  return {
    type: spec.kind,
    data: {
      labels: [...spec.labels],
      datasets: spec.series.map((series) => ({
        label: series.name,
        data: [...series.values],
        backgroundColor: series.color,
        borderColor: series.color,
        borderDash: series.dashed ? [6, 4] : [],
        pointStyle: series.dashed ? 'rect' : 'circle',
        pointRadius: 4,
      })),
    },
    options: {
      locale: 'sv-SE',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // An image of the figures in the table beside it: nothing to hover, click or toggle.
      events: [],
      plugins: {
        legend: { display: spec.legend, labels: { color: '#1f1f1f', usePointStyle: true } },
      },
      scales: {
        x: { ticks: { color: '#1f1f1f' }, grid: { display: false } },
        y: {
          beginAtZero: true,
          ticks: { color: '#1f1f1f', callback: (value) => format(Number(value)) },
          title: { display: !!spec.valueTitle, text: spec.valueTitle ?? '', color: '#1f1f1f' },
        },
      },
    },
  };
}

export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): ChartHandle {
  const chart = new Chart(canvas, configuration(spec));
  return {
    update(next: ChartSpec) {
      const { data, options } = configuration(next);
      chart.data = data;
      chart.options = options ?? {};
      chart.update();
    },
    destroy: () => chart.destroy(),
  };
}
