import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { REQUEST_STATE_LABELS, type RequestEvent } from '@licensregistret/domain';

import { formatDateTime } from '../../shared/format/format';
import { eventKindLabel } from '../decision-labels';
import type { Section } from './request-panel.store';

/** The request's history, as recorded: who did what, when, and why. */
@Component({
  selector: 'lr-request-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="request-history-heading">
      <h3 id="request-history-heading">Historik</h3>
      @switch (events().kind) {
        @case ('loading') {
          <p>Hämtar historiken …</p>
        }
        @case ('failed') {
          <p>Historiken kunde inte hämtas. Försök igen om en stund.</p>
        }
        @default {
          @if (items().length === 0) {
            <p>Inget har hänt med begäran än.</p>
          } @else {
            <ol class="history">
              @for (item of items(); track item.id) {
                <li>
                  <time [attr.datetime]="item.occurredAt">{{ item.when }}</time>
                  <strong>{{ item.what }}</strong>
                  @if (item.actor) {
                    av {{ item.actor }}
                  }
                  @if (item.change) {
                    <span class="change">{{ item.change }}</span>
                  }
                  @if (item.text) {
                    <span class="text">{{ item.text }}</span>
                  }
                </li>
              }
            </ol>
          }
        }
      }
    </section>
  `,
  styles: `
    .history {
      padding-left: 1.25rem;
    }
    .history li {
      margin-bottom: 0.5rem;
    }
    .history time {
      display: block;
      color: var(--lr-muted);
      font-size: 0.9375rem;
    }
    .change,
    .text {
      display: block;
    }
    .text {
      white-space: pre-line;
    }
  `,
})
export class RequestHistory {
  readonly events = input.required<Section<RequestEvent[]>>();

  protected readonly items = computed(() => {
    const events = this.events();
    if (events.kind !== 'loaded') return [];
    return events.value.map((event) => ({
      id: event.id,
      occurredAt: event.occurredAt,
      when: formatDateTime(event.occurredAt),
      what: eventKindLabel(event.kind),
      actor: event.actorName,
      change:
        event.fromState && event.toState && event.fromState !== event.toState
          ? `${REQUEST_STATE_LABELS[event.fromState]} → ${REQUEST_STATE_LABELS[event.toState]}`
          : '',
      text: event.text ?? '',
    }));
  });
}
