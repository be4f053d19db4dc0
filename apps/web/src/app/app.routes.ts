import type { Routes } from '@angular/router';

import { ADMIN_ROUTES } from './admin/admin.routes';
import { AGREEMENT_ROUTES } from './agreements/agreements.routes';
import { FORBIDDEN_PATH, SIGN_IN_PATH, authGuard } from './core/auth/auth.guard';
import { areaRoute } from './core/layout/area-route';
import { NAVIGATION } from './core/layout/navigation';
import { NOTIFICATIONS_PATH } from './core/notifications/notification-paths';
import { DECISION_ROUTES } from './decisions/decisions.routes';
import { PUBLIC_PATHS } from './public/public-paths';
import { REQUEST_ROUTES } from './requests/requests.routes';

/**
 * Every page is a lazy chunk of its own, so the first page loads only the shell and itself. The
 * areas' route tables and layouts are small and come with the shell: a link straight to a page
 * then waits for one chunk, not for the area's table first and the page after it (two round
 * trips more, on a phone about half a second). Everything but the sign-in page and the public
 * pages (the list of decided services and the accessibility statement) needs a signed-in user.
 */
export const routes: Routes = [
  {
    path: SIGN_IN_PATH.slice(1),
    title: 'Logga in',
    loadComponent: () => import('./sign-in/sign-in.page').then((m) => m.SignInPage),
  },
  {
    path: PUBLIC_PATHS.services.slice(1),
    title: 'Tjänster och beslut',
    loadComponent: () => import('./public/public-services.page').then((m) => m.PublicServicesPage),
  },
  {
    path: `${PUBLIC_PATHS.services.slice(1)}/:id`,
    title: 'Tjänst och beslut',
    loadComponent: () => import('./public/public-service.page').then((m) => m.PublicServicePage),
  },
  {
    path: PUBLIC_PATHS.accessibility.slice(1),
    title: 'Tillgänglighetsredogörelse',
    loadComponent: () => import('./public/accessibility.page').then((m) => m.AccessibilityPage),
  },
  {
    path: '',
    canMatch: [authGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Att göra',
        loadComponent: () => import('./home/home.page').then((m) => m.HomePage),
      },
      {
        path: NOTIFICATIONS_PATH.slice(1),
        title: 'Notiser',
        loadComponent: () =>
          import('./notifications/notifications.page').then((m) => m.NotificationsPage),
      },
      areaRoute('katalog', {
        loadComponent: () => import('./catalogue/catalogue.page').then((m) => m.CataloguePage),
      }),
      areaRoute('begaranden', {
        children: REQUEST_ROUTES,
      }),
      areaRoute('beslut', {
        children: DECISION_ROUTES,
      }),
      areaRoute('avtal', {
        children: AGREEMENT_ROUTES,
      }),
      areaRoute('oversikt', {
        loadComponent: () => import('./dashboard/dashboard.page').then((m) => m.DashboardPage),
      }),
      areaRoute('registerforteckning', {
        loadComponent: () =>
          import('./record-of-processing/record-of-processing.page').then(
            (m) => m.RecordOfProcessingPage,
          ),
      }),
      areaRoute('administration', {
        children: ADMIN_ROUTES,
      }),
      ...NAVIGATION.filter((area) => area.comingSoon).map((area) =>
        areaRoute(area.path, {
          data: { area },
          loadComponent: () => import('./shared/coming-soon.page').then((m) => m.ComingSoonPage),
        }),
      ),
      {
        path: FORBIDDEN_PATH.slice(1),
        title: 'Du saknar behörighet',
        loadComponent: () => import('./shared/forbidden.page').then((m) => m.ForbiddenPage),
      },
      {
        path: '**',
        title: 'Sidan finns inte',
        loadComponent: () => import('./shared/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
