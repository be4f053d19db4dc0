import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import type { ICellRendererAngularComp } from 'ag-grid-angular';
import type { ICellRendererParams } from 'ag-grid-community';

import type { RequestState, RequestSummary } from '@licensregistret/domain';

import { RequestStateBadge } from '../request-state-badge';

/** The state column's cell: the request's state as a badge with its Swedish name. */
@Component({
  selector: 'lr-request-state-cell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RequestStateBadge],
  template: `
    @if (state(); as state) {
      <lr-request-state-badge [state]="state" />
    }
  `,
})
export class StateCell implements ICellRendererAngularComp {
  protected readonly state = signal<RequestState | null>(null);

  agInit(params: ICellRendererParams<RequestSummary, RequestState>): void {
    this.state.set(params.value ?? null);
  }

  refresh(params: ICellRendererParams<RequestSummary, RequestState>): boolean {
    this.state.set(params.value ?? null);
    return true;
  }
}
