import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { SubNav, type SubNavLink } from '../shared/layout/sub-nav';
import { ADMIN_PATHS } from './admin-paths';

/** The administration area: its own menu above the page. */
@Component({
  selector: 'lr-admin-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, SubNav],
  template: `
    <lr-sub-nav label="Administration" [links]="links" />
    <router-outlet />
  `,
})
export class AdminLayout {
  protected readonly links: readonly SubNavLink[] = [
    { path: ADMIN_PATHS.schoolUnits, label: 'Skolenheter' },
    { path: ADMIN_PATHS.accounts, label: 'Konton' },
    { path: ADMIN_PATHS.import, label: 'Importera' },
  ];
}
