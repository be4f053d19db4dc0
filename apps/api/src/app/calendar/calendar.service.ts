import { Injectable } from '@nestjs/common';
import ical from 'ical-generator';
import { DataSource } from 'typeorm';

import {
  type CalendarFeed,
  type IsoDate,
  PRODUCT_NAME,
  REVIEW_KIND_LABELS,
  REVIEW_ROLE,
  type ReviewKind,
} from '@licensregistret/domain';

import { actForMunicipality } from '../../database/query-scope';
import type { Actor } from '../auth/actor';
import { hashToken, newToken } from '../auth/secret-token';
import { AppException } from '../common/app-exception';
import { ClockService } from '../common/clock.service';
import { revokeCalendarFeed } from './calendar-feed-revocation';

interface Deadline {
  uid: string;
  date: IsoDate;
  summary: string;
  description: string;
}

/**
 * A person's calendar feed: the deadlines they are responsible for, at a secret address they can
 * give Outlook or Google. Only the token's hash is stored; a new token replaces the old one, and
 * revoking deletes it, after which the old address is a 404.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: ClockService,
  ) {}

  async status(actor: Actor): Promise<CalendarFeed> {
    const [row] = (await this.dataSource.query(
      `SELECT created_at FROM calendar_feed WHERE account_id = $1`,
      [actor.id],
    )) as { created_at: Date }[];
    return { active: !!row, createdAt: row?.created_at.toISOString() ?? null, path: null };
  }

  /** A new secret address; any earlier one stops working. */
  async create(actor: Actor): Promise<CalendarFeed> {
    const token = newToken();
    const [row] = (await this.dataSource.query(
      `INSERT INTO calendar_feed (account_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (account_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()
       RETURNING created_at`,
      [actor.id, hashToken(token)],
    )) as { created_at: Date }[];
    return {
      active: true,
      createdAt: row.created_at.toISOString(),
      path: `/api/calendar/${token}/deadlines.ics`,
    };
  }

  async revoke(actor: Actor): Promise<void> {
    await revokeCalendarFeed(this.dataSource.manager, actor.id);
  }

  /** The iCalendar document behind a token, or 404 for an unknown or revoked one. */
  async feed(token: string): Promise<string> {
    // The token says whose feed it is before any municipality is known: a function of the
    // migrations' finds the feed's municipality across row-level security, and nothing else.
    const [found] = (await this.dataSource.query(
      `SELECT calendar_feed_municipality($1) AS municipality_id`,
      [hashToken(token)],
    )) as { municipality_id: string | null }[];
    if (!found?.municipality_id) throw AppException.notFound('The calendar');
    actForMunicipality(found.municipality_id);
    const [owner] = (await this.dataSource.query(
      `SELECT a.id, a.roles, a.display_name FROM calendar_feed f JOIN account a ON a.id = f.account_id
        WHERE f.token_hash = $1 AND a.active`,
      [hashToken(token)],
    )) as { id: string; roles: string[]; display_name: string }[];
    if (!owner) throw AppException.notFound('The calendar');
    const calendar = ical({
      name: `${PRODUCT_NAME}: tidsfrister för ${owner.display_name}`,
      prodId: { company: 'Licensregistret', product: 'Tidsfrister', language: 'SV' },
      ttl: 60 * 60,
    });
    for (const deadline of [
      ...(await this.agreementDeadlines(owner.id, owner.roles.includes('PROCUREMENT'))),
      ...(await this.reviewDeadlines(owner.roles)),
    ]) {
      calendar.createEvent({
        id: deadline.uid,
        start: deadline.date,
        allDay: true,
        summary: deadline.summary,
        description: deadline.description,
      });
    }
    return calendar.toString();
  }

  /**
   * The agreements a person owns, and for procurement those without an owner: the end, and the
   * decision due next. Once notice is given or it was ended early, only the end is left.
   */
  private async agreementDeadlines(accountId: string, procurement: boolean): Promise<Deadline[]> {
    const rows = (await this.dataSource.query(
      `SELECT a.id, a.agreement_number, s.name AS supplier_name, a.renews_automatically,
              a.next_deadline_kind, a.next_deadline, a.ends_on, a.terminated_on IS NOT NULL AS terminated
         FROM agreement a JOIN supplier s ON s.id = a.supplier_id
        WHERE a.signed_on IS NOT NULL AND a.ends_on >= $3::date - 30
          AND (a.owner_id = $1 OR ($2 AND a.owner_id IS NULL))
        ORDER BY a.ends_on, a.id`,
      [accountId, procurement, this.clock.today()],
    )) as {
      id: string;
      agreement_number: string;
      supplier_name: string;
      renews_automatically: boolean;
      next_deadline_kind: 'NOTICE' | 'EXTENSION';
      next_deadline: IsoDate;
      ends_on: IsoDate;
      terminated: boolean;
    }[];
    return rows.flatMap((row) => {
      const name = `avtal ${row.agreement_number} (${row.supplier_name})`;
      const deadlines: Deadline[] = [
        row.terminated
          ? {
              uid: `end-${row.id}-${row.ends_on}@licensregistret`,
              date: row.ends_on,
              summary: `Slutdatum (uppsagt): ${name}`,
              description: `Avtal ${row.agreement_number} med ${row.supplier_name} är uppsagt och upphör.`,
            }
          : {
              uid: `end-${row.id}-${row.ends_on}@licensregistret`,
              date: row.ends_on,
              summary: `Slutdatum: ${name}`,
              description: `Avtal ${row.agreement_number} med ${row.supplier_name} löper ut.`,
            },
      ];
      if (row.terminated) return deadlines;
      if (row.next_deadline_kind === 'EXTENSION') {
        deadlines.push({
          uid: `extension-${row.id}-${row.next_deadline}@licensregistret`,
          date: row.next_deadline,
          summary: `Beslut om förlängning: ${name}`,
          description: `Sista dag att besluta om förlängning av avtal ${row.agreement_number}.`,
        });
      } else if (row.renews_automatically) {
        deadlines.push({
          uid: `notice-${row.id}-${row.next_deadline}@licensregistret`,
          date: row.next_deadline,
          summary: `Sista dag för uppsägning: ${name}`,
          description: `Avtal ${row.agreement_number} förnyas av sig självt om det inte sägs upp senast denna dag.`,
        });
      }
      return deadlines;
    });
  }

  /** For the reviewing roles, when the current reviews of their kind must be redone. */
  private async reviewDeadlines(roles: string[]): Promise<Deadline[]> {
    const kinds = (Object.entries(REVIEW_ROLE) as [ReviewKind, string][])
      .filter(([, role]) => roles.includes(role))
      .map(([kind]) => kind);
    if (kinds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (r.service_id, r.kind) r.id, r.kind, r.redo_by, d.name AS service_name,
                d.catalogue_status
           FROM service_review r JOIN digital_service d ON d.id = r.service_id
          WHERE r.kind = ANY ($1::text[])
          ORDER BY r.service_id, r.kind, r.created_at DESC) current
        WHERE catalogue_status IN ('APPROVED', 'APPROVED_WITH_CONDITIONS', 'UNDER_REVIEW')`,
      [kinds],
    )) as { id: string; kind: ReviewKind; redo_by: IsoDate; service_name: string }[];
    return rows.map((row) => ({
      uid: `review-${row.id}@licensregistret`,
      date: row.redo_by,
      summary: `${REVIEW_KIND_LABELS[row.kind]} görs om: ${row.service_name}`,
      description: `${REVIEW_KIND_LABELS[row.kind]} av ${row.service_name} ska göras om senast denna dag.`,
    }));
  }
}
