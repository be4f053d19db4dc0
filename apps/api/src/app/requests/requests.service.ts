import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  type DemandGroup,
  type KeysetPage,
  OPEN_REQUEST_STATES,
  type RequestDetail,
  type RequestEvent,
  type RequestState,
  type RequestSummary,
  isUnitScoped,
} from '@licensregistret/domain';

import { pgPoolOf, withTimestampsAsText } from '../../database/pg-pool';
import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { ClockService } from '../common/clock.service';
import { rethrowConstraintViolation } from '../common/database-errors';
import { EventLogService, changedFields } from '../common/event-log.service';
import { cursorPages } from '../common/export/sql-cursor';
import { type KeyedRow, nextCursorOf } from '../common/keyset';
import { pageOf, totalUnlessKnown } from '../common/list-params';
import { definedOnly } from '../common/patch';
import { HandOffsService } from '../notifications/hand-offs.service';
import type { RequestListQueryDto } from './dto/request-list-query.dto';
import type { CreateRequestDto, JoinRequestDto, UpdateRequestDto } from './dto/request.dto';
import { unitIdsOf } from './request-access';
import { refuseDuplicate, requireWhatChanged } from './request-history';
import { EDITABLE_STATES, RequestReader } from './request-reader.service';
import {
  type RequestEventRow,
  type RequestSummaryRow,
  toContent,
  toRequestEvent,
  toSummary,
} from './request-rows';
import { filtersOf, requestHistorySql, requestRowsSql } from './request-sql';

const CONTENT_FIELDS = [
  'unitId',
  'serviceId',
  'newTool',
  'need',
  'subjects',
  'targetGroup',
  'schoolForms',
  'pupilCount',
  'staffCount',
  'personalData',
  'personalDataDescription',
  'wantedFrom',
] as const;

type ContentField = (typeof CONTENT_FIELDS)[number];

/** The content's fields as the school's form names them, for the history and the principal. */
const CONTENT_FIELD_LABELS: Record<ContentField, string> = {
  unitId: 'skolenhet',
  serviceId: 'verktyg',
  newTool: 'verktyg',
  need: 'behov',
  subjects: 'ämnen',
  targetGroup: 'målgrupp',
  schoolForms: 'skolformer',
  pupilCount: 'antal elever',
  staffCount: 'antal personal',
  personalData: 'personuppgifter',
  personalDataDescription: 'beskrivning av personuppgifterna',
  wantedFrom: 'önskat startdatum',
};

/** "verktyg, antal elever": each label once, in the form's order. */
function fieldList(fields: readonly string[]): string {
  return [
    ...new Set([
      ...CONTENT_FIELDS.filter((field) => fields.includes(field)).map(
        (field) => CONTENT_FIELD_LABELS[field],
      ),
      ...(fields.includes('whatChanged') ? ['vad som har ändrats'] : []),
    ]),
  ].join(', ');
}

const CONSTRAINT_FIELDS = {
  request_service_id_fkey: 'serviceId',
  request_unit_id_fkey: 'unitId',
};

