import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { toHttpParams } from '../http/query-params';

let nextId = 0;

/** The address of a server export: the list's query and the format. */
export function exportHref(path: string, query: object, format: 'xlsx' | 'csv'): string {
  return `${path}?${toHttpParams({ ...query, format }).toString()}`;
}

/**
 * "Exportera till Excel" and "Exportera till CSV": links the browser downloads from the server,
 * with the list's current filters and sort. Plain links, so a keyboard reaches and follows them
 * like any other.
 */
@Component({
  selector: 'lr-export-links',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="export">
      <a class="button button-secondary" [href]="xlsx()" download [attr.aria-describedby]="hintId">
        Exportera till Excel
      </a>
      <a class="button button-secondary" [href]="csv()" download [attr.aria-describedby]="hintId">
        Exportera till CSV
      </a>
      <span class="hint" [id]="hintId">{{ hint() }}</span>
    </div>
  `,
  styles: `
    .export {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
    }
    .hint {
      margin: 0;
    }
  `,
})
export class ExportLinks {
  /** The export route, e.g. `/api/agreements/export`. */
  readonly path = input.required<string>();
  /** The list's filters and sort, as the list endpoint takes them. */
  readonly query = input<object>({});
  readonly hint = input('Alla rader som matchar filtren, i listans ordning.');

  protected readonly hintId = `export-hint-${nextId++}`;
  protected readonly xlsx = computed(() => exportHref(this.path(), this.query(), 'xlsx'));
  protected readonly csv = computed(() => exportHref(this.path(), this.query(), 'csv'));
}
