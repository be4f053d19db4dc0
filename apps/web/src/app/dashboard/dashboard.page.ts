import { ChangeDetectionStrategy, Component, type OnInit, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { AGREEMENT_PATHS } from '../agreements/agreement-paths';
import { StatusBadge } from '../agreements/status-badge';
import { AuthStore } from '../core/auth/auth.store';
import { countText, formatInteger, formatSek } from '../shared/format/format';
import { Chart, type ChartOptions } from './chart';
import { DashboardStore, type Figure } from './dashboard.store';
import { FiguresTable } from './figures-table';
import { sectionOrder, sectionOrderNote } from './section-order';

const DAYS = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
/** Bars and lines in the product's blue and a dark orange: 3:1 or more against white. */
const BLUE = '#1d4f91';
const ORANGE = '#a84300';

/** "Aktivt 2, Utkast 1": the figures of a chart in words, for its accessible name. */
function inWords(figures: readonly Figure[], format: (value: number) => string = formatInteger) {
  return figures.map((figure) => `${figure.label} ${format(figure.value)}`).join(', ');
}

function barChart(
  figures: readonly Figure[],
  yName: string,
  format: (value: number) => string = formatInteger,
): ChartOptions {
  return {
    data: figures.map((figure) => ({ label: figure.label, value: figure.value })),
    series: [{ type: 'bar', xKey: 'label', yKey: 'value', yName, fill: BLUE }],
    axes: {
      x: { type: 'category', position: 'bottom' },
      y: {
        type: 'number',
        position: 'left',
        label: { formatter: ({ value }: { value: number }) => format(value) },
      },
    },
    legend: { enabled: false },
  };
}

/**
 * Översikt: the governance figures drawn as charts, each with the same figures as a table beside
 * it, and the renewal timeline and the units lacking what most of their school form has. The
 * parts come in the order the signed-in person's role puts them (in the DOM, so reading and focus
 * order follow what is seen).
 */
@Component({
  selector: 'lr-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Chart, FiguresTable, RouterLink, StatusBadge],
  providers: [DashboardStore],
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.css',
})
export class DashboardPage implements OnInit {
  protected readonly store = inject(DashboardStore);
  protected readonly agreementsPath = AGREEMENT_PATHS.list;
  protected readonly formatSek = formatSek;
  protected readonly formatInteger = formatInteger;

  private readonly auth = inject(AuthStore);
  /** The parts in the order for the signed-in person's role. */
  protected readonly sections = computed(() => sectionOrder(this.auth.roles() ?? []));
  protected readonly orderNote = computed(() => sectionOrderNote(this.auth.roles() ?? []));

  protected readonly statusChart = computed(() =>
    barChart(this.store.agreementsByStatus(), 'Avtal'),
  );
  protected readonly statusLabel = computed(
    () => `Stapeldiagram, avtal per status: ${inWords(this.store.agreementsByStatus())}.`,
  );

  protected readonly stateChart = computed(() =>
    barChart(this.store.requestsByState(), 'Begäranden'),
  );
  protected readonly stateLabel = computed(
    () => `Stapeldiagram, begäranden per status: ${inWords(this.store.requestsByState())}.`,
  );
  protected readonly openCount = computed(() =>
    this.store.openRequestAges().reduce((sum, age) => sum + age.value, 0),
  );

  protected readonly decisionChart = computed<ChartOptions>(() => ({
    data: this.store.decisionTimes().map((row) => ({
      label: row.label,
      median: row.medianDays,
      p90: row.p90Days,
    })),
    series: [
      { type: 'line', xKey: 'label', yKey: 'median', yName: 'Median', stroke: BLUE },
      {
        type: 'line',
        xKey: 'label',
        yKey: 'p90',
        yName: '90:e percentilen',
        stroke: ORANGE,
        lineDash: [6, 4],
        marker: { fill: ORANGE, stroke: ORANGE, shape: 'square' },
      },
    ],
    axes: {
      x: { type: 'category', position: 'bottom' },
      y: { type: 'number', position: 'left', title: { text: 'Dagar' } },
    },
  }));
  protected readonly decisionLabel = computed(() => {
    const months = this.store.decisionTimes().filter((row) => row.count > 0);
    const figures = months.map(
      (row) =>
        `${row.label}: median ${this.days(row.medianDays)}, 90:e percentilen ${this.days(row.p90Days)}`,
    );
    return `Linjediagram, dagar från inskickad begäran till beslut per månad, de senaste 12 månaderna: ${
      figures.length === 0 ? 'inga beslut.' : `${figures.join('; ')}. Övriga månader utan beslut.`
    }`;
  });

  protected readonly costChart = computed(() =>
    barChart(this.store.costByCategory(), 'Årskostnad', (value) => formatSek(value)),
  );
  protected readonly costLabel = computed(() => {
    const figures = this.store.costByCategory();
    return `Stapeldiagram, årskostnad per kategori: ${
      figures.length === 0 ? 'ingen kostnad.' : `${inWords(figures, (value) => formatSek(value))}.`
    }`;
  });

  protected readonly renewalChart = computed(() =>
    barChart(this.store.renewalsPerMonth(), 'Att hantera'),
  );
  protected readonly renewalLabel = computed(() => {
    const months = this.store.renewalsPerMonth().filter((month) => month.value > 0);
    return `Stapeldiagram, datum att hantera per månad de kommande 18 månaderna: ${
      months.length === 0 ? 'inga.' : `${inWords(months)}. Övriga månader inga.`
    }`;
  });

  ngOnInit(): void {
    void this.store.load();
  }

  protected retry(): Promise<void> {
    return this.store.load();
  }

  protected days(value: number | null): string {
    return value === null ? '–' : `${DAYS.format(value)} dagar`;
  }

  protected count(value: number, singular: string, plural: string): string {
    return countText(value, singular, plural);
  }
}
