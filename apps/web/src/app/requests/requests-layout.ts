import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { AuthStore } from '../core/auth/auth.store';
import { SubNav, type SubNavLink } from '../shared/layout/sub-nav';
import { isSchoolRole } from './request-labels';
import { REQUEST_PATHS } from './request-paths';

/** The request area: its own menu above the page; only a school is offered a new request. */
@Component({
  selector: 'lr-requests-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, SubNav],
  template: `
    <lr-sub-nav label="Begäranden" [links]="links()" />
    <router-outlet />
  `,
})
export class RequestsLayout {
  private readonly auth = inject(AuthStore);

  protected readonly links = computed<readonly SubNavLink[]>(() =>
    isSchoolRole(this.auth.roles())
      ? [
          { path: REQUEST_PATHS.list, label: 'Min enhets begäranden', exact: true },
          { path: REQUEST_PATHS.new, label: 'Ny begäran' },
        ]
      : [{ path: REQUEST_PATHS.list, label: 'Alla begäranden', exact: true }],
  );
}
