import type { Routes } from '@angular/router';

import { NAVIGATION } from './core/layout/navigation';

/** One lazy route per area, so the first page loads only the shell. */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Start',
    loadComponent: () => import('./home/home.page').then((m) => m.HomePage),
  },
  {
    path: 'katalog',
    title: 'Katalog',
    loadComponent: () => import('./catalogue/catalogue.page').then((m) => m.CataloguePage),
  },
  ...NAVIGATION.filter((area) => area.comingSoon).map((area) => ({
    path: area.path,
    title: area.label,
    data: { area },
    loadComponent: () => import('./shared/coming-soon.page').then((m) => m.ComingSoonPage),
  })),
  {
    path: '**',
    title: 'Sidan finns inte',
    loadComponent: () => import('./shared/not-found.page').then((m) => m.NotFoundPage),
  },
];
