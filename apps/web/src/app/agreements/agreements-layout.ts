import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { SubNav, type SubNavLink } from '../shared/layout/sub-nav';
import { AGREEMENT_PATHS } from './agreement-paths';

/** The agreement area: its own menu above the page. */
@Component({
  selector: 'lr-agreements-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, SubNav],
  template: `
    <lr-sub-nav label="Avtal" [links]="links" />
    <router-outlet />
  `,
})
export class AgreementsLayout {
  protected readonly links: readonly SubNavLink[] = [
    { path: AGREEMENT_PATHS.list, label: 'Avtalslista', exact: true },
    { path: AGREEMENT_PATHS.coverage, label: 'Täckning' },
    { path: AGREEMENT_PATHS.suppliers, label: 'Leverantörer' },
  ];
}
