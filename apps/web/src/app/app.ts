import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { PRODUCT_NAME } from '@licensregistret/domain';

import { SIGN_IN_PATH } from './core/auth/auth.guard';
import { AuthStore } from './core/auth/auth.store';
import { StatusLine } from './core/health/status-line';
import { areasFor } from './core/layout/navigation';

@Component({
  selector: 'lr-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, StatusLine],
  templateUrl: './app.html',
  styleUrl: './app.css',
})
export class App {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly productName = PRODUCT_NAME;
  protected readonly user = this.auth.user;
  /** Only the areas the signed-in roles may use. */
  protected readonly areas = computed(() => areasFor(this.auth.roles()));

  protected async signOut(): Promise<void> {
    await this.auth.signOut();
    await this.router.navigateByUrl(SIGN_IN_PATH);
  }
}
