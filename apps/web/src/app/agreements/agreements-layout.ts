import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { ACCESS_POLICY, mayCall } from '@licensregistret/domain';

import { AuthStore } from '../core/auth/auth.store';
import { SubNav, type SubNavLink } from '../shared/layout/sub-nav';
import { AGREEMENT_PATHS } from './agreement-paths';

/** The agreement area: its own menu above the page. */
@Component({
  selector: 'lr-agreements-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, SubNav],
  template: `
    <lr-sub-nav label="Avtal" [links]="links()" />
    <router-outlet />
  `,
})
export class AgreementsLayout {
  private readonly auth = inject(AuthStore);

  protected readonly links = computed<readonly SubNavLink[]>(() => [
    { path: AGREEMENT_PATHS.list, label: 'Avtalslista', exact: true },
    { path: AGREEMENT_PATHS.coverage, label: 'Täckning' },
    { path: AGREEMENT_PATHS.suppliers, label: 'Leverantörer' },
    { path: AGREEMENT_PATHS.services, label: 'Tjänster' },
    ...(mayCall(ACCESS_POLICY['POST /api/imports'], this.auth.roles())
      ? [{ path: AGREEMENT_PATHS.import, label: 'Importera avtal' }]
      : []),
  ]);
}
