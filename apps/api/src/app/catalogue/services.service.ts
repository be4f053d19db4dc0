import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type CatalogueEntry,
  type CatalogueStatus,
  type DataLocation,
  type DecisionOutcome,
  type DigitalService,
  type Page,
  type PersonalDataKind,
  type SchoolForm,
  type ServiceCategory,
  type SignInMethod,
  type UnitLicensed,
  isUnitScoped,
} from '@licensregistret/domain';

import { LICENCE_COVERS_UNIT, licenceInForce } from '../agreements/licence-coverage';
import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { ClockService } from '../common/clock.service';
import { rethrowConstraintViolation } from '../common/database-errors';
import { EventLogService, changedFields } from '../common/event-log.service';
import { escapeLike, pageOf, parseSort, totalUnlessKnown } from '../common/list-params';
import { definedOnly } from '../common/patch';
import type { ExportedService } from './catalogue-export';
import type {
  CatalogueQueryDto,
  CreateServiceDto,
  ServiceListQueryDto,
  UpdateServiceDto,
} from './dto/service.dto';
import { SELECT_SERVICE, type ServiceRow, toService } from './service-rows';

const FIELDS = [
  'name',
  'supplierId',
  'category',
  'description',
  'schoolForms',
  'languages',
  'webAddress',
  'signInMethod',
  'personalData',
  'dataLocation',
  'catalogueStatus',
] as const;

const CONSTRAINT_FIELDS = {
  digital_service_supplier_id_fkey: 'supplierId',
  digital_service_supplier_id_name_key: 'name',
};

/** What schools are offered in the catalogue. */
const APPROVED_STATUSES: readonly CatalogueStatus[] = ['APPROVED', 'APPROVED_WITH_CONDITIONS'];

/** The catalogue status a decision on a request gives the service. */
const STATUS_AFTER_DECISION: Record<DecisionOutcome, CatalogueStatus> = {
  APPROVED: 'APPROVED',
  APPROVED_WITH_CONDITIONS: 'APPROVED_WITH_CONDITIONS',
  REJECTED: 'REJECTED',
};

/** What a decision on a request tells the service. */
export interface ServiceDecision {
  outcome: DecisionOutcome;
  conditions: string;
  publicConditions: string;
  /** The catalogue's description as the specialist wrote it at the decision, if they did. */
  description?: string;
}

/** A new tool as a request describes it, entering the catalogue under review. */
export interface ServiceUnderReview {
  name: string;
  supplierId: string;
  category: ServiceCategory;
  description: string;
  schoolForms: SchoolForm[];
  webAddress: string | null;
  personalData: PersonalDataKind;
  /** Where it came from, for the history: "Från begäran 12". */
  origin: string;
}

const ORDER_BY = { name: 'd.name', category: 'd.category', catalogueStatus: 'd.catalogue_status' };