/** Requests for digital tools: the school's content, the lists, and a request read in full. */
@Injectable()
export class RequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eventLog: EventLogService,
    private readonly clock: ClockService,
    private readonly reader: RequestReader,
    private readonly handOffs: HandOffsService,
  ) {}

  async list(actor: Actor, query: RequestListQueryDto): Promise<KeysetPage<RequestSummary>> {
    const sql = requestRowsSql(actor, filtersOf(query), this.clock.today());
    const paging = pageOf(query);
    const pool = pgPoolOf(this.dataSource);
    const [{ rows }, total] = await Promise.all([
      pool.query<RequestSummaryRow & KeyedRow>(
        withTimestampsAsText(...sql.page(paging, query.after)),
      ),
      totalUnlessKnown(query, async () => (await pool.query<{ total: number }>(...sql.count)).rows),
    ]);
    return {
      rows: rows.map(toSummary),
      total,
      nextCursor: nextCursorOf(rows, paging.limit, sql.sort),
    };
  }

  /**
   * Every request of the list's filters that the actor may see, in the list's order, a page at
   * a time (paging ignored).
   */
  async *exportPages(actor: Actor, query: RequestListQueryDto): AsyncGenerator<RequestSummary[]> {
    const [text, parameters] = requestRowsSql(actor, filtersOf(query), this.clock.today()).rows;
    for await (const rows of cursorPages<RequestSummaryRow>(this.dataSource, text, parameters)) {
      yield rows.map(toSummary);
    }
  }

  /**
   * Open requests grouped by the tool they ask for, most asked-for first: the units asking, those
   * that joined another unit's request included, and all their pupils.
   */
  async demand(): Promise<DemandGroup[]> {
    const rows = (await this.dataSource.query(
      `SELECT g.*,
              (SELECT count(DISTINCT u)::int FROM unnest(g.unit_ids || coalesce(jj.unit_ids, '{}')) u)
                AS unit_count,
              (g.request_pupils + coalesce(jj.pupils, 0))::int AS pupil_count
         FROM (SELECT r.tool_key, min(r.service_id::text) AS service_id,
                      coalesce(min(d.name), min(r.new_tool_name)) AS tool_name,
                      count(*)::int AS request_count, array_agg(DISTINCT r.unit_id) AS unit_ids,
                      sum(r.pupil_count) AS request_pupils, min(r.submitted_at) AS oldest_submitted_at,
                      array_agg(r.id ORDER BY r.submitted_at) AS request_ids
                 FROM request r LEFT JOIN digital_service d ON d.id = r.service_id
                WHERE r.state = ANY ($1::text[])
                GROUP BY r.tool_key) g
         LEFT JOIN (SELECT o.tool_key, array_agg(DISTINCT j.unit_id) AS unit_ids,
                           sum(j.pupil_count) AS pupils
                      FROM request_join j JOIN request o ON o.id = j.request_id
                     WHERE o.state = ANY ($1::text[])
                     GROUP BY o.tool_key) jj ON jj.tool_key = g.tool_key
        ORDER BY unit_count DESC, pupil_count DESC, g.oldest_submitted_at`,
      [OPEN_REQUEST_STATES],
    )) as {
      service_id: string | null;
      tool_name: string;
      request_count: number;
      unit_count: number;
      pupil_count: number;
      oldest_submitted_at: Date;
      request_ids: string[];
    }[];
    return rows.map((row) => ({
      serviceId: row.service_id,
      toolName: row.tool_name,
      requestCount: row.request_count,
      unitCount: row.unit_count,
      pupilCount: row.pupil_count,
      oldestSubmittedAt: row.oldest_submitted_at.toISOString(),
      requestIds: row.request_ids,
    }));
  }

  /**
   * "Anslut min enhet": a unit joins another unit's open request for the same tool with its own
   * pupils and need, instead of opening a request of its own; the request's decision is told to
   * it too. 409 naming `unitId` when the unit already asks for the tool.
   */
  async join(actor: Actor, id: string, body: JoinRequestDto): Promise<RequestDetail> {
    this.checkUnit(actor, body.unitId);
    return this.dataSource.transaction(async (manager) => {
      const [target] = (await manager.query(
        `SELECT r.id, r.unit_id, r.state, r.service_id, r.new_tool_name, r.number,
                coalesce(d.name, r.new_tool_name) AS tool_name
           FROM request r LEFT JOIN digital_service d ON d.id = r.service_id
          WHERE r.id = $1 FOR UPDATE OF r`,
        [id],
      )) as {
        id: string;
        unit_id: string;
        state: RequestState;
        service_id: string | null;
        new_tool_name: string | null;
        number: number;
        tool_name: string;
      }[];
      if (!target || target.state === 'DRAFT') throw AppException.notFound('The request');
      const conflict = (message: string) =>
        new AppException('CONFLICT', message, {
          errors: [{ field: 'unitId', messages: [message] }],
          extensions: { currentState: target.state },
        });
      if (!OPEN_REQUEST_STATES.includes(target.state)) {
        throw new AppException(
          'CONFLICT',
          `A request in ${target.state} can no longer be joined.`,
          {
            extensions: { currentState: target.state },
          },
        );
      }
      if (target.unit_id === body.unitId) throw conflict('the request is the unit’s own');
      await refuseDuplicate(
        manager,
        body.unitId,
        {
          serviceId: target.service_id,
          newTool: target.service_id
            ? null
            : { name: target.new_tool_name ?? '', supplierName: '', webAddress: '' },
        },
        { field: 'unitId' },
      );
      await manager.query(
        `INSERT INTO request_join (request_id, unit_id, account_id, pupil_count, need)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, body.unitId, actor.id, body.pupilCount, body.need],
      );
      const unitName = actor.schoolUnits.find((unit) => unit.id === body.unitId)?.name ?? '';
      await this.eventLog.record(manager, {
        actorId: actor.id,
        subjectType: 'request',
        subjectId: id,
        kind: 'JOINED',
        fromState: target.state,
        toState: target.state,
        message: `${unitName} anslöt sig till begäran med ${body.pupilCount} elever. Behov: ${body.need}`,
        changes: { joinedUnit: { old: null, new: body.unitId } },
      });
      return this.reader.detail(manager, actor, id);
    });
  }

  async get(actor: Actor, id: string): Promise<RequestDetail> {
    return this.reader.read(actor, id);
  }

  async create(actor: Actor, body: CreateRequestDto): Promise<RequestDetail> {
    this.checkUnit(actor, body.unitId);
    this.checkTool(body.serviceId, body.newTool);
    return this.dataSource.transaction(async (manager) => {
      await requireWhatChanged(manager, body.serviceId, body.whatChanged);
      await refuseDuplicate(manager, body.unitId, body);
      const [{ id }] = (await manager
        .query(
          `INSERT INTO request (unit_id, requester_id, service_id, new_tool_name, new_tool_supplier,
                                new_tool_web_address, need, subjects, target_group, school_forms,
                                pupil_count, staff_count, personal_data, personal_data_description,
                                wanted_from, what_changed, state)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'DRAFT')
           RETURNING id`,
          [
            body.unitId,
            actor.id,
            body.serviceId ?? null,
            body.newTool?.name ?? null,
            body.newTool?.supplierName ?? null,
            body.newTool?.webAddress ?? null,
            body.need,
            body.subjects,
            body.targetGroup,
            body.schoolForms,
            body.pupilCount,
            body.staffCount,
            body.personalData,
            body.personalDataDescription,
            body.wantedFrom ?? null,
            body.whatChanged?.trim() || null,
          ],
        )
        .catch((error: unknown) => rethrowConstraintViolation(error, CONSTRAINT_FIELDS))) as {
        id: string;
      }[];
      await this.eventLog.record(manager, {
        actorId: actor.id,
        subjectType: 'request',
        subjectId: id,
        kind: 'CREATED',
        toState: 'DRAFT',
        changes: {},
      });
      const created = await this.reader.detail(manager, actor, id);
      if (!actor.roles.includes('PRINCIPAL')) {
        await this.handOffs.tell(manager, 'REQUEST_CREATED', {
          actor,
          request: created,
          facts: { number: created.number, toolName: created.toolName, unitName: created.unitName },
        });
      }
      return created;
    });
  }

  async update(actor: Actor, id: string, body: UpdateRequestDto): Promise<RequestDetail> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.reader.readRow(manager, actor, id, true);
      if (row.version !== body.version) throw this.reader.stale(row);
      if (!isUnitScoped(actor.roles) || !unitIdsOf(actor).includes(row.unit_id)) {
        throw new AppException('FORBIDDEN', 'Only the school that made the request edits it.');
      }
      if (!EDITABLE_STATES.includes(row.state)) {
        throw new AppException('CONFLICT', `A request in ${row.state} can no longer be edited.`, {
          extensions: { currentState: row.state, currentVersion: row.version },
        });
      }
      const { version, ...changes } = body;
      const before = toContent(row);
      const after = { ...before, ...definedOnly(changes) };
      if (
        changes.serviceId !== undefined &&
        changes.serviceId !== null &&
        changes.newTool === undefined
      ) {
        after.newTool = null;
      }
      if (
        changes.newTool !== undefined &&
        changes.newTool !== null &&
        changes.serviceId === undefined
      ) {
        after.serviceId = null;
      }
      if (after.unitId !== before.unitId) {
        // The unit's principal endorsed it and the specialists hold it for that unit.
        if (row.state !== 'DRAFT') {
          throw new AppException(
            'CONFLICT',
            'A submitted request stays with its school unit; withdraw it and ask again for the other unit.',
            {
              errors: [
                {
                  field: 'unitId',
                  messages: ['unitId cannot change once the request is submitted'],
                },
              ],
              extensions: { currentState: row.state, currentVersion: row.version },
            },
          );
        }
        this.checkUnit(actor, after.unitId);
      }
      this.checkTool(after.serviceId, after.newTool);
      const whatChanged =
        changes.whatChanged === undefined ? row.what_changed : changes.whatChanged?.trim() || null;
      await requireWhatChanged(manager, after.serviceId, whatChanged);
      const toolOrUnitChanged =
        after.unitId !== before.unitId ||
        after.serviceId !== before.serviceId ||
        (after.newTool?.name ?? null) !== (before.newTool?.name ?? null);
      if (toolOrUnitChanged) await refuseDuplicate(manager, after.unitId, after, { except: id });
      const changed = {
        ...changedFields(before, after, CONTENT_FIELDS),
        ...(whatChanged !== row.what_changed
          ? { whatChanged: { old: row.what_changed, new: whatChanged } }
          : {}),
      };
      // A principal endorses what they read: any change by someone else clears it, before and
      // after submission, and the principal is asked again.
      const clearEndorsement =
        row.endorsed_by !== null && row.endorsed_by !== actor.id && Object.keys(changed).length > 0;
      await manager
        .query(
          `UPDATE request SET unit_id = $2, service_id = $3, new_tool_name = $4, new_tool_supplier = $5,
                  new_tool_web_address = $6, need = $7, subjects = $8, target_group = $9,
                  school_forms = $10, pupil_count = $11, staff_count = $12, personal_data = $13,
                  personal_data_description = $14, wanted_from = $15,
                  endorsed_by = CASE WHEN $16 THEN NULL ELSE endorsed_by END,
                  endorsed_at = CASE WHEN $16 THEN NULL ELSE endorsed_at END,
                  what_changed = $17, version = version + 1, updated_at = now()
            WHERE id = $1`,
          [
            id,
            after.unitId,
            after.serviceId,
            after.newTool?.name ?? null,
            after.newTool?.supplierName ?? null,
            after.newTool?.webAddress ?? null,
            after.need,
            after.subjects,
            after.targetGroup,
            after.schoolForms,
            after.pupilCount,
            after.staffCount,
            after.personalData,
            after.personalDataDescription,
            after.wantedFrom,
            clearEndorsement,
            whatChanged,
          ],
        )
        .catch((error: unknown) => rethrowConstraintViolation(error, CONSTRAINT_FIELDS));
      const changedNames = Object.keys(changed);
      await this.eventLog.record(manager, {
        actorId: actor.id,
        subjectType: 'request',
        subjectId: id,
        kind: 'EDITED',
        fromState: row.state,
        toState: row.state,
        message: clearEndorsement
          ? `Ändrades efter tillstyrkan (${fieldList(changedNames)}). Tillstyrkan av ${row.endorsed_by_name ?? 'rektor'} gäller inte längre; rektor behöver tillstyrka begäran igen.`
          : null,
        changes: clearEndorsement
          ? { ...changed, endorsedBy: { old: row.endorsed_by, new: null } }
          : changed,
      });
      const updated = await this.reader.detail(manager, actor, id);
      if (row.declined_at !== null && row.state === 'DRAFT' && changedNames.length > 0) {
        // The principal declined it; the revised request waits for them again.
        await this.handOffs.tell(manager, 'CHANGED_AFTER_DECLINE', {
          actor,
          request: updated,
          facts: {
            number: updated.number,
            toolName: updated.toolName,
            unitName: updated.unitName,
            changedFields: fieldList(changedNames),
          },
        });
      }
      if (clearEndorsement) {
        await this.handOffs.tell(manager, 'CHANGED_AFTER_ENDORSEMENT', {
          actor,
          request: updated,
          facts: {
            number: updated.number,
            toolName: updated.toolName,
            unitName: updated.unitName,
            changedFields: fieldList(changedNames),
          },
        });
      }
      return updated;
    });
  }

  /** The request's moves and comments, and the reviews of its service made since it was made. */
  async history(actor: Actor, id: string): Promise<RequestEvent[]> {
    const { rows } = await pgPoolOf(this.dataSource).query<RequestEventRow | { id: null }>(
      withTimestampsAsText(...requestHistorySql(actor, id)),
    );
    if (rows.length === 0) throw AppException.notFound('The request');
    return rows[0].id === null ? [] : (rows as RequestEventRow[]).map(toRequestEvent);
  }

  async comment(actor: Actor, id: string, text: string): Promise<RequestEvent> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.reader.readRow(manager, actor, id);
      await this.eventLog.record(manager, {
        actorId: actor.id,
        subjectType: 'request',
        subjectId: id,
        kind: 'COMMENT',
        fromState: row.state,
        toState: row.state,
        message: text,
        changes: {},
      });
      const [event] = (await manager.query(
        `SELECT id::text, occurred_at FROM event WHERE subject_type = 'request' AND subject_id = $1
          ORDER BY id DESC LIMIT 1`,
        [id],
      )) as { id: string; occurred_at: Date }[];
      return {
        id: event.id,
        occurredAt: event.occurred_at.toISOString(),
        actorName: actor.displayName,
        kind: 'COMMENT',
        fromState: row.state,
        toState: row.state,
        text,
        outcome: null,
      };
    });
  }

  private checkUnit(actor: Actor, unitId: string): void {
    if (!unitIdsOf(actor).includes(unitId)) {
      throw new AppException('FORBIDDEN', 'You do not act for that school unit.', {
        errors: [{ field: 'unitId', messages: ['unitId must be a unit you act for'] }],
      });
    }
  }

  private checkTool(serviceId: string | null | undefined, newTool: unknown): void {
    if (!serviceId && !newTool) {
      throw AppException.invalid('serviceId', 'name a catalogue service, or describe a new tool');
    }
    if (serviceId && newTool) {
      throw AppException.invalid('newTool', 'give either a catalogue service or a new tool');
    }
  }
}
