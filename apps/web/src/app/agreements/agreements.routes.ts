import type { Routes } from '@angular/router';

import { AgreementsLayout } from './agreements-layout';

/**
 * The agreement area (roles of the `avtal` area; the guard sits on its route in app.routes).
 * Each page is its own lazy chunk; only the list loads ag-grid.
 */
export const AGREEMENT_ROUTES: Routes = [
  {
    path: '',
    component: AgreementsLayout,
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Avtal',
        loadComponent: () => import('./list/agreements.page').then((m) => m.AgreementsPage),
      },
      {
        path: 'tackning',
        title: 'Täckning',
        loadComponent: () => import('./coverage/coverage.page').then((m) => m.CoveragePage),
      },
      {
        path: ':id',
        title: 'Avtal',
        loadComponent: () => import('./detail/agreement.page').then((m) => m.AgreementPage),
      },
    ],
  },
];
