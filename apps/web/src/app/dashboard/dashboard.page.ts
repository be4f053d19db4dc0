import { ChangeDetectionStrategy, Component, type OnInit, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { AGREEMENT_PATHS } from '../agreements/agreement-paths';
import { StatusBadge } from '../agreements/status-badge';
import { AuthStore } from '../core/auth/auth.store';
import { countText, formatInteger, formatSek } from '../shared/format/format';
import { Chart, type ChartSpec } from './chart';
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
  name: string,
  formatValue: (value: number) => string = formatInteger,
): ChartSpec {
  return {
    kind: 'bar',
    labels: figures.map((figure) => figure.label),
    series: [{ name, values: figures.map((figure) => figure.value), color: BLUE }],
    formatValue,
    legend: false,
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
  /** Agreements whose status says someone must act: a decision's lead time has begun. */
  protected readonly actionNeededCount = computed(
    () =>
      this.store.agreementsByStatus().find((figure) => figure.key === 'ACTION_NEEDED')?.value ?? 0,
  );

  protected readonly decisionChart = computed<ChartSpec>(() => {
    const months = this.store.decisionTimes();
    return {
      kind: 'line',
      labels: months.map((row) => row.label),
      series: [
        { name: 'Median', values: months.map((row) => row.medianDays), color: BLUE },
        {
          name: '90:e percentilen',
          values: months.map((row) => row.p90Days),
          color: ORANGE,
          dashed: true,
        },
      ],
      valueTitle: 'Dagar',
      legend: true,
    };
  });
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

  /** A key figure, or a dash until the figures are read. */
  protected keyFigure(
    value: number | undefined,
    format: (value: number) => string = formatInteger,
  ): string {
    return this.store.dashboard() === null || value === undefined ? '–' : format(value);
  }

  protected days(value: number | null): string {
    return value === null ? '–' : `${DAYS.format(value)} dagar`;
  }

  protected count(value: number, singular: string, plural: string): string {
    return countText(value, singular, plural);
  }
}
