import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { ListQuery, Notification, NotificationPage } from '@licensregistret/domain';

import { toHttpParams } from '../../shared/http/query-params';

/** The signed-in person's notifications (the same outbox that e-mail is sent from). */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  list(query: ListQuery & { unread?: boolean } = {}): Observable<NotificationPage> {
    return this.http.get<NotificationPage>('/api/notifications', { params: toHttpParams(query) });
  }

  markRead(id: string): Observable<Notification> {
    return this.http.post<Notification>(`/api/notifications/${encodeURIComponent(id)}/read`, {});
  }

  markAllRead(): Observable<{ updated: number }> {
    return this.http.post<{ updated: number }>('/api/notifications/read-all', {});
  }
}
