import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { HealthStore } from './health.store';

/** A line at the foot of every page saying whether the service and its database answer. */
@Component({
  selector: 'lr-status-line',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="status-line" role="status" [attr.data-status]="tone()">
      <span class="dot" aria-hidden="true"></span>
      {{ text() }}
    </p>
  `,
  styles: `
    .status-line {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      margin: 0;
      font-size: 0.875rem;
    }
    .dot {
      width: 0.625rem;
      height: 0.625rem;
      border-radius: 50%;
      background: var(--lr-muted);
    }
    [data-status='up'] .dot {
      background: var(--lr-success);
    }
    [data-status='down'] .dot {
      background: var(--lr-danger);
    }
  `,
})
export class StatusLine {
  private readonly store = inject(HealthStore);

  protected readonly tone = computed(() => {
    const state = this.store.state();
    if (state.kind === 'checking') return 'checking';
    return this.store.databaseUp() ? 'up' : 'down';
  });

  protected readonly text = computed(() => {
    const state = this.store.state();
    switch (state.kind) {
      case 'checking':
        return 'Kontrollerar anslutningen …';
      case 'unreachable':
        return 'Tjänsten svarar inte just nu.';
      case 'answered':
        return state.health.database.status === 'up'
          ? 'Tjänsten är i drift. Databasen är ansluten.'
          : 'Databasen svarar inte just nu. Försök igen om en stund.';
    }
  });
}
