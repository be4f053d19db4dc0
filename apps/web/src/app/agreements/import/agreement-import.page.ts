import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { IMPORT_SHEETS, type ImportProblem } from '@licensregistret/domain';

import { AGREEMENT_PATHS } from '../agreement-paths';
import { IMPORT_TEMPLATE_URL, IMPORT_WORKBOOK_URL } from '../data/imports-api';
import { AgreementImportStore } from './agreement-import.store';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Procurement brings existing suppliers, services, agreements and licences in from a workbook. */
@Component({
  selector: 'lr-agreement-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  providers: [AgreementImportStore],
  templateUrl: './agreement-import.page.html',
  styleUrl: './agreement-import.page.css',
})
export class AgreementImportPage {
  private readonly store = inject(AgreementImportStore);

  protected readonly state = this.store.state;
  protected readonly canImport = this.store.canImport;
  protected readonly listPath = AGREEMENT_PATHS.list;
  protected readonly templateUrl = IMPORT_TEMPLATE_URL;
  protected readonly workbookUrl = IMPORT_WORKBOOK_URL;
  protected readonly sheets = IMPORT_SHEETS;

  /** The result in a sentence or two, read out by screen readers when it changes. */
  protected readonly statusText = computed(() => {
    const { status, report } = this.state();
    if (status === 'reading') return 'Läser filen …';
    if (status === 'checking') return 'Kontrollerar filen …';
    if (status === 'importing') return 'Importerar …';
    if (!report) return '';
    const rows = report.sheets.reduce((sum, sheet) => sum + sheet.rows, 0);
    const read = `${count(rows, 'rad', 'rader')} lästes`;
    if (report.imported) return `Importen är klar: ${read}.`;
    if (report.problems.length === 0) {
      return rows === 0
        ? 'Filen innehåller inga rader att importera.'
        : `${read}. Inga fel hittades. Du kan importera.`;
    }
    const problems = count(report.problems.length, 'fel', 'fel');
    return report.dryRun
      ? `${read}. Filen har ${problems}. Rätta filen, välj den igen och kontrollera den.`
      : `Inget importerades: filen har ${problems}. Rätta filen och kontrollera den igen.`;
  });

  /** The problems by sheet, in the workbook's order (a file that could not be read first). */
  protected readonly problemGroups = computed(() => {
    const problems = this.state().report?.problems ?? [];
    const groups = new Map<string, ImportProblem[]>();
    for (const problem of problems) {
      groups.set(problem.sheet, [...(groups.get(problem.sheet) ?? []), problem]);
    }
    return [...groups.entries()].map(([sheet, list], index) => ({
      sheet,
      id: `import-problems-${index}`,
      problems: list,
    }));
  });

  protected async readFiles(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    await this.store.choose([...(input.files ?? [])]);
  }

  protected check(): Promise<void> {
    return this.store.check();
  }

  protected import(): Promise<void> {
    return this.store.import();
  }
}
