import type { Routes } from '@angular/router';

import { NAVIGATION } from '../core/layout/navigation';
import { unsavedChangesGuard } from '../shared/forms/unsaved-changes';
import { AgreementsLayout } from './agreements-layout';

const area = NAVIGATION.find((item) => item.path === 'avtal');
/** Until a form page lands: says the page is being built. */
const comingSoon = {
  data: { area },
  loadComponent: () => import('../shared/coming-soon.page').then((m) => m.ComingSoonPage),
};

/**
 * The agreement area (roles of the `avtal` area; the guard sits on its route in app.routes).
 * Each page is its own lazy chunk; only the list loads ag-grid. Fixed paths come before `:id`.
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
      { path: 'nytt', title: 'Nytt avtal', ...comingSoon },
      {
        path: 'leverantorer',
        title: 'Leverantörer',
        loadComponent: () => import('./forms/suppliers.page').then((m) => m.SuppliersPage),
      },
      {
        path: 'leverantorer/ny',
        title: 'Ny leverantör',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./forms/supplier-form.page').then((m) => m.SupplierFormPage),
      },
      {
        path: 'leverantorer/:id',
        title: 'Ändra leverantör',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./forms/supplier-form.page').then((m) => m.SupplierFormPage),
      },
      { path: 'tjanster', title: 'Tjänster', ...comingSoon },
      { path: 'tjanster/ny', title: 'Ny tjänst', ...comingSoon },
      { path: 'tjanster/:id', title: 'Tjänst', ...comingSoon },
      {
        path: 'importera',
        title: 'Importera avtal',
        loadComponent: () =>
          import('./import/agreement-import.page').then((m) => m.AgreementImportPage),
      },
      {
        path: 'licensiera/:requestId',
        title: 'Licensiera',
        loadComponent: () => import('./licensing/licensing.page').then((m) => m.LicensingPage),
      },
      {
        path: ':id',
        title: 'Avtal',
        loadComponent: () => import('./detail/agreement.page').then((m) => m.AgreementPage),
      },
      { path: ':id/andra', title: 'Ändra avtal', ...comingSoon },
      { path: ':id/licenser/ny', title: 'Ny licens', ...comingSoon },
      { path: ':id/licenser/:licenceId', title: 'Ändra licens', ...comingSoon },
    ],
  },
];
