import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { type Notification, countedTotal } from '@licensregistret/domain';

import { NotificationsApi } from '../core/notifications/notifications-api';
import { UnreadCountStore } from '../core/notifications/unread-count.store';

export const NOTIFICATION_PAGE_SIZE = 50;

export interface NotificationsState {
  status: 'loading' | 'loaded' | 'failed';
  rows: Notification[];
  total: number;
  unread: number;
  loadingMore: boolean;
}

/** The signed-in person's notifications, newest first, and marking them read. */
@Injectable()
export class NotificationsStore {
  private readonly api = inject(NotificationsApi);
  private readonly count = inject(UnreadCountStore);

  private readonly state$ = signal<NotificationsState>({
    status: 'loading',
    rows: [],
    total: 0,
    unread: 0,
    loadingMore: false,
  });
  private readonly marking$ = signal<string | 'ALL' | null>(null);
  private readonly error$ = signal<string | null>(null);

  readonly state = this.state$.asReadonly();
  /** The notification being marked read, or 'ALL'. */
  readonly marking = this.marking$.asReadonly();
  /** Why marking failed, for the page to say. */
  readonly error = this.error$.asReadonly();
  readonly hasMore = computed(() => this.state$().rows.length < this.state$().total);

  async load(): Promise<void> {
    this.state$.update((state) => ({ ...state, status: 'loading', loadingMore: false }));
    try {
      const page = await firstValueFrom(
        this.api.list({ offset: 0, limit: NOTIFICATION_PAGE_SIZE }),
      );
      this.state$.set({
        status: 'loaded',
        rows: page.rows,
        total: countedTotal(page),
        unread: page.unread,
        loadingMore: false,
      });
      this.count.set(page.unread);
    } catch {
      this.state$.set({ status: 'failed', rows: [], total: 0, unread: 0, loadingMore: false });
    }
  }

  async loadMore(): Promise<void> {
    const state = this.state$();
    if (state.status !== 'loaded' || state.loadingMore || !this.hasMore()) return;
    this.state$.update((current) => ({ ...current, loadingMore: true }));
    try {
      const page = await firstValueFrom(
        this.api.list({ offset: state.rows.length, limit: NOTIFICATION_PAGE_SIZE }),
      );
      const known = new Set(state.rows.map((row) => row.id));
      this.state$.update((current) => ({
        ...current,
        rows: [...current.rows, ...page.rows.filter((row) => !known.has(row.id))],
        total: countedTotal(page),
        unread: page.unread,
        loadingMore: false,
      }));
      this.count.set(page.unread);
    } catch {
      this.state$.update((current) => ({ ...current, loadingMore: false }));
      this.error$.set('Fler notiser kunde inte hämtas. Försök igen om en stund.');
    }
  }

  /** Marks one read; true when done. */
  async markRead(id: string): Promise<boolean> {
    const row = this.state$().rows.find((candidate) => candidate.id === id);
    if (!row || row.readAt !== null || this.marking$()) return false;
    this.marking$.set(id);
    this.error$.set(null);
    try {
      const read = await firstValueFrom(this.api.markRead(id));
      this.state$.update((current) => ({
        ...current,
        rows: current.rows.map((candidate) =>
          candidate.id === id
            ? { ...candidate, readAt: read.readAt ?? new Date().toISOString() }
            : candidate,
        ),
        unread: Math.max(0, current.unread - 1),
      }));
      this.count.set(this.state$().unread);
      return true;
    } catch {
      this.error$.set('Notisen kunde inte markeras som läst. Försök igen om en stund.');
      return false;
    } finally {
      this.marking$.set(null);
    }
  }

  /** Marks every notification read; true when done. */
  async markAllRead(): Promise<boolean> {
    if (this.marking$()) return false;
    this.marking$.set('ALL');
    this.error$.set(null);
    try {
      await firstValueFrom(this.api.markAllRead());
      const now = new Date().toISOString();
      this.state$.update((current) => ({
        ...current,
        rows: current.rows.map((row) => (row.readAt ? row : { ...row, readAt: now })),
        unread: 0,
      }));
      this.count.set(0);
      return true;
    } catch {
      this.error$.set('Notiserna kunde inte markeras som lästa. Försök igen om en stund.');
      return false;
    } finally {
      this.marking$.set(null);
    }
  }
}
