import type {
  Notification,
  NotificationKind,
  NotificationPage,
  ReviewKind,
} from '@licensregistret/domain';

import { ApiDateTime, ApiUuid } from '../../openapi/formats';

export class NotificationDto implements Notification {
  @ApiUuid()
  id!: string;
  kind!: NotificationKind;
  subject!: string;
  body!: string;
  /** The request it concerns, to link to. */
  @ApiUuid()
  requestId!: string | null;
  /** With `reviewKind`: the link leads to this service's review form of that kind. */
  @ApiUuid()
  serviceId!: string | null;
  reviewKind!: ReviewKind | null;
  @ApiDateTime()
  createdAt!: string;
  @ApiDateTime()
  readAt!: string | null;
}

export class NotificationPageDto implements NotificationPage {
  rows!: NotificationDto[];
  /** Null when asked `withTotal=false`, as for every list. */
  total!: number | null;
  /** The caller's unread notifications, all pages. */
  unread!: number;
}

export class MarkedReadDto {
  /** Notifications marked read. */
  updated!: number;
}
