import type { CalendarFeed } from '@licensregistret/domain';

import { ApiDateTime } from '../../openapi/formats';

/** A person's calendar feed of deadlines. */
export class CalendarFeedDto implements CalendarFeed {
  active!: boolean;
  @ApiDateTime()
  createdAt!: string | null;
  /** `/api/calendar/<secret>/deadlines.ics`, only in the answer that created it. */
  path!: string | null;
}
