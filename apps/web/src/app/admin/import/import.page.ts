import { ChangeDetectionStrategy, Component, type OnInit, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import {
  type ImportRowError,
  NETWORK_GROUPS,
  SCHOOL_FORMS,
  SCHOOL_UNIT_IMPORT_TEMPLATE_HEADER,
} from '@licensregistret/domain';

import { ADMIN_PATHS } from '../admin-paths';
import { IMPORT_COLUMN_LABELS, importErrorText } from './import-messages';
import { ImportStore } from './import.store';

/** Text of a CSV file: UTF-8, or Windows-1252 as older spreadsheet programs save it. */
export async function readCsvFile(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

@Component({
  selector: 'lr-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  providers: [ImportStore],
  templateUrl: './import.page.html',
  styleUrl: './import.page.css',
})
export class ImportPage implements OnInit {
  private readonly store = inject(ImportStore);

  protected readonly state = this.store.state;
  protected readonly canImport = this.store.canImport;
  protected readonly unitsPath = ADMIN_PATHS.schoolUnits;
  protected readonly schoolForms = SCHOOL_FORMS.join(', ');
  protected readonly networkGroups = NETWORK_GROUPS.join(', ');
  protected readonly templateHeader = SCHOOL_UNIT_IMPORT_TEMPLATE_HEADER;
  /** The empty template: the Swedish header row, with a byte order mark so Excel reads å, ä, ö. */
  protected readonly templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(
    `\uFEFF${SCHOOL_UNIT_IMPORT_TEMPLATE_HEADER}\r\n`,
  )}`;
  protected readonly example = [
    SCHOOL_UNIT_IMPORT_TEMPLATE_HEADER,
    'Hagaskolan F-6;12345678;GR:F-3 GR:4-6;320;Norr',
    'Solrosens förskola;;FS;60;Söder',
  ].join('\n');

  /** The result in one or two sentences, read out by screen readers when it changes. */
  protected readonly statusText = computed(() => {
    const { status, report, imported } = this.state();
    if (status === 'checking') return 'Kontrollerar filen …';
    if (status === 'importing') return 'Importerar …';
    if (imported !== null && imported > 0) {
      return imported === 1 ? '1 skolenhet importerades.' : `${imported} skolenheter importerades.`;
    }
    if (!report) return '';
    const rows = report.rows === 1 ? '1 rad lästes' : `${report.rows} rader lästes`;
    if (report.errors.length === 0) {
      return report.rows === 0
        ? 'Filen innehåller inga skolenheter.'
        : `${rows}. Inga fel hittades. Du kan importera skolenheterna.`;
    }
    const errors = report.errors.length === 1 ? '1 fel' : `${report.errors.length} fel`;
    return report.dryRun
      ? `${rows}. Filen har ${errors}. Rätta filen och kontrollera den igen.`
      : `${rows}. Inget importerades: filen har ${errors}. Rätta filen och kontrollera den igen.`;
  });

  ngOnInit(): void {
    void this.store.loadAdministrations();
  }

  /** The report's errors in Swedish: line, column and what is wrong. */
  protected readonly errorRows = computed(() =>
    (this.state().report?.errors ?? []).map((error: ImportRowError) => ({
      line: error.line,
      column: IMPORT_COLUMN_LABELS[error.field] ?? error.field,
      text: importErrorText(error),
    })),
  );

  protected async readFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) this.store.setCsv(await readCsvFile(file));
  }

  protected editCsv(event: Event): void {
    this.store.setCsv((event.target as HTMLTextAreaElement).value);
  }

  protected chooseAdministration(event: Event): void {
    this.store.setAdministration((event.target as HTMLSelectElement).value);
  }

  protected check(): Promise<void> {
    return this.store.check();
  }

  protected import(): Promise<void> {
    return this.store.import();
  }
}
