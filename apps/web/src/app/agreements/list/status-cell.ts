import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import type { ICellRendererAngularComp } from 'ag-grid-angular';
import type { ICellRendererParams } from 'ag-grid-community';

import type { Agreement, ContractStatus } from '@licensregistret/domain';

import { StatusBadge } from '../status-badge';

/** The status column's cell: the agreement's status as a badge with its Swedish name. */
@Component({
  selector: 'lr-status-cell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [StatusBadge],
  template: `
    @if (status(); as status) {
      <lr-status-badge [status]="status" />
    }
  `,
})
export class StatusCell implements ICellRendererAngularComp {
  protected readonly status = signal<ContractStatus | null>(null);

  agInit(params: ICellRendererParams<Agreement, ContractStatus>): void {
    this.status.set(params.value ?? null);
  }

  refresh(params: ICellRendererParams<Agreement, ContractStatus>): boolean {
    this.status.set(params.value ?? null);
    return true;
  }
}
