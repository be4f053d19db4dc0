import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { DECISION_OUTCOME_LABELS, type RequestDetail } from '@licensregistret/domain';

import { formatDateTime } from '../../shared/format/format';
import { reasonNames } from '../decision-labels';

interface DecisionText {
  heading: string;
  outcome: string;
  reasons: string;
  text: string;
  conditions: string;
  by: string;
}

/** The decision made, or the proposal waiting for an object manager. */
@Component({
  selector: 'lr-decision-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (item of items(); track item.heading) {
      <section [attr.aria-label]="item.heading">
        <h3>{{ item.heading }}</h3>
        <dl class="decision">
          <dt>Beslut</dt>
          <dd>{{ item.outcome }}</dd>
          @if (item.reasons) {
            <dt>Skäl</dt>
            <dd>{{ item.reasons }}</dd>
          }
          @if (item.text) {
            <dt>Motivering till skolan</dt>
            <dd class="text">{{ item.text }}</dd>
          }
          @if (item.conditions) {
            <dt>Villkor</dt>
            <dd class="text">{{ item.conditions }}</dd>
          }
          <dt>Av</dt>
          <dd>{{ item.by }}</dd>
        </dl>
      </section>
    }
  `,
  styles: `
    .decision dt {
      font-weight: 600;
    }
    .decision dd {
      margin: 0 0 0.5rem;
    }
    .text {
      white-space: pre-line;
    }
  `,
})
export class DecisionView {
  readonly request = input.required<RequestDetail>();

  protected readonly items = computed<DecisionText[]>(() => {
    const { decision, proposal } = this.request();
    if (decision) {
      return [
        {
          heading: 'Beslut',
          outcome: DECISION_OUTCOME_LABELS[decision.outcome],
          reasons: reasonNames(decision.reasons),
          text: decision.text,
          conditions: decision.conditions,
          by: `${decision.decidedByName}, ${formatDateTime(decision.decidedAt)}`,
        },
      ];
    }
    if (proposal) {
      return [
        {
          heading: 'Förslag till beslut',
          outcome: DECISION_OUTCOME_LABELS[proposal.outcome],
          reasons: reasonNames(proposal.reasons),
          text: proposal.text,
          conditions: proposal.conditions,
          by: `${proposal.proposedByName}, ${formatDateTime(proposal.proposedAt)}`,
        },
      ];
    }
    return [];
  });
}
