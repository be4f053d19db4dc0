import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import {
  DECISION_OUTCOME_LABELS,
  type DecisionOutcome,
  type RequestState,
} from '@licensregistret/domain';

import { stateLabel } from './request-labels';

/**
 * A request's state as a badge. The Swedish word carries the meaning; the colour only helps the
 * eye (the same text and background pairs as the agreement badges, each at least 6:1). A decided
 * request shows its outcome instead: Godkänd, Godkänd med villkor or Avslagen, each its own colour.
 */
@Component({
  selector: 'lr-request-state-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `{{ label() }}`,
  host: {
    class: 'badge request-state-badge',
    '[attr.data-state]': 'state()',
    '[attr.data-outcome]': 'shownOutcome()',
  },
  styles: `
    :host {
      color: #4b2a80;
      background: #efe9f8;
    }
    :host([data-state='DRAFT']) {
      color: #1d4f91;
      background: #e5eef9;
    }
    :host([data-state='NEEDS_INFO']) {
      color: #6b4d00;
      background: #fff3c4;
    }
    :host([data-state='IMPLEMENTED']) {
      color: #14632b;
      background: #e3f4e8;
    }
    :host([data-state='DECIDED']),
    :host([data-state='ALREADY_COVERED']),
    :host([data-state='WITHDRAWN']) {
      color: #3d434a;
      background: #eceef1;
    }
    /* Outcomes: green, blue-green with a border, red; text contrast above 6:1 on each. */
    :host([data-outcome='APPROVED']) {
      color: #14632b;
      background: #e3f4e8;
    }
    :host([data-outcome='APPROVED_WITH_CONDITIONS']) {
      color: #0b4f5c;
      background: #dff1f4;
      box-shadow: inset 0 0 0 1px #0b4f5c;
    }
    :host([data-outcome='REJECTED']) {
      color: #8a1c12;
      background: #fdecea;
    }
  `,
})
export class RequestStateBadge {
  readonly state = input.required<RequestState>();
  /** The decision's outcome, shown in place of "Beslutad" once the request is decided. */
  readonly outcome = input<DecisionOutcome | null>(null);

  protected readonly shownOutcome = computed(() =>
    this.state() === 'DECIDED' ? this.outcome() : null,
  );
  protected readonly label = computed(() => {
    const outcome = this.shownOutcome();
    return outcome ? DECISION_OUTCOME_LABELS[outcome] : stateLabel(this.state());
  });
}
