import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  type OnInit,
  afterNextRender,
  computed,
  inject,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';

import type { Notification } from '@licensregistret/domain';

import { AuthStore } from '../core/auth/auth.store';
import { CalendarFeedSection } from '../core/calendar/calendar-feed';
import { countText, formatDateTime } from '../shared/format/format';
import { NOTIFICATION_KIND_LABELS, notificationLink } from './notification-labels';
import { NotificationsStore } from './notifications.store';

/**
 * Notiser: what happened to the person's requests and what they need to do, newest first; and at
 * the end, the calendar feed of the person's deadlines.
 */
@Component({
  selector: 'lr-notifications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, CalendarFeedSection],
  providers: [NotificationsStore],
  templateUrl: './notifications.page.html',
  styleUrl: './notifications.page.css',
})
export class NotificationsPage implements OnInit {
  protected readonly store = inject(NotificationsStore);
  private readonly auth = inject(AuthStore);
  private readonly injector = inject(Injector);
  private readonly statusLine = viewChild<ElementRef<HTMLElement>>('statusLine');

  protected readonly items = computed(() => {
    const roles = this.auth.roles();
    return this.store.state().rows.map((notification) => ({
      notification,
      id: notification.id,
      subject: notification.subject,
      body: notification.body,
      kind: NOTIFICATION_KIND_LABELS[notification.kind] ?? notification.kind,
      at: notification.createdAt,
      when: formatDateTime(notification.createdAt),
      unread: notification.readAt === null,
      link: notificationLink(notification, roles),
    }));
  });

  protected readonly statusText = computed(() => {
    const { status, total, unread } = this.store.state();
    switch (status) {
      case 'loading':
        return 'Hämtar notiser …';
      case 'failed':
        return 'Notiserna kunde inte hämtas. Försök igen om en stund.';
      case 'loaded':
        return total === 0
          ? 'Du har inga notiser.'
          : `${countText(total, 'notis', 'notiser')}, ${countText(unread, 'oläst', 'olästa')}.`;
    }
  });

  ngOnInit(): void {
    void this.store.load();
  }

  /** Opening the request counts as reading the notification. */
  protected open(notification: Notification): void {
    if (notification.readAt === null) void this.store.markRead(notification.id);
  }

  protected async markRead(id: string): Promise<void> {
    if (await this.store.markRead(id)) {
      // The button is gone: keep the focus on the notification it belonged to.
      this.focusAfterRender(() => document.getElementById(`notification-${id}`));
    }
  }

  protected async markAllRead(): Promise<void> {
    if (await this.store.markAllRead()) {
      this.focusAfterRender(() => this.statusLine()?.nativeElement ?? null);
    }
  }

  protected loadMore(): Promise<void> {
    return this.store.loadMore();
  }

  private focusAfterRender(target: () => HTMLElement | null): void {
    afterNextRender(() => target()?.focus(), { injector: this.injector });
  }
}
