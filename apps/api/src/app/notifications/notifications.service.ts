import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type {
  Notification,
  NotificationKind,
  NotificationPage,
  ReviewKind,
} from '@licensregistret/domain';

import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.provider';
import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { type PageQueryDto, pageOf } from '../common/list-params';

/** Who is told: accounts by id, and by role or unit (resolved to active accounts in SQL). */
export interface Recipients {
  accountIds?: string[];
  /** Every active account with this role. */
  role?: string;
  /** Each unit's principal and every active principal acting for one of the units. */
  principalsOfUnits?: string[];
}

export interface NewNotification {
  kind: NotificationKind;
  subject: string;
  body: string;
  requestId: string | null;
  /** With `reviewKind`: links to the service's review form of that kind. */
  serviceId?: string | null;
  reviewKind?: ReviewKind | null;
  /** Not told about their own move. */
  exceptAccountId?: string;
}

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  subject: string;
  body: string;
  request_id: string | null;
  service_id: string | null;
  review_kind: ReviewKind | null;
  created_at: Date;
  read_at: Date | null;
}

const toNotification = (row: NotificationRow): Notification => ({
  id: row.id,
  kind: row.kind,
  subject: row.subject,
  body: row.body,
  requestId: row.request_id,
  serviceId: row.service_id,
  reviewKind: row.review_kind,
  createdAt: row.created_at.toISOString(),
  readAt: row.read_at?.toISOString() ?? null,
});

/**
 * The outbox: a notification is written in the same transaction as what it tells of, shown in
 * the recipient's UI, and (when SMTP is configured) delivered by e-mail by the OutboxSender.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async notify(
    manager: EntityManager,
    recipients: Recipients,
    notification: NewNotification,
  ): Promise<number> {
    const rows = (await manager.query(
      `INSERT INTO notification (recipient_id, kind, subject, body, request_id, service_id, review_kind,
                                 email_to, email_state)
       SELECT a.id, $5, $6, $7, $8, $11, $12, nullif(a.email, ''),
              CASE WHEN $9 AND a.email <> '' THEN 'PENDING' ELSE 'NONE' END
         FROM account a
        WHERE a.active AND a.id IS DISTINCT FROM $10::uuid
          AND (a.id = ANY ($1::uuid[])
               OR $2 = ANY (a.roles)
               OR ('PRINCIPAL' = ANY (a.roles) AND EXISTS (
                     SELECT 1 FROM account_school_unit au
                      WHERE au.account_id = a.id AND au.school_unit_id = ANY ($3::uuid[])))
               OR a.id IN (SELECT principal_id FROM school_unit WHERE id = ANY ($4::uuid[])))
       RETURNING id`,
      [
        recipients.accountIds ?? [],
        recipients.role ?? null,
        recipients.principalsOfUnits ?? [],
        recipients.principalsOfUnits ?? [],
        notification.kind,
        notification.subject,
        notification.body,
        notification.requestId,
        this.config.mail !== null,
        notification.exceptAccountId ?? null,
        notification.serviceId ?? null,
        notification.reviewKind ?? null,
      ],
    )) as { id: string }[];
    return rows.length;
  }

  async list(actor: Actor, query: PageQueryDto & { unread?: boolean }): Promise<NotificationPage> {
    const { offset, limit } = pageOf(query);
    const unreadOnly = query.unread === true;
    const [rows, [counts]] = await Promise.all([
      this.dataSource.query(
        `SELECT id, kind, subject, body, request_id, service_id, review_kind, created_at, read_at
           FROM notification
          WHERE recipient_id = $1 AND (NOT $2 OR read_at IS NULL)
          ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
        [actor.id, unreadOnly, limit, offset],
      ) as Promise<NotificationRow[]>,
      this.dataSource.query(
        `SELECT count(*) FILTER (WHERE NOT $2 OR read_at IS NULL)::int AS total,
                count(*) FILTER (WHERE read_at IS NULL)::int AS unread
           FROM notification WHERE recipient_id = $1`,
        [actor.id, unreadOnly],
      ) as Promise<{ total: number; unread: number }[]>,
    ]);
    return {
      rows: rows.map(toNotification),
      total: query.withTotal === false ? null : counts.total,
      unread: counts.unread,
    };
  }

  async markRead(actor: Actor, id: string): Promise<Notification> {
    const [rows] = (await this.dataSource.query(
      `UPDATE notification SET read_at = coalesce(read_at, now())
        WHERE id = $1 AND recipient_id = $2
        RETURNING id, kind, subject, body, request_id, service_id, review_kind, created_at, read_at`,
      [id, actor.id],
    )) as [NotificationRow[], number];
    if (!rows[0]) throw AppException.notFound('The notification');
    return toNotification(rows[0]);
  }

  async markAllRead(actor: Actor): Promise<{ updated: number }> {
    const [, updated] = (await this.dataSource.query(
      `UPDATE notification SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL`,
      [actor.id],
    )) as [unknown, number];
    return { updated };
  }
}
