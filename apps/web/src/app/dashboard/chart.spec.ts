import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { CHART_FACTORY, Chart, type ChartFactory, type ChartSpec } from './chart';

const spec: ChartSpec = {
  kind: 'bar',
  labels: ['Aktivt'],
  series: [{ name: 'Avtal', values: [3], color: '#1d4f91' }],
  legend: false,
};

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Chart],
  template: `<lr-chart [spec]="spec()" label="Stapeldiagram, avtal per status: Aktivt 3." />`,
})
class Host {
  readonly spec = signal(spec);
}

/** IntersectionObserver as the browser has it, with the test deciding when the chart is seen. */
class FakeObserver {
  static instances: FakeObserver[] = [];
  disconnected = false;
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.instances.push(this);
  }
  observe(): void {
    // the test calls show()
  }
  disconnect(): void {
    this.disconnected = true;
  }
  show(): void {
    this.callback(
      [{ isIntersecting: true } as IntersectionObserverEntry],
      this as unknown as IntersectionObserver,
    );
  }
}

describe('Chart', () => {
  let drawn: ChartSpec[];

  beforeEach(() => {
    drawn = [];
    FakeObserver.instances = [];
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = FakeObserver;
    const factory: ChartFactory = async (_canvas, next) => {
      drawn.push(next);
      return { update: (again) => drawn.push(again), destroy: () => undefined };
    };
    TestBed.configureTestingModule({ providers: [{ provide: CHART_FACTORY, useValue: factory }] });
  });

  afterEach(() => {
    delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
  });

  it('is an image named by its figures, and draws (loading the library) only once near the view', async () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    await fixture.whenStable();
    const image = (fixture.nativeElement as HTMLElement).querySelector('[role="img"]');
    expect(image?.getAttribute('aria-label')).toBe('Stapeldiagram, avtal per status: Aktivt 3.');
    expect(image?.querySelector('.chart-canvas')?.hasAttribute('inert')).toBe(true);
    expect(drawn).toEqual([]);

    FakeObserver.instances[0]?.show();
    await new Promise((resolve) => setTimeout(resolve));
    expect(drawn).toEqual([spec]);
    expect(FakeObserver.instances[0]?.disconnected).toBe(true);
  });
});
