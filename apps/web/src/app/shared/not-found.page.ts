import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'lr-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>Sidan finns inte</h1>
    <p>Adressen kan vara felskriven, eller så har sidan flyttats.</p>
    <p><a routerLink="/">Till startsidan</a></p>
  `,
})
export class NotFoundPage {}
