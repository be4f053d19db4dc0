import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { DECISION_REASON_LABELS, type RequestDecision } from '@licensregistret/domain';

import { dayInSweden } from '../../shared/format/format';
import { outcomeLabel } from '../request-labels';

/** The decision as the school reads it: outcome, the reasons, the explanation and conditions. */
@Component({
  selector: 'lr-request-decision',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (view(); as view) {
      <section class="decision" aria-labelledby="decision-heading" [attr.data-outcome]="view.code">
        <h2 id="decision-heading">Beslut: {{ view.outcome }}</h2>
        <p class="decided">Beslutat {{ view.day }} av {{ view.by }}.</p>
        @if (view.reasons.length > 0) {
          <h3>Skäl</h3>
          <ul class="reasons">
            @for (reason of view.reasons; track reason.label) {
              <li>
                <strong>{{ reason.label }}</strong>: {{ reason.meaning }}
              </li>
            }
          </ul>
        }
        @if (view.text) {
          <h3>Motivering</h3>
          <p class="text">{{ view.text }}</p>
        }
        @if (view.conditions) {
          <h3>Villkor</h3>
          <p class="text">{{ view.conditions }}</p>
        }
      </section>
    }
  `,
  styles: `
    .decision {
      border: 2px solid var(--lr-brand);
      border-left-width: 0.5rem;
      border-radius: 0.25rem;
      padding: 0.75rem 1rem;
      margin-bottom: 1.5rem;
      max-width: 48rem;
    }
    .decision[data-outcome='REJECTED'] {
      border-color: var(--lr-danger);
    }
    .decision[data-outcome='APPROVED'],
    .decision[data-outcome='APPROVED_WITH_CONDITIONS'] {
      border-color: var(--lr-success);
    }
    h2 {
      font-size: 1.25rem;
      margin: 0 0 0.25rem;
    }
    h3 {
      font-size: 1.0625rem;
      margin: 0.75rem 0 0.25rem;
    }
    p {
      margin: 0.25rem 0;
    }
    .reasons {
      margin: 0;
      padding-left: 1.25rem;
    }
    .text {
      white-space: pre-line;
    }
  `,
})
export class RequestDecisionView {
  readonly decision = input.required<RequestDecision>();

  protected readonly view = computed(() => {
    const decision = this.decision();
    return {
      code: decision.outcome,
      outcome: outcomeLabel(decision.outcome),
      day: dayInSweden(decision.decidedAt),
      by: decision.decidedByName,
      reasons: decision.reasons.map((reason) => DECISION_REASON_LABELS[reason]),
      text: decision.text.trim(),
      conditions: decision.conditions.trim(),
    };
  });
}