@Injectable()
export class ServicesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventLogService,
    private readonly clock: ClockService,
  ) {}

  /** Services by filters; `statuses` narrows the catalogue statuses (the schools' view). */
  async list(
    query: ServiceListQueryDto,
    statuses: readonly CatalogueStatus[] | null = query.catalogueStatus
      ? [query.catalogueStatus]
      : null,
  ): Promise<Page<DigitalService>> {
    const { offset, limit } = pageOf(query);
    const sort = parseSort<keyof typeof ORDER_BY>(query.sort, { column: 'name', direction: 'asc' });
    const where = `
      WHERE ($1::text IS NULL OR d.name ILIKE '%' || $1 || '%' OR s.name ILIKE '%' || $1 || '%'
             OR d.description ILIKE '%' || $1 || '%')
        AND ($2::text IS NULL OR d.category = $2)
        AND ($3::text[] IS NULL OR d.catalogue_status = ANY($3))
        AND ($4::text IS NULL OR d.school_forms @> ARRAY[$4::text])
        AND ($5::uuid IS NULL OR d.supplier_id = $5)`;
    const parameters = [
      query.q ? escapeLike(query.q.trim()) : null,
      query.category ?? null,
      statuses,
      query.schoolForm ?? null,
      query.supplierId ?? null,
    ];
    const [rows, total] = await Promise.all([
      this.dataSource.query(
        `${SELECT_SERVICE} ${where}
         ORDER BY ${ORDER_BY[sort.column]} ${sort.direction === 'desc' ? 'DESC' : 'ASC'}, d.name, d.id
         LIMIT $6 OFFSET $7`,
        [...parameters, limit, offset],
      ) as Promise<ServiceRow[]>,
      totalUnlessKnown(query, () =>
        this.dataSource.query(
          `SELECT count(*)::int AS total FROM digital_service d JOIN supplier s ON s.id = d.supplier_id ${where}`,
          parameters,
        ),
      ),
    ]);
    return { rows: rows.map(toService), total };
  }

  /** Every service by name and supplier, with the supplier's organisation number, for the export. */
  async exportRows(): Promise<ExportedService[]> {
    const rows = (await this.dataSource.query(
      `${SELECT_SERVICE.replace('s.name AS supplier_name', 's.name AS supplier_name, s.organisation_number')}
       ORDER BY d.name, s.organisation_number`,
    )) as (ServiceRow & { organisation_number: string })[];
    return rows.map((row) => ({
      ...toService(row),
      supplierOrganisationNumber: row.organisation_number,
    }));
  }

  /** A service; within a transaction when given its manager. */
  get(id: string, manager: EntityManager = this.dataSource.manager): Promise<DigitalService> {
    return this.read(manager, id);
  }

  /** Whether a service exists, read within the caller's transaction. */
  async exists(manager: EntityManager, id: string): Promise<boolean> {
    const rows = (await manager.query(`SELECT 1 FROM digital_service WHERE id = $1`, [
      id,
    ])) as unknown[];
    return rows.length > 0;
  }

  /**
   * A tool a request proposed, entering the catalogue "under review" in the caller's
   * transaction; the supplier's service of the same name (any case) if it already has one.
   * Sign-in and storage are not known yet: the reviews establish them.
   */
  async createUnderReview(
    manager: EntityManager,
    actor: Actor,
    tool: ServiceUnderReview,
  ): Promise<string> {
    const [same] = (await manager.query(
      `SELECT id FROM digital_service WHERE supplier_id = $1 AND lower(name) = lower($2)`,
      [tool.supplierId, tool.name],
    )) as { id: string }[];
    if (same) return same.id;
    const [{ id }] = (await manager.query(
      `INSERT INTO digital_service (name, supplier_id, category, description, school_forms,
                                    web_address, sign_in_method, personal_data, data_location,
                                    catalogue_status)
       VALUES ($1, $2, $3, $4, $5, $6, 'OWN_ACCOUNTS', $7, 'OUTSIDE_EU_EEA', 'UNDER_REVIEW')
       RETURNING id`,
      [
        tool.name,
        tool.supplierId,
        tool.category,
        tool.description,
        tool.schoolForms,
        tool.webAddress,
        tool.personalData,
      ],
    )) as { id: string }[];
    await this.events.record(manager, {
      actorId: actor.id,
      subjectType: 'service',
      subjectId: id,
      kind: 'created',
      message: tool.origin,
      changes: {
        name: { old: null, new: tool.name },
        catalogueStatus: { old: null, new: 'UNDER_REVIEW' },
      },
    });
    return id;
  }

  /**
   * A decision on a request for the service sets its catalogue status and decision date, in the
   * caller's transaction; a rejection only of a service not yet approved (under review). An
   * approval also keeps its conditions (the school's and the public's text) and, when the
   * specialist wrote one, the catalogue's description.
   */
  async recordDecision(
    manager: EntityManager,
    actor: Actor,
    serviceId: string,
    decision: ServiceDecision,
  ): Promise<void> {
    const { outcome } = decision;
    const status = STATUS_AFTER_DECISION[outcome];
    const [before] = (await manager.query(
      `SELECT catalogue_status, conditions, public_conditions, description FROM digital_service
        WHERE id = $1 FOR UPDATE`,
      [serviceId],
    )) as {
      catalogue_status: CatalogueStatus;
      conditions: string;
      public_conditions: string;
      description: string;
    }[];
    if (outcome === 'REJECTED') {
      if (before.catalogue_status !== 'UNDER_REVIEW') return;
      await this.writeDecision(manager, actor, serviceId, { catalogueStatus: status }, before);
      return;
    }
    const description = decision.description?.trim() || before.description;
    await this.writeDecision(
      manager,
      actor,
      serviceId,
      {
        catalogueStatus: status,
        conditions: decision.conditions,
        publicConditions: decision.publicConditions,
        description,
      },
      before,
    );
  }

  private async writeDecision(
    manager: EntityManager,
    actor: Actor,
    serviceId: string,
    after: {
      catalogueStatus: CatalogueStatus;
      conditions?: string;
      publicConditions?: string;
      description?: string;
    },
    before: {
      catalogue_status: CatalogueStatus;
      conditions: string;
      public_conditions: string;
      description: string;
    },
  ): Promise<void> {
    const old = {
      catalogueStatus: before.catalogue_status,
      conditions: before.conditions,
      publicConditions: before.public_conditions,
      description: before.description,
    };
    const next = { ...old, ...definedOnly(after) };
    const changes = changedFields(old, next, [
      'catalogueStatus',
      'conditions',
      'publicConditions',
      'description',
    ]);
    if (Object.keys(changes).length === 0) return;
    await manager.query(
      `UPDATE digital_service SET catalogue_status = $2, conditions = $3, public_conditions = $4,
              description = $5,
              status_decided_on = CASE WHEN catalogue_status = $2 THEN status_decided_on ELSE $6 END,
              version = version + 1, updated_at = now() WHERE id = $1`,
      [
        serviceId,
        next.catalogueStatus,
        next.conditions,
        next.publicConditions,
        next.description,
        this.clock.today(),
      ],
    );
    await this.events.record(manager, {
      actorId: actor.id,
      subjectType: 'service',
      subjectId: serviceId,
      kind: 'updated',
      changes,
    });
  }

  /**
   * What a saved review establishes about the service, in the caller's transaction: the sign-in
   * method (information security) and where the data is kept (data protection), so the catalogue
   * says what the reviewers found.
   */
  async recordReviewFacts(
    manager: EntityManager,
    actor: Actor,
    serviceId: string,
    facts: { signInMethod?: SignInMethod; dataLocation?: DataLocation },
  ): Promise<void> {
    const before = await this.read(manager, serviceId, true);
    const next = { ...before, ...definedOnly(facts) };
    const changes = changedFields(before, next, ['signInMethod', 'dataLocation']);
    if (Object.keys(changes).length === 0) return;
    await manager.query(
      `UPDATE digital_service SET sign_in_method = $2, data_location = $3, version = version + 1,
              updated_at = now() WHERE id = $1`,
      [serviceId, next.signInMethod, next.dataLocation],
    );
    await this.events.record(manager, {
      actorId: actor.id,
      subjectType: 'service',
      subjectId: serviceId,
      kind: 'updated',
      changes,
    });
  }

  /**
   * A request's decision corrected (`to` an outcome) or reopened (`to` null): an approval gives
   * the service its status as a decision does; otherwise the status the old decision gave goes
   * back to rejected or under review, unless another request's approval of the service stands.
   */
  async reconsiderDecision(
    manager: EntityManager,
    actor: Actor,
    serviceId: string,
    requestId: string,
    from: DecisionOutcome,
    to: ServiceDecision | null,
  ): Promise<void> {
    if (to !== null && to.outcome !== 'REJECTED') {
      return this.recordDecision(manager, actor, serviceId, to);
    }
    const status: CatalogueStatus = to === null ? 'UNDER_REVIEW' : 'REJECTED';
    const [before] = (await manager.query(
      `SELECT d.catalogue_status,
              EXISTS (SELECT 1 FROM request r WHERE r.service_id = d.id AND r.id <> $2
                         AND r.state IN ('DECIDED', 'IMPLEMENTED')
                         AND r.decision_outcome IN ('APPROVED', 'APPROVED_WITH_CONDITIONS'))
                AS approved_elsewhere
         FROM digital_service d WHERE d.id = $1 FOR UPDATE OF d`,
      [serviceId, requestId],
    )) as { catalogue_status: CatalogueStatus; approved_elsewhere: boolean }[];
    if (
      before.catalogue_status !== STATUS_AFTER_DECISION[from] ||
      before.catalogue_status === status ||
      (from !== 'REJECTED' && before.approved_elsewhere)
    ) {
      return;
    }
    await manager.query(
      `UPDATE digital_service SET catalogue_status = $2, status_decided_on = $3, version = version + 1,
              updated_at = now() WHERE id = $1`,
      [serviceId, status, status === 'UNDER_REVIEW' ? null : this.clock.today()],
    );
    await this.events.record(manager, {
      actorId: actor.id,
      subjectType: 'service',
      subjectId: serviceId,
      kind: 'updated',
      changes: { catalogueStatus: { old: before.catalogue_status, new: status } },
    });
  }

  private async read(
    manager: EntityManager,
    id: string,
    forUpdate = false,
  ): Promise<DigitalService> {
    const [row] = (await manager.query(
      `${SELECT_SERVICE} WHERE d.id = $1 ${forUpdate ? 'FOR UPDATE OF d' : ''}`,
      [id],
    )) as ServiceRow[];
    if (!row) throw AppException.notFound('The service');
    return toService(row);
  }

  async create(actor: Actor, body: CreateServiceDto): Promise<DigitalService> {
    return this.dataSource.transaction(async (manager) => {
      const [{ id }] = await manager
        .query(
          `INSERT INTO digital_service (name, supplier_id, category, description, school_forms, languages,
             web_address, sign_in_method, personal_data, data_location, catalogue_status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [
            body.name,
            body.supplierId,
            body.category,
            body.description,
            body.schoolForms,
            body.languages ?? [],
            body.webAddress ?? null,
            body.signInMethod,
            body.personalData,
            body.dataLocation,
            body.catalogueStatus,
          ],
        )
        .catch((error: unknown) => rethrowConstraintViolation(error, CONSTRAINT_FIELDS));
      const service = await this.read(manager, id);
      await this.events.record(manager, {
        actorId: actor.id,
        subjectType: 'service',
        subjectId: id,
        kind: 'created',
        changes: changedFields(null, service, FIELDS),
      });
      return service;
    });
  }

  async update(actor: Actor, id: string, body: UpdateServiceDto): Promise<DigitalService> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.read(manager, id, true);
      if (before.version !== body.version) throw AppException.staleVersion(before);
      const next = { ...before, ...definedOnly(body) };
      await manager
        .query(
          `UPDATE digital_service SET name = $2, supplier_id = $3, category = $4, description = $5,
                  school_forms = $6, languages = $7, web_address = $8, sign_in_method = $9,
                  personal_data = $10, data_location = $11, catalogue_status = $12,
                  version = version + 1, updated_at = now()
            WHERE id = $1`,
          [
            id,
            next.name,
            next.supplierId,
            next.category,
            next.description,
            next.schoolForms,
            next.languages,
            next.webAddress,
            next.signInMethod,
            next.personalData,
            next.dataLocation,
            next.catalogueStatus,
          ],
        )
        .catch((error: unknown) => rethrowConstraintViolation(error, CONSTRAINT_FIELDS));
      const service = await this.read(manager, id);
      await this.events.record(manager, {
        actorId: actor.id,
        subjectType: 'service',
        subjectId: id,
        kind: 'updated',
        changes: changedFields(before, service, FIELDS),
      });
      return service;
    });
  }

  /**
   * Approved services as a school browses them, each with the units (the requester's own, or the
   * one asked about) that already have it through a licence in force today. Two queries per page.
   */
  async catalogue(actor: Actor, query: CatalogueQueryDto): Promise<Page<CatalogueEntry>> {
    const approved = await this.list(
      {
        q: query.q,
        category: query.category,
        offset: query.offset,
        limit: query.limit,
        withTotal: query.withTotal,
      },
      APPROVED_STATUSES,
    );
    const unitIds = this.unitsAskedAbout(actor, query.unitId);
    const licensed = await this.licensedUnits(
      approved.rows.map((service) => service.id),
      unitIds,
    );
    return {
      total: approved.total,
      rows: approved.rows.map((service) => ({
        ...service,
        licensedUnits: licensed.get(service.id) ?? [],
      })),
    };
  }

  /** The units a school person asks about: their own, or one of them (404 for another's). */
  unitsAskedAbout(actor: Actor, unitId: string | undefined): string[] {
    const own = actor.schoolUnits.map((unit) => unit.id);
    if (unitId) {
      if (isUnitScoped(actor.roles) && !own.includes(unitId))
        throw AppException.notFound('The school unit');
      return [unitId];
    }
    return own;
  }

  /** Of `unitIds`, those that have each service through a licence in force today. */
  async licensedUnits(
    serviceIds: string[],
    unitIds: string[],
  ): Promise<Map<string, UnitLicensed[]>> {
    const result = new Map<string, UnitLicensed[]>();
    if (serviceIds.length === 0 || unitIds.length === 0) return result;
    const rows: {
      service_id: string;
      unit_id: string;
      unit_name: string;
      agreement_id: string;
      ends_on: string;
    }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (l.service_id, u.id) l.service_id, u.id AS unit_id, u.name AS unit_name,
                a.id AS agreement_id, l.ends_on
           FROM licence l JOIN agreement a ON a.id = l.agreement_id
           JOIN school_unit u ON u.id = ANY($2)
          WHERE l.service_id = ANY($1) AND ${licenceInForce('$3::date')} AND ${LICENCE_COVERS_UNIT}
          ORDER BY l.service_id, u.id, l.ends_on DESC`,
      [serviceIds, unitIds, this.clock.today()],
    );
    for (const row of rows) {
      const list = result.get(row.service_id) ?? [];
      list.push({
        unitId: row.unit_id,
        unitName: row.unit_name,
        agreementId: row.agreement_id,
        endsOn: row.ends_on,
      });
      result.set(row.service_id, list);
    }
    return result;
  }
}
