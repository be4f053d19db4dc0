import type { Routes } from '@angular/router';

import { unsavedChangesGuard } from '../shared/forms/unsaved-changes';
import { DecisionsLayout } from './decisions-layout';

/**
 * The object specialists' decision area (roles of the `beslut` area; the guard sits on its route
 * in app.routes). Each page is its own lazy chunk; only the queue loads ag-grid.
 */
export const DECISION_ROUTES: Routes = [
  {
    path: '',
    component: DecisionsLayout,
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Beslutskö',
        loadComponent: () => import('./queue/queue.page').then((m) => m.QueuePage),
      },
      {
        path: 'efterfragan',
        title: 'Efterfrågan',
        loadComponent: () => import('./demand/demand.page').then((m) => m.DemandPage),
      },
      {
        path: 'granskning/:serviceId/:kind',
        title: 'Granskning',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./reviews/review.page').then((m) => m.ReviewPage),
      },
    ],
  },
];
