import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type Params, RouterLink } from '@angular/router';
import type { ICellRendererAngularComp } from 'ag-grid-angular';
import type { ICellRendererParams } from 'ag-grid-community';

import type { RequestSummary } from '@licensregistret/domain';

import { DECISION_PATHS, requestParams } from '../decision-paths';

/**
 * The number column's cell: a link that opens the request in the side panel (the queue's address
 * with `?begaran=<id>`, keeping the filters), named "Öppna begäran 123".
 */
@Component({
  selector: 'lr-request-link-cell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    @if (link(); as link) {
      <a
        [routerLink]="path"
        [queryParams]="link.params"
        queryParamsHandling="merge"
        [attr.aria-label]="'Öppna begäran ' + link.number"
        >{{ link.number }}</a
      >
    }
  `,
})
export class RequestLinkCell implements ICellRendererAngularComp {
  protected readonly path = DECISION_PATHS.queue;
  protected readonly link = signal<{ number: number; params: Params } | null>(null);

  agInit(params: ICellRendererParams<RequestSummary>): void {
    this.show(params);
  }

  refresh(params: ICellRendererParams<RequestSummary>): boolean {
    this.show(params);
    return true;
  }

  private show(params: ICellRendererParams<RequestSummary>): void {
    const row = params.data;
    this.link.set(row ? { number: row.number, params: requestParams(row.id) } : null);
  }
}
