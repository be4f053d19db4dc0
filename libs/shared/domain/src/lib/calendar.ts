/** A person's calendar feed of deadlines. The address holds a secret and is shown only once. */
export interface CalendarFeed {
  active: boolean;
  createdAt: string | null;
  /** `/api/calendar/<secret>/deadlines.ics`, only in the answer that created it. */
  path: string | null;
}
