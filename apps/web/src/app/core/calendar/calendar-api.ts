import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { CalendarFeed } from '@licensregistret/domain';

export const CALENDAR_FEED_URL = '/api/calendar/feed';

/** The signed-in person's calendar feed of deadlines: whether it is shared, a new address, revoking. */
@Injectable({ providedIn: 'root' })
export class CalendarApi {
  private readonly http = inject(HttpClient);

  /** Whether a feed is active; never the address (`path` is null). */
  status(): Observable<CalendarFeed> {
    return this.http.get<CalendarFeed>(CALENDAR_FEED_URL);
  }

  /** A new secret address, in this answer only; any earlier address stops working. */
  create(): Observable<CalendarFeed> {
    return this.http.post<CalendarFeed>(CALENDAR_FEED_URL, {});
  }

  /** Stops sharing: the address stops working. */
  revoke(): Observable<void> {
    return this.http.delete<void>(CALENDAR_FEED_URL);
  }
}
