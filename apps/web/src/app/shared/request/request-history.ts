import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import {
  DECISION_OUTCOME_LABELS,
  REQUEST_STATE_LABELS,
  type RequestEvent,
} from '@licensregistret/domain';

import { formatDateTime } from '../format/format';
import type { RequestAudience } from './request-audience';
import { requestEventLabel } from './request-event-labels';

/** The history as read: still on its way (the panel reads it beside the request), or failed. */
export type RequestHistoryState =
  { kind: 'loading' } | { kind: 'loaded'; value: readonly RequestEvent[] } | { kind: 'failed' };

interface HistoryItem {
  id: string;
  at: string;
  when: string;
  what: string;
  who: string;
  /** "Utkast", "Inskickad", when the state changed. */
  change: { from: string; to: string } | null;
  text: string | null;
}

/**
 * The request's history, oldest first: when, what happened, who did it, the change of state and
 * what they wrote; with a heading of its own and, after the list, what the host puts inside (the
 * comment form). The heading follows the document: `h2` on the school's request page (under its
 * `h1`), `h3` in the routine's side panel (under the panel's `h2`).
 */
@Component({
  selector: 'lr-request-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="request-history-heading">
      @if (audience() === 'school') {
        <h2 id="request-history-heading">Historik</h2>
      } @else {
        <h3 id="request-history-heading">Historik</h3>
      }
      @switch (events().kind) {
        @case ('loading') {
          <p role="status">Hämtar historiken …</p>
        }
        @case ('failed') {
          <p role="alert">Historiken kunde inte hämtas. Försök igen om en stund.</p>
        }
        @default {
          @if (items().length === 0) {
            <p>Inget har hänt med begäran än.</p>
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
        }
      }
      <ng-content />
    </section>
  `,
  styles: `
    .history {
      padding-left: 1.25rem;
      max-width: 48rem;
    }
    .history > li {
      margin-bottom: 0.75rem;
    }
    .history p {
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
  readonly events = input.required<RequestHistoryState>();
  readonly audience = input.required<RequestAudience>();

  protected readonly items = computed<HistoryItem[]>(() => {
    const events = this.events();
    if (events.kind !== 'loaded') return [];
    return [...events.value]
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
      .map((event) => ({
        id: event.id,
        at: event.occurredAt,
        when: formatDateTime(event.occurredAt),
        // A decision names its outcome, so a corrected one and its correction read apart.
        what: event.outcome
          ? `${requestEventLabel(event.kind)}: ${DECISION_OUTCOME_LABELS[event.outcome]}`
          : requestEventLabel(event.kind),
        who: event.actorName ?? 'systemet',
        change:
          event.fromState && event.toState && event.fromState !== event.toState
            ? {
                from: REQUEST_STATE_LABELS[event.fromState] ?? event.fromState,
                to: REQUEST_STATE_LABELS[event.toState] ?? event.toState,
              }
            : null,
        text: event.text?.trim() ? event.text : null,
      }));
  });
}
