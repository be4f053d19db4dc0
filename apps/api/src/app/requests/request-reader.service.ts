import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type {
  CurrentReviews,
  RequestDetail,
  RequestSnapshot,
  RoutineSettings,
} from '@licensregistret/domain';

import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.provider';
import { pgPoolOf, withTimestampsAsText } from '../../database/pg-pool';
import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { ClockService } from '../common/clock.service';
import {
  EDITABLE_STATES,
  type FullDetailRow,
  requestFullDetailSql,
  snapshotOf,
  toDetail,
} from './request-detail';
import type { DetailRow, RequestRow } from './request-rows';
import { requestDetailSql } from './request-sql';

export { EDITABLE_STATES };

/**
 * Reads one request as an actor may see it, within the caller's transaction: its row (locked for
 * a change), the facts the routine judges it on, and the request in full with the moves the
 * actor may make. What the school's edits (RequestsService) and the routine's moves
 * (RequestMovesService) both need, so neither depends on the other.
 */
@Injectable()
export class RequestReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get settings(): RoutineSettings {
    return { confirmationThreshold: this.config.confirmationThreshold };
  }

  /** The request if the actor may see it (locked for a change when `forUpdate`), else 404. */
  async readRow(
    manager: EntityManager,
    actor: Actor,
    id: string,
    forUpdate = false,
  ): Promise<DetailRow> {
    const [found] = (await manager.query(
      ...requestDetailSql(actor, id, this.clock.today(), forUpdate),
    )) as DetailRow[];
    if (!found) throw AppException.notFound('The request');
    return found;
  }

  /** The request as the actor sees it, with the moves they may make now: one statement. */
  async detail(manager: EntityManager, actor: Actor, id: string): Promise<RequestDetail> {
    const today = this.clock.today();
    const [row] = (await manager.query(
      ...requestFullDetailSql(actor, id, today),
    )) as FullDetailRow[];
    return this.found(row, actor, today);
  }

  /** The same outside a transaction: on the pg pool, its timestamps read as text. */
  async read(actor: Actor, id: string): Promise<RequestDetail> {
    const today = this.clock.today();
    const {
      rows: [row],
    } = await pgPoolOf(this.dataSource).query<FullDetailRow>(
      withTimestampsAsText(...requestFullDetailSql(actor, id, today)),
    );
    return this.found(row, actor, today);
  }

  private found(row: FullDetailRow | undefined, actor: Actor, today: string): RequestDetail {
    if (!row) throw AppException.notFound('The request');
    return toDetail(row, actor, this.settings, today);
  }

  /**
   * A full detail row read by the caller (a move's write reads it back) as the actor sees it;
   * `reviews` when the row's JSON leaves them out.
   */
  toDetail(row: FullDetailRow, actor: Actor, reviews?: CurrentReviews | null): RequestDetail {
    return toDetail(row, actor, this.settings, this.clock.today(), reviews);
  }

  /** The facts the routine judges a move on. */
  snapshotOf(row: RequestRow, reviews: CurrentReviews | null): RequestSnapshot {
    return snapshotOf(row, reviews);
  }

  /** The 409 for a change made on a version someone else has moved on from. */
  stale(row: RequestRow): AppException {
    return new AppException(
      'STALE_VERSION',
      `The request was changed by someone else (now ${row.state}, version ${row.version}); read it again.`,
      { extensions: { currentState: row.state, currentVersion: row.version } },
    );
  }
}
