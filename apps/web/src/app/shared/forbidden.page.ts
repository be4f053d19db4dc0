import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Shown in place of a page the signed-in person's roles do not give access to. */
@Component({
  selector: 'lr-forbidden-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>Du saknar behörighet</h1>
    <p>Ditt konto har inte behörighet till den här sidan.</p>
    <p>Behöver du komma åt den? Kontakta systemförvaltaren och berätta vilken roll du behöver.</p>
    <p><a routerLink="/">Till startsidan</a></p>
  `,
})
export class ForbiddenPage {}
