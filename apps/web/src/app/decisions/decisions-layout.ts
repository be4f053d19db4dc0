import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { SubNav, type SubNavLink } from '../shared/layout/sub-nav';
import { DECISION_PATHS } from './decision-paths';

/** The decision area: its own menu above the page. */
@Component({
  selector: 'lr-decisions-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, SubNav],
  template: `
    <lr-sub-nav label="Beslutsrutin" [links]="links" />
    <router-outlet />
  `,
})
export class DecisionsLayout {
  protected readonly links: readonly SubNavLink[] = [
    { path: DECISION_PATHS.queue, label: 'Kö', exact: true },
    { path: DECISION_PATHS.demand, label: 'Efterfrågan' },
  ];
}
