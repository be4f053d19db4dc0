import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';

import { PRODUCT_NAME } from '@licensregistret/domain';

import { SIGN_IN_PATH } from './core/auth/auth.guard';
import { AuthStore } from './core/auth/auth.store';
import { StatusLine } from './core/health/status-line';
import { areasFor } from './core/layout/navigation';
import { NOTIFICATIONS_PATH } from './core/notifications/notification-paths';
import { UnreadCountStore } from './core/notifications/unread-count.store';
import { TodoStore } from './home/todo.store';
import { PUBLIC_PATHS } from './public/public-paths';
import { formatInteger } from './shared/format/format';

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
  private readonly unreadCount = inject(UnreadCountStore);
  private readonly todo = inject(TodoStore);

  protected readonly productName = PRODUCT_NAME;
  protected readonly notificationsPath = NOTIFICATIONS_PATH;
  protected readonly publicPaths = PUBLIC_PATHS;
  protected readonly user = this.auth.user;
  /** Only the areas the signed-in roles may use. */
  protected readonly areas = computed(() => areasFor(this.auth.roles()));
  protected readonly unread = this.unreadCount.unread;
  /** How many things wait for the signed-in person ("Att göra"). */
  protected readonly todoCount = computed(() => {
    const list = this.todo.state().list;
    return list?.total ? `${formatInteger(list.total)}${list.totalCapped ? '+' : ''}` : null;
  });
  /** Demo mode shows a banner on every page, signed in or not. */
  protected readonly demo = this.auth.demoMode;
  protected readonly signInPath = SIGN_IN_PATH;
  /** On a narrow screen the menu folds away behind the "Meny" button. */
  protected readonly menuOpen = signal(false);
  private readonly url = signal(this.router.url);
  /** Signed out, a way to sign in from every page but the sign-in page itself. */
  protected readonly showSignIn = computed(
    () => !this.url().split(/[?#]/)[0].startsWith(SIGN_IN_PATH),
  );
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  constructor() {
    if (this.auth.config().kind !== 'loaded') void this.auth.loadConfig();
    // The unread count and the "Att göra" count are asked for when someone signs in, and again
    // as they move between pages (at most every 30 s): a modest poll, no timer of its own.
    effect(() => {
      if (this.user()) {
        void this.unreadCount.refresh();
        void this.todo.refresh();
      } else {
        this.unreadCount.clear();
        this.todo.clear();
      }
    });
    this.router.events
      .pipe(
        filter((event): event is NavigationEnd => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe((event) => {
        this.url.set(event.urlAfterRedirects);
        this.menuOpen.set(false);
        if (!this.user()) return;
        void this.unreadCount.refresh();
        void this.todo.refresh();
      });
  }

  /**
   * Moves focus to the main content without following the link: under `<base href="/">` the
   * bare fragment would navigate to the start page and lose what was typed.
   */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected async signOut(): Promise<void> {
    await this.auth.signOut();
    await this.router.navigateByUrl(SIGN_IN_PATH);
  }
}
