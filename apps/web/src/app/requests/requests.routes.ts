import type { Routes } from '@angular/router';

import { roleGuard } from '../core/auth/auth.guard';
import { unsavedChangesGuard } from '../shared/forms/unsaved-changes';
import { RequestsLayout } from './requests-layout';

/**
 * The request area (roles of the `begaranden` area; the guard sits on its route in app.routes).
 * Only the school's roles may make a new request. Each page is its own lazy chunk; only the list
 * loads ag-grid.
 */
export const REQUEST_ROUTES: Routes = [
  {
    path: '',
    component: RequestsLayout,
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Begäranden',
        loadComponent: () => import('./list/requests.page').then((m) => m.RequestsPage),
      },
      {
        path: 'ny',
        title: 'Ny begäran',
        canMatch: [roleGuard('REQUESTER', 'PRINCIPAL')],
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./new/new-request.page').then((m) => m.NewRequestPage),
      },
      {
        path: ':id',
        title: 'Begäran',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./detail/request.page').then((m) => m.RequestPage),
      },
    ],
  },
];
