import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type OnInit,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import type {
  CellKeyDownEvent,
  ColDef,
  FullWidthCellKeyDownEvent,
  IDatasource,
} from 'ag-grid-community';

import {
  NARROW_SCREEN_QUERY,
  columnId,
  columnStorageKey,
  defaultHidden,
  gridColumns,
  rememberedHidden,
} from './grid-columns';
import { GridView } from './grid-view';
import type { ServerDataSource } from './server-data-source';
import { SERVER_GRID } from './server-grid-settings';

export { SERVER_GRID };

/**
 * The row's data when Enter is pressed on one of its cells (not on the link inside, which opens
 * the row by itself), so a keyboard user can open a row from any of its cells.
 */
export function rowOpenedByEnter<T>(
  event: CellKeyDownEvent<T> | FullWidthCellKeyDownEvent<T>,
): T | null {
  const keyboard = event.event as KeyboardEvent | null | undefined;
  if (keyboard?.key !== 'Enter' || !event.data) return null;
  const target = keyboard.target as Element | null;
  if (target?.closest('a')) return null;
  return event.data;
}

function localStorageOrNull(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

let chooserIds = 0;

/**
 * A server-paged grid: ag-grid's infinite row model over a data source from
 * `createServerDataSource`, with the shared settings, and Enter on any cell of a row opening it.
 * The first column (the row's identity) is pinned; with a `name`, a "Kolumner" panel lets a person
 * choose the other columns, remembered in this browser per grid and per kind of screen. On a
 * narrow screen a grid starts with its `narrowColumns` only.
 */
@Component({
  selector: 'lr-server-grid',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [GridView],
  template: `
    @if (name()) {
      <details class="column-chooser">
        <summary>
          Kolumner <span class="summary-note">({{ shownText() }})</span>
        </summary>
        <fieldset>
          <legend>Visa kolumner</legend>
          <div class="column-options">
            @for (choice of choices(); track choice.id) {
              <label class="checkbox">
                <input
                  type="checkbox"
                  [id]="chooserId + '-' + choice.id"
                  [checked]="choice.shown"
                  [disabled]="choice.fixed"
                  (change)="toggle(choice.id, $event)"
                />
                {{ choice.label }}
                @if (choice.fixed) {
                  <span class="hint">(visas alltid)</span>
                }
              </label>
            }
          </div>
          <button type="button" class="link-button" (click)="resetColumns()">
            Återställ kolumnerna
          </button>
        </fieldset>
      </details>
    }
    <div class="grid">
      @defer (on immediate) {
        <lr-grid-view
          [dataSource]="dataSource()"
          [columns]="shownColumns()"
          (cellKeyDown)="openOnEnter($event)"
        />
      } @placeholder {
        <div class="grid-placeholder"></div>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .grid {
      display: block;
      width: 100%;
      height: 34rem;
    }
    /* The grid's own frame while ag-grid loads, in the space the grid will take. */
    .grid-placeholder {
      height: 100%;
      border: 1px solid var(--lr-border);
      border-radius: 0.25rem;
    }
    .column-chooser {
      margin-bottom: 0.5rem;
    }
    .column-chooser summary {
      cursor: pointer;
      font-weight: 600;
      color: var(--lr-link);
      padding-block: 0.25rem;
    }
    .summary-note {
      font-weight: normal;
      color: var(--lr-text);
    }
    .column-chooser fieldset {
      margin: 0.25rem 0 0;
    }
    .column-options {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5rem;
    }
    .column-options .hint {
      display: inline;
      margin: 0;
    }
    .link-button {
      margin-top: 0.5rem;
      padding: 0;
      border: 0;
      background: none;
      color: var(--lr-link);
      font: inherit;
      text-decoration: underline;
      cursor: pointer;
    }
    @media (max-width: 47.99rem) {
      .grid {
        height: 28rem;
      }
    }
  `,
})
export class ServerGrid<T> implements OnInit {
  /** Any ag-grid data source; one from `createServerDataSource` also reads its first rows early. */
  readonly dataSource = input.required<IDatasource & Partial<Pick<ServerDataSource, 'prefetch'>>>();
  readonly columns = input.required<ColDef<T>[]>();
  /** Names the grid where the person's column choice is remembered; without it, no chooser. */
  readonly name = input<string>();
  /** The columns a narrow screen starts with, beside the pinned first one (the status, say). */
  readonly narrowColumns = input<readonly string[]>();
  /** The list's sort (`column:direction`), shown on its column when the grid starts. */
  readonly sort = input<string | null>(null);
  /** A row the keyboard user opened with Enter. */
  readonly rowOpened = output<T>();

  protected readonly chooserId = `columns-${++chooserIds}`;
  private readonly storage = localStorageOrNull();
  private readonly narrow = signal(false);
  private readonly hidden = signal<readonly string[]>([]);
  /** Set once the grid starts: the sort shown then, kept as an initial one. */
  private readonly startSort = signal<string | null>(null);

  protected readonly shownColumns = computed(() =>
    gridColumns(this.columns(), this.hidden(), this.startSort()),
  );

  protected readonly choices = computed(() => {
    const hidden = this.hidden();
    return this.columns().map((column, index) => ({
      id: columnId(column),
      label: column.headerName ?? columnId(column),
      shown: index === 0 || !hidden.includes(columnId(column)),
      fixed: index === 0,
    }));
  });

  protected readonly shownText = computed(() => {
    const choices = this.choices();
    return `${choices.filter((choice) => choice.shown).length} av ${choices.length} visas`;
  });

  constructor() {
    const media = typeof matchMedia === 'function' ? matchMedia(NARROW_SCREEN_QUERY) : null;
    this.narrow.set(media?.matches ?? false);
    const changed = (event: MediaQueryListEvent) => {
      this.narrow.set(event.matches);
      this.hidden.set(this.startingHidden());
    };
    media?.addEventListener('change', changed);
    inject(DestroyRef).onDestroy(() => media?.removeEventListener('change', changed));
  }

  ngOnInit(): void {
    this.startSort.set(this.sort());
    this.hidden.set(this.startingHidden());
    // The first rows are read while ag-grid itself still loads, not after it.
    const [colId, sort] = (this.sort() ?? '').split(':');
    this.dataSource().prefetch?.({
      startRow: 0,
      endRow: SERVER_GRID.cacheBlockSize,
      sortModel: sort === 'asc' || sort === 'desc' ? [{ colId, sort }] : [],
    });
  }

  protected toggle(id: string, event: Event): void {
    const shown = (event.target as HTMLInputElement).checked;
    const hidden = this.hidden().filter((candidate) => candidate !== id);
    this.hidden.set(shown ? hidden : [...hidden, id]);
    this.remember(this.hidden());
  }

  protected resetColumns(): void {
    const name = this.name();
    if (name) this.storage?.removeItem(columnStorageKey(name, this.narrow()));
    this.hidden.set(this.startingHidden());
  }

  protected openOnEnter(event: CellKeyDownEvent<T> | FullWidthCellKeyDownEvent<T>): void {
    const row = rowOpenedByEnter(event);
    if (row) this.rowOpened.emit(row);
  }

  /** The person's remembered choice for this kind of screen, or the grid's default for it. */
  private startingHidden(): readonly string[] {
    const name = this.name();
    const columns = this.columns();
    const remembered = name
      ? rememberedHidden(this.storage, columnStorageKey(name, this.narrow()), columns.map(columnId))
      : null;
    return remembered ?? defaultHidden(columns, this.narrow(), this.narrowColumns());
  }

  private remember(hidden: readonly string[]): void {
    const name = this.name();
    if (!name) return;
    try {
      this.storage?.setItem(columnStorageKey(name, this.narrow()), JSON.stringify(hidden));
    } catch {
      // A full or refused storage only means the choice is not remembered.
    }
  }
}
