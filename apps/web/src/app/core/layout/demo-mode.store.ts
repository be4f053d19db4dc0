import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { AuthApi } from '../auth/auth-api';

/**
 * Whether the server runs in demo mode (its demo accounts share a password it shows), read once
 * from `/api/auth/config` when the app starts, for the "Demoläge" banner on every page. It stays
 * off when the answer does not come: a banner that is missing is the lesser error.
 */
@Injectable({ providedIn: 'root' })
export class DemoModeStore {
  private readonly api = inject(AuthApi);
  private readonly demo$ = signal(false);
  private loading: Promise<void> | null = null;

  readonly demo = this.demo$.asReadonly();

  load(): Promise<void> {
    this.loading ??= firstValueFrom(this.api.config()).then(
      (config) => this.demo$.set(config.demoPassword !== null),
      () => this.demo$.set(false),
    );
    return this.loading;
  }
}
