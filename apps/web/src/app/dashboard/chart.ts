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

import type { ChartSpec } from './chart-spec';

export type { ChartSpec } from './chart-spec';

export interface ChartHandle {
  update(spec: ChartSpec): void;
  destroy(): void;
}

/** Draws a chart on a canvas; replaced by a stub in unit tests (jsdom has no canvas). */
export type ChartFactory = (canvas: HTMLCanvasElement, spec: ChartSpec) => Promise<ChartHandle>;

/** Loads the chart library on first use, so only a chart in view downloads it. */
async function createChart(canvas: HTMLCanvasElement, spec: ChartSpec): Promise<ChartHandle> {
  // With its extension, as the unit tests' module resolution (node16) asks; esbuild maps it.
  const { drawChart } = await import('./chart-js.js');
  return drawChart(canvas, spec);
}

export const CHART_FACTORY = new InjectionToken<ChartFactory>('CHART_FACTORY', {
  providedIn: 'root',
  factory: () => createChart,
});

/**
 * A chart as an image: the wrapper has role="img" and the label says what it shows; the same
 * figures must be available as text beside it. Its height is fixed, so the page does not move
 * when it is drawn; it is drawn when it first comes near the screen (the library loads then),
 * updated when the spec changes, destroyed with the component.
 */
@Component({
  selector: 'lr-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The canvas is an image of the figures; `inert` keeps whatever the library adds out of the
  // focus order and the accessibility tree, so the one image is ours, named by its figures.
  template: `<div class="chart" role="img" [attr.aria-label]="label()">
    <div class="chart-canvas" inert><canvas #canvas></canvas></div>
  </div>`,
  styles: `
    .chart {
      max-width: 48rem;
    }
    .chart-canvas {
      position: relative;
      height: 18rem;
    }
  `,
})
export class Chart {
  readonly spec = input.required<ChartSpec>();
  /** What the chart shows, in words: its accessible name. */
  readonly label = input.required<string>();

  private readonly factory = inject(CHART_FACTORY);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Promise<ChartHandle | null> | null = null;
  private destroyed = false;
  private inView: Promise<void> | null = null;
  private observer: IntersectionObserver | null = null;

  constructor() {
    afterRenderEffect(() => {
      void this.draw(this.canvas().nativeElement, this.spec());
    });
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.observer?.disconnect();
      void this.chart?.then((chart) => chart?.destroy());
    });
  }

  /** Resolves once the canvas is within a screen's height of the view (at once without the API). */
  private whenNearView(canvas: HTMLCanvasElement): Promise<void> {
    this.inView ??= new Promise((resolve) => {
      if (typeof IntersectionObserver === 'undefined') {
        resolve();
        return;
      }
      this.observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) {
            this.observer?.disconnect();
            resolve();
          }
        },
        { rootMargin: '100% 0px' },
      );
      this.observer.observe(canvas);
    });
    return this.inView;
  }

  private async draw(canvas: HTMLCanvasElement, spec: ChartSpec): Promise<void> {
    if (this.chart) {
      const chart = await this.chart;
      if (!this.destroyed) chart?.update(spec);
      return;
    }
    this.chart = this.whenNearView(canvas)
      .then(() => (this.destroyed ? null : this.factory(canvas, spec)))
      .then(
        (chart) => chart,
        () => null,
      );
    const chart = await this.chart;
    if (this.destroyed) chart?.destroy();
  }
}
