import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { NARROW_SCREEN_QUERY } from './grid-columns';

/** "inga valda", "1 valt", "3 valda": how many of a list's filters are set. */
export function filterCountText(count: number): string {
  if (count === 0) return 'inga valda';
  return count === 1 ? '1 valt' : `${count} valda`;
}

/**
 * A list's filters in a panel that folds: open from the start on a wide screen, folded on a phone
 * so the list comes first. Its heading says how many filters are set, folded or not.
 */
@Component({
  selector: 'lr-filter-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details class="filter-panel" [open]="startOpen">
      <summary>
        Filter <span class="filter-count">({{ countText() }})</span>
      </summary>
      <div class="filter-body">
        <ng-content />
      </div>
    </details>
  `,
  styles: `
    :host {
      display: block;
      margin-bottom: 0.75rem;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
      color: var(--lr-link);
      padding-block: 0.375rem;
    }
    .filter-count {
      font-weight: normal;
      color: var(--lr-text);
    }
    .filter-body {
      padding-top: 0.25rem;
    }
  `,
})
export class FilterPanel {
  /** How many filters differ from the list's defaults. */
  readonly count = input.required<number>();

  protected readonly countText = computed(() => filterCountText(this.count()));
  protected readonly startOpen =
    typeof matchMedia !== 'function' || !matchMedia(NARROW_SCREEN_QUERY).matches;
}
