import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  InjectionToken,
  afterRenderEffect,
  inject,
  input,
  viewChild,
} from '@angular/core';
import type { AgChartOptions } from 'ag-charts-community';

/** A chart's options without its container, which the wrapper supplies. */
export type ChartOptions = AgChartOptions extends infer O
  ? O extends AgChartOptions
    ? Omit<O, 'container'>
    : never
  : never;

export interface ChartHandle {
  update(options: AgChartOptions): unknown;
  destroy(): void;
}

/** Draws a chart in a container; replaced by a stub in unit tests (jsdom has no canvas). */
export type ChartFactory = (options: AgChartOptions) => Promise<ChartHandle>;

let registered = false;

/** Loads ag-charts on first use, so only the pages with charts download it. */
async function createAgChart(options: AgChartOptions): Promise<ChartHandle> {
  const charts = await import('ag-charts-community');
  if (!registered) {
    charts.ModuleRegistry.registerModules([
      charts.CartesianChartModule,
      charts.CategoryAxisModule,
      charts.NumberAxisModule,
      charts.BarSeriesModule,
      charts.LineSeriesModule,
      charts.LegendModule,
    ]);
    registered = true;
  }
  return charts.AgCharts.create(options);
}

export const CHART_FACTORY = new InjectionToken<ChartFactory>('CHART_FACTORY', {
  providedIn: 'root',
  factory: () => createAgChart,
});

/** The same options every chart of the product starts from: not interactive, Swedish text. */
const BASE_OPTIONS: Partial<AgChartOptions> = {
  // The figures are in the table next to the chart; the canvas is an image of them (role="img"),
  // so it takes no keyboard focus and its legend toggles nothing.
  keyboard: { enabled: false },
  legend: { toggleSeries: false },
  animation: { enabled: false },
  background: { visible: false },
};

/**
 * An ag-charts chart as an image: the container has role="img" and the label says what it shows;
 * the same figures must be available as text beside it. Created when first rendered, updated when
 * the options change, destroyed with the component.
 */
@Component({
  selector: 'lr-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // ag-charts writes its own figure, "interactive chart" image and focusable helpers into the
  // container; `inert` takes them out of the focus order and the accessibility tree, so the one
  // image is ours, named by its figures (which also stand in the table beside it).
  template: `<div class="chart" role="img" [attr.aria-label]="label()">
    <div #container class="chart-canvas" inert></div>
  </div>`,
  styles: `
    .chart {
      max-width: 48rem;
    }
    .chart-canvas {
      height: 18rem;
    }
  `,
})
export class Chart {
  readonly options = input.required<ChartOptions>();
  /** What the chart shows, in words: its accessible name. */
  readonly label = input.required<string>();

  private readonly factory = inject(CHART_FACTORY);
  private readonly container = viewChild.required<ElementRef<HTMLElement>>('container');
  private chart: Promise<ChartHandle | null> | null = null;
  private destroyed = false;

  constructor() {
    afterRenderEffect(() => {
      const options = {
        ...BASE_OPTIONS,
        ...this.options(),
        container: this.container().nativeElement,
      } as AgChartOptions;
      void this.draw(options);
    });
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      void this.chart?.then((chart) => chart?.destroy());
    });
  }

  private async draw(options: AgChartOptions): Promise<void> {
    if (this.chart) {
      const chart = await this.chart;
      if (!this.destroyed) chart?.update(options);
      return;
    }
    this.chart = this.factory(options).then(
      (chart) => chart,
      () => null,
    );
    const chart = await this.chart;
    if (this.destroyed) chart?.destroy();
  }
}
