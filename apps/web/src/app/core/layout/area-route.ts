import type { Route } from '@angular/router';

import { accessGuard } from '../auth/auth.guard';
import { navigationArea } from './navigation';

/**
 * An area's route, titled by its label and guarded by the same `roles` that decide whether the
 * main navigation shows it: one rule for both.
 */
export function areaRoute(path: string, route: Omit<Route, 'path'>): Route {
  const area = navigationArea(path);
  return { path, title: area.label, canMatch: [accessGuard(area.roles)], ...route };
}
