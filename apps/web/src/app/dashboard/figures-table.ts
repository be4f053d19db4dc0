import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import { formatInteger } from '../shared/format/format';
import type { Figure } from './dashboard.store';

/** One figure per row: a label and a number, the same figures a chart beside it draws. */
@Component({
  selector: 'lr-figures-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="data-table">
      <caption>
        {{
          caption()
        }}
      </caption>
      <thead>
        <tr>
          <th scope="col">{{ labelHeader() }}</th>
          <th scope="col" class="number">{{ valueHeader() }}</th>
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.key) {
          <tr>
            <th scope="row">{{ row.label }}</th>
            <td class="number">{{ format()(row.value) }}</td>
          </tr>
        } @empty {
          <tr>
            <td colspan="2">{{ empty() }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .number {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class FiguresTable {
  readonly caption = input.required<string>();
  readonly labelHeader = input.required<string>();
  readonly valueHeader = input.required<string>();
  readonly rows = input.required<readonly Figure[]>();
  readonly format = input<(value: number) => string>(formatInteger);
  /** Said in the one row of an empty table. */
  readonly empty = input('Inga uppgifter.');
}
