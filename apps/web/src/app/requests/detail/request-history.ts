import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { RequestEvent } from '@licensregistret/domain';

import { formatDateTime } from '../../shared/format/format';
import { eventItem } from '../request-labels';

/** The request's history, oldest first: who did what when, and what they wrote. */
@Component({
  selector: 'lr-request-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (items().length === 0) {
      <p>Ingen historik är registrerad.</p>
    } @else {
      <ol class="history">
        @for (item of items(); track item.id) {
          <li>
            <p class="history-head">
              <time [attr.datetime]="item.at">{{ item.when }}</time>: {{ item.what }} ({{
                item.who
              }})
            </p>
            @if (item.change; as change) {
              <p>
                {{ change.from }} <span aria-hidden="true">→</span
                ><span class="visually-hidden"> blev</span> {{ change.to }}
              </p>
            }
            @if (item.text; as text) {
              <p class="text">{{ text }}</p>
            }
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .history {
      padding-left: 1.25rem;
      max-width: 48rem;
    }
    .history > li {
      margin-bottom: 0.75rem;
    }
    p {
      margin: 0;
    }
    .history-head {
      font-weight: 600;
    }
    .text {
      white-space: pre-line;
    }
  `,
})
export class RequestHistory {
  readonly events = input.required<readonly RequestEvent[]>();

  protected readonly items = computed(() =>
    [...this.events()]
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
      .map((event) => ({ ...eventItem(event), when: formatDateTime(event.occurredAt) })),
  );
}
