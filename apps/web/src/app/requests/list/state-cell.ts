import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import type { ICellRendererAngularComp } from 'ag-grid-angular';
import type { ICellRendererParams } from 'ag-grid-community';

import type { DecisionOutcome, RequestState, RequestSummary } from '@licensregistret/domain';

import { RequestStateBadge } from '../request-state-badge';

/**
 * The state column's cell: the request's state as a badge with its Swedish name, and a decided
 * request's outcome (Godkänd, Godkänd med villkor, Avslagen).
 */
@Component({
  selector: 'lr-request-state-cell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RequestStateBadge],
  template: `
    @if (state(); as state) {
      <lr-request-state-badge [state]="state" [outcome]="outcome()" />
    }
  `,
})
export class StateCell implements ICellRendererAngularComp {
  protected readonly state = signal<RequestState | null>(null);
  protected readonly outcome = signal<DecisionOutcome | null>(null);

  agInit(params: ICellRendererParams<RequestSummary, RequestState>): void {
    this.show(params);
  }

  refresh(params: ICellRendererParams<RequestSummary, RequestState>): boolean {
    this.show(params);
    return true;
  }

  private show(params: ICellRendererParams<RequestSummary, RequestState>): void {
    this.state.set(params.value ?? null);
    this.outcome.set(params.data?.decisionOutcome ?? null);
  }
}
