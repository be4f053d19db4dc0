import type { Routes } from '@angular/router';

import { navigationArea } from '../core/layout/navigation';

/** The schools' request area (roles of the `begaranden` area; guarded in app.routes). */
export const REQUEST_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    data: { area: navigationArea('begaranden') },
    loadComponent: () => import('../shared/coming-soon.page').then((m) => m.ComingSoonPage),
  },
];
