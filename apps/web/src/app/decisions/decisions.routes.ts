import type { Routes } from '@angular/router';

import { navigationArea } from '../core/layout/navigation';

/** The object specialists' decision area (roles of the `beslut` area; guarded in app.routes). */
export const DECISION_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    data: { area: navigationArea('beslut') },
    loadComponent: () => import('../shared/coming-soon.page').then((m) => m.ComingSoonPage),
  },
];
