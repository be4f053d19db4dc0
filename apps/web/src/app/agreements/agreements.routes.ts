import type { Routes } from '@angular/router';

import { unsavedChangesGuard } from '../shared/forms/unsaved-changes';
import { AgreementsLayout } from './agreements-layout';

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
      {
        path: 'nytt',
        title: 'Nytt avtal',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./forms/agreement-form.page').then((m) => m.AgreementFormPage),
      },
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
      {
        path: 'tjanster',
        title: 'Tjänster',
        loadComponent: () => import('./forms/services.page').then((m) => m.ServicesPage),
      },
      {
        path: 'tjanster/ny',
        title: 'Ny tjänst',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./forms/service-form.page').then((m) => m.ServiceFormPage),
      },
      {
        path: 'tjanster/:id',
        title: 'Ändra tjänst',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./forms/service-form.page').then((m) => m.ServiceFormPage),
      },
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
      {
        path: ':id/andra',
        title: 'Ändra avtal',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./forms/agreement-form.page').then((m) => m.AgreementFormPage),
      },
      {
        path: ':id/licenser/ny',
        title: 'Ny licens',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./forms/licence-form.page').then((m) => m.LicenceFormPage),
      },
      {
        path: ':id/licenser/:licenceId',
        title: 'Ändra licens',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./forms/licence-form.page').then((m) => m.LicenceFormPage),
      },
    ],
  },
];
