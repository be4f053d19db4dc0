import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import {
  CONTRACT_STATUS_LABELS,
  type Dashboard,
  RENEWAL_KIND_LABELS,
  REQUEST_AGE_BUCKET_LABELS,
  REQUEST_STATE_LABELS,
  SCHOOL_FORM_LABELS,
  SERVICE_CATEGORY_LABELS,
} from '@licensregistret/domain';

import { DashboardApi } from './dashboard-api';

export type DashboardState =
  { kind: 'loading' } | { kind: 'loaded'; dashboard: Dashboard } | { kind: 'failed' };

/** A label and a figure: one bar of a chart, one row of its table. */
export interface Figure {
  key: string;
  label: string;
  value: number;
}

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** "2026-05" as "maj 2026". */
export function monthName(month: string): string {
  const [year, index] = month.split('-').map(Number);
  return `${MONTHS[(index ?? 1) - 1] ?? month} ${year}`;
}

/** The dashboard's figures, worded in Swedish for the charts and their tables. */
@Injectable()
export class DashboardStore {
  private readonly api = inject(DashboardApi);
  private readonly state$ = signal<DashboardState>({ kind: 'loading' });

  readonly state = this.state$.asReadonly();
  readonly dashboard = computed(() => {
    const state = this.state$();
    return state.kind === 'loaded' ? state.dashboard : null;
  });

  readonly agreementsByStatus = computed<Figure[]>(
    () =>
      this.dashboard()?.agreementsByStatus.map((row) => ({
        key: row.status,
        label: CONTRACT_STATUS_LABELS[row.status],
        value: row.count,
      })) ?? [],
  );

  readonly requestsByState = computed<Figure[]>(
    () =>
      this.dashboard()?.requestsByState.map((row) => ({
        key: row.state,
        label: REQUEST_STATE_LABELS[row.state],
        value: row.count,
      })) ?? [],
  );

  readonly openRequestAges = computed<Figure[]>(
    () =>
      this.dashboard()?.openRequestAges.map((row) => ({
        key: row.bucket,
        label: REQUEST_AGE_BUCKET_LABELS[row.bucket],
        value: row.count,
      })) ?? [],
  );

  readonly decisionTimes = computed(
    () =>
      this.dashboard()?.decisionTimes.map((row) => ({
        ...row,
        label: monthName(row.month),
      })) ?? [],
  );

  /** Only the categories that cost anything. */
  readonly costByCategory = computed<Figure[]>(
    () =>
      this.dashboard()
        ?.cost.byCategory.filter((row) => row.annualCost > 0)
        .map((row) => ({
          key: row.category,
          label: SERVICE_CATEGORY_LABELS[row.category],
          value: row.annualCost,
        })) ?? [],
  );

  readonly costByService = computed(
    () =>
      this.dashboard()?.cost.byService.map((row) => ({
        ...row,
        categoryLabel: SERVICE_CATEGORY_LABELS[row.category],
      })) ?? [],
  );

  readonly renewals = computed(
    () =>
      this.dashboard()?.renewals.entries.map((entry) => ({
        ...entry,
        kindLabel: RENEWAL_KIND_LABELS[entry.kind],
      })) ?? [],
  );

  /** Per month of the timeline, how many things fall due: the timeline's chart. */
  readonly renewalsPerMonth = computed<Figure[]>(() => {
    const dashboard = this.dashboard();
    if (!dashboard) return [];
    const { from, to, entries } = dashboard.renewals;
    const months: Figure[] = [];
    let [year, month] = from.split('-').map(Number) as [number, number];
    const last = to.slice(0, 7);
    for (;;) {
      const key = `${year}-${String(month).padStart(2, '0')}`;
      if (key > last) break;
      months.push({
        key,
        label: monthName(key),
        value: entries.filter((entry) => entry.date.startsWith(key)).length,
      });
      [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    }
    return months;
  });

  readonly equity = computed(
    () =>
      this.dashboard()?.equity.map((form) => ({
        ...form,
        label: SCHOOL_FORM_LABELS[form.schoolForm],
      })) ?? [],
  );

  async load(): Promise<void> {
    this.state$.set({ kind: 'loading' });
    try {
      const dashboard = await firstValueFrom(this.api.get());
      this.state$.set({ kind: 'loaded', dashboard });
    } catch {
      this.state$.set({ kind: 'failed' });
    }
  }
}
