import type { Routes } from '@angular/router';

import { AdminLayout } from './admin-layout';

/**
 * The administration area (ADMIN only; the guard sits on the `administration` route in
 * app.routes). Each page is its own lazy chunk; the two grids share ag-grid's.
 */
export const ADMIN_ROUTES: Routes = [
  {
    path: '',
    component: AdminLayout,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'skolenheter' },
      {
        path: 'skolenheter',
        title: 'Skolenheter',
        loadComponent: () =>
          import('./school-units/school-units.page').then((m) => m.SchoolUnitsPage),
      },
      {
        path: 'skolenheter/ny',
        title: 'Ny skolenhet',
        loadComponent: () =>
          import('./school-units/school-unit-form.page').then((m) => m.SchoolUnitFormPage),
      },
      {
        path: 'skolenheter/:id',
        title: 'Ändra skolenhet',
        loadComponent: () =>
          import('./school-units/school-unit-form.page').then((m) => m.SchoolUnitFormPage),
      },
      {
        path: 'konton',
        title: 'Konton',
        loadComponent: () => import('./accounts/accounts.page').then((m) => m.AccountsPage),
      },
      {
        path: 'konton/ny',
        title: 'Nytt konto',
        loadComponent: () => import('./accounts/account-form.page').then((m) => m.AccountFormPage),
      },
      {
        path: 'konton/:id',
        title: 'Ändra konto',
        loadComponent: () => import('./accounts/account-form.page').then((m) => m.AccountFormPage),
      },
      {
        path: 'import',
        title: 'Importera skolenheter',
        loadComponent: () => import('./import/import.page').then((m) => m.ImportPage),
      },
    ],
  },
];
