import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ICellRendererAngularComp } from 'ag-grid-angular';
import type { ICellRendererParams } from 'ag-grid-community';

/** `cellRendererParams` of a LinkCell: where a row's link goes. */
export interface LinkCellParams<T> {
  route: (row: T) => readonly string[];
}

/** A grid cell showing its value as a link, e.g. a name that opens the row's form. */
@Component({
  selector: 'lr-link-cell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    @if (link(); as link) {
      <a [routerLink]="link.route">{{ link.text }}</a>
    }
  `,
})
export class LinkCell<T> implements ICellRendererAngularComp {
  protected readonly link = signal<{ route: readonly string[]; text: string } | null>(null);

  agInit(params: ICellRendererParams<T> & LinkCellParams<T>): void {
    this.show(params);
  }

  refresh(params: ICellRendererParams<T> & LinkCellParams<T>): boolean {
    this.show(params);
    return true;
  }

  private show(params: ICellRendererParams<T> & LinkCellParams<T>): void {
    this.link.set(
      params.data
        ? {
            route: params.route(params.data),
            text: String(params.valueFormatted ?? params.value ?? ''),
          }
        : null,
    );
  }
}
