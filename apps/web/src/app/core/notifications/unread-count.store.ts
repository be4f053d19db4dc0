import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { NotificationsApi } from './notifications-api';

/** Navigating asks for the count again at most this often: a modest poll, not a tight one. */
export const UNREAD_REFRESH_MIN_MS = 30_000;

/** How many of the signed-in person's notifications are unread, for the header's link. */
@Injectable({ providedIn: 'root' })
export class UnreadCountStore {
  private readonly api = inject(NotificationsApi);
  private readonly unread$ = signal<number | null>(null);
  private askedAt = Number.NEGATIVE_INFINITY;
  private asking = false;

  /** Null until known (and after signing out). */
  readonly unread = this.unread$.asReadonly();

  /** Asks the API, unless it was asked less than UNREAD_REFRESH_MIN_MS ago (or `force`). */
  async refresh(options: { force?: boolean; now?: number } = {}): Promise<void> {
    const now = options.now ?? Date.now();
    if (this.asking || (!options.force && now - this.askedAt < UNREAD_REFRESH_MIN_MS)) return;
    this.asking = true;
    this.askedAt = now;
    try {
      const page = await firstValueFrom(this.api.list({ offset: 0, limit: 1 }));
      this.unread$.set(page.unread);
    } catch {
      // The header keeps the last count; the next navigation asks again.
    } finally {
      this.asking = false;
    }
  }

  /** The count as a page that read the notifications learnt it. */
  set(unread: number): void {
    this.unread$.set(Math.max(0, unread));
  }

  /** Signed out: nothing to count, and the next person's count is asked for at once. */
  clear(): void {
    this.unread$.set(null);
    this.askedAt = Number.NEGATIVE_INFINITY;
  }
}
