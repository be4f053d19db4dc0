import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';

import { routes } from './app.routes';
import { sessionExpiredInterceptor } from './core/auth/auth.interceptor';
import { AuthStore } from './core/auth/auth.store';
import { PageTitleStrategy } from './core/layout/page-title.strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // The XSRF interceptor is on by default: it copies the XSRF-TOKEN cookie into the
    // X-XSRF-TOKEN header of every POST, PATCH and DELETE to a relative URL (all of /api).
    provideHttpClient(withFetch(), withInterceptors([sessionExpiredInterceptor])),
    provideRouter(routes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: PageTitleStrategy },
    // Who is signed in, and whether this is a demo (its banner), are known before the first page
    // renders, so neither the menu nor the page below the banner moves. index.html has already
    // asked for both.
    provideAppInitializer(async () => {
      const auth = inject(AuthStore);
      await Promise.all([auth.ensureLoaded(), auth.loadConfig()]);
    }),
  ],
};
