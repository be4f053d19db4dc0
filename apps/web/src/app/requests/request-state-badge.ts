import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { RequestState } from '@licensregistret/domain';

import { stateLabel } from './request-labels';

/**
 * A request's state as a badge. The Swedish word carries the meaning; the colour only helps the
 * eye (the same text and background pairs as the agreement badges, each at least 6:1).
 */
@Component({
  selector: 'lr-request-state-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `{{ label() }}`,
  host: {
    class: 'badge request-state-badge',
    '[attr.data-state]': 'state()',
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
  `,
})
export class RequestStateBadge {
  readonly state = input.required<RequestState>();
  protected readonly label = computed(() => stateLabel(this.state()));
}
