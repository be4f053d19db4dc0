import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { CONTRACT_STATUS_LABELS, type ContractStatus } from '@licensregistret/domain';

/**
 * An agreement's status as a badge. The Swedish word carries the meaning; the colour only helps
 * the eye, and every pair of text and background has a contrast of at least 6:1.
 */
@Component({
  selector: 'lr-status-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `{{ label() }}`,
  host: {
    class: 'badge status-badge',
    '[attr.data-status]': 'status()',
  },
  styles: `
    :host([data-status='ACTION_NEEDED']) {
      color: #8a1c12;
      background: #fde8e6;
    }
    :host([data-status='NOTICE_WINDOW_PASSED']) {
      color: #7a3300;
      background: #fdebd9;
    }
    :host([data-status='EXPIRING']) {
      color: #6b4d00;
      background: #fff3c4;
    }
    :host([data-status='ACTIVE']) {
      color: #14632b;
      background: #e3f4e8;
    }
    :host([data-status='EXPIRED']) {
      color: #3d434a;
      background: #eceef1;
    }
    :host([data-status='TERMINATED']) {
      color: #4b2a80;
      background: #efe9f8;
    }
    :host([data-status='DRAFT']) {
      color: #1d4f91;
      background: #e5eef9;
    }
  `,
})
export class StatusBadge {
  readonly status = input.required<ContractStatus>();
  protected readonly label = computed(() => CONTRACT_STATUS_LABELS[this.status()]);
}
