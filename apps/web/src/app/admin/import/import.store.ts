import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type { Administration, SchoolUnitImportReport } from '@licensregistret/domain';

import { SchoolUnitsApi } from '../../shared/data/school-units-api';
import { problemOf } from '../../shared/forms/form-errors';
import { AdministrationsApi } from '../data/administrations-api';

export interface ImportState {
  csv: string;
  administrations: Administration[];
  /** Where new units go; '' lets the API choose the only administration. */
  administrationId: string;
  status: 'idle' | 'checking' | 'importing';
  /** The last report, of a dry run or an import. */
  report: SchoolUnitImportReport | null;
  /** The text the last dry run checked: importing needs the same text. */
  checkedCsv: string | null;
  /** Units written by the last import. */
  imported: number | null;
  error: string | null;
}

const INITIAL: ImportState = {
  csv: '',
  administrations: [],
  administrationId: '',
  status: 'idle',
  report: null,
  checkedCsv: null,
  imported: null,
  error: null,
};

/** Importing school units from CSV: check first (dry run), then import the same text. */
@Injectable()
export class ImportStore {
  private readonly units = inject(SchoolUnitsApi);
  private readonly administrationsApi = inject(AdministrationsApi);

  private readonly state$ = signal<ImportState>(INITIAL);
  readonly state = this.state$.asReadonly();

  /** Import only what a dry run found no errors in, and only that exact text. */
  readonly canImport = computed(() => {
    const { report, checkedCsv, csv, status } = this.state$();
    return (
      status === 'idle' &&
      report !== null &&
      report.dryRun &&
      report.errors.length === 0 &&
      report.rows > 0 &&
      checkedCsv === csv
    );
  });

  async loadAdministrations(): Promise<void> {
    try {
      const administrations = await firstValueFrom(this.administrationsApi.list());
      this.state$.update((state) => ({
        ...state,
        administrations,
        administrationId: administrations.length === 1 ? administrations[0].id : '',
      }));
    } catch {
      // Without the list, the API puts units in its only administration.
    }
  }

  setCsv(csv: string): void {
    this.state$.update((state) =>
      state.csv === csv
        ? state
        : { ...state, csv, report: null, checkedCsv: null, imported: null, error: null },
    );
  }

  setAdministration(administrationId: string): void {
    this.state$.update((state) => ({
      ...state,
      administrationId,
      report: null,
      checkedCsv: null,
      imported: null,
    }));
  }

  /** Dry run: reads and checks every row, writes nothing. */
  async check(): Promise<void> {
    const { csv } = this.state$();
    if (csv.trim() === '') {
      this.state$.update((state) => ({
        ...state,
        error: 'Välj en CSV-fil eller klistra in innehållet först.',
        report: null,
      }));
      return;
    }
    await this.run(true);
  }

  async import(): Promise<void> {
    if (!this.canImport()) return;
    await this.run(false);
  }

  private async run(dryRun: boolean): Promise<void> {
    const { csv, administrationId } = this.state$();
    this.state$.update((state) => ({
      ...state,
      status: dryRun ? 'checking' : 'importing',
      error: null,
      imported: null,
    }));
    try {
      const report = await firstValueFrom(
        this.units.import({ csv, dryRun, ...(administrationId ? { administrationId } : {}) }),
      );
      this.state$.update((state) => ({
        ...state,
        status: 'idle',
        report,
        checkedCsv: dryRun ? csv : state.checkedCsv,
        imported: dryRun ? null : report.imported,
      }));
    } catch (error) {
      const problem = problemOf(error);
      this.state$.update((state) => ({
        ...state,
        status: 'idle',
        report: null,
        error:
          problem?.status === 400 || problem?.status === 413
            ? `Filen kunde inte läsas: ${problem.detail ?? problem.title}`
            : 'Filen kunde inte skickas. Försök igen om en stund.',
      }));
    }
  }
}
