import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import {
  IMPORT_MAX_FILE_BYTES,
  type ImportFile,
  type ImportReport,
  importSheetOfFileName,
} from '@licensregistret/domain';

import { problemOf } from '../../shared/forms/form-errors';
import { ImportsApi } from '../data/imports-api';

export interface AgreementImportState {
  files: ImportFile[];
  status: 'idle' | 'reading' | 'checking' | 'importing';
  /** The last report, of a dry run or an import. */
  report: ImportReport | null;
  /** The files the last dry run checked: importing sends exactly these. */
  checked: ImportFile[] | null;
  error: string | null;
}

const INITIAL: AgreementImportState = {
  files: [],
  status: 'idle',
  report: null,
  checked: null,
  error: null,
};

function bytesOf(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** A file's bytes as base64, as the import takes them. */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await bytesOf(file));
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

/** What is wrong with the chosen files before they are sent, in Swedish; null when nothing. */
export function filesProblem(files: readonly File[]): string | null {
  if (files.length === 0) return 'Välj en Excel-arbetsbok eller CSV-filer först.';
  const workbooks = files.filter((file) => /\.xlsx$/i.test(file.name));
  if (workbooks.length > 0 && files.length > 1) {
    return 'Välj en Excel-arbetsbok, eller en CSV-fil per blad, inte båda.';
  }
  for (const file of files) {
    if (!/\.(xlsx|csv)$/i.test(file.name)) {
      return `${file.name} är varken en Excel-arbetsbok (.xlsx) eller en CSV-fil (.csv).`;
    }
    if (/\.csv$/i.test(file.name) && !importSheetOfFileName(file.name)) {
      return `Av namnet ${file.name} framgår inte vilket blad filen är: låt det börja med Leverantörer, Tjänster, Avtal eller Licenser.`;
    }
    if (file.size > IMPORT_MAX_FILE_BYTES) {
      return `${file.name} är större än ${IMPORT_MAX_FILE_BYTES / 1024 / 1024} MB.`;
    }
  }
  return null;
}

/** Importing agreements: choose the files, check them (dry run), then import the same files. */
@Injectable()
export class AgreementImportStore {
  private readonly api = inject(ImportsApi);

  private readonly state$ = signal<AgreementImportState>(INITIAL);
  readonly state = this.state$.asReadonly();

  /** Import only files a dry run found no problem in, and only those files. */
  readonly canImport = computed(() => {
    const { report, checked, files, status } = this.state$();
    return (
      status === 'idle' &&
      report !== null &&
      report.dryRun &&
      report.problems.length === 0 &&
      report.sheets.some((sheet) => sheet.rows > 0) &&
      checked === files
    );
  });

  async choose(chosen: readonly File[]): Promise<void> {
    const problem = filesProblem(chosen);
    if (problem) {
      this.state$.set({ ...INITIAL, error: problem });
      return;
    }
    this.state$.set({ ...INITIAL, status: 'reading' });
    const files = await Promise.all(
      chosen.map(async (file) => ({ name: file.name, content: await base64Of(file) })),
    );
    this.state$.set({ ...INITIAL, files });
  }

  async check(): Promise<void> {
    if (this.state$().files.length === 0) {
      this.state$.update((state) => ({
        ...state,
        error: 'Välj en Excel-arbetsbok eller CSV-filer först.',
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
    const { files } = this.state$();
    this.state$.update((state) => ({
      ...state,
      status: dryRun ? 'checking' : 'importing',
      error: null,
    }));
    try {
      const report = await firstValueFrom(this.api.send({ dryRun, files }));
      this.state$.update((state) => ({
        ...state,
        status: 'idle',
        report,
        checked: dryRun ? files : state.checked,
      }));
    } catch (error) {
      const problem = problemOf(error);
      const report = (problem as { report?: ImportReport } | null)?.report;
      this.state$.update((state) => ({
        ...state,
        status: 'idle',
        report: report ?? null,
        checked: null,
        error: report
          ? null
          : problem?.status === 400 || problem?.status === 413
            ? 'Filen kunde inte skickas: den är för stor eller inte en arbetsbok eller CSV-fil.'
            : 'Filen kunde inte skickas. Försök igen om en stund.',
      }));
    }
  }
}
