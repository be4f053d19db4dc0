import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type {
  CreateLicenceRequest,
  IsoDate,
  Licence,
  Page,
  SchoolForm,
} from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { rethrowConstraintViolation } from '../common/database-errors';
import { EventLogService, changedFields } from '../common/event-log.service';
import { cursorPages } from '../common/export/sql-cursor';
import { pageOf, totalUnlessKnown } from '../common/list-params';
import { definedOnly } from '../common/patch';
import type { ExportedLicence } from './agreement-export';
import type { CreateLicenceDto, LicenceListQueryDto, UpdateLicenceDto } from './dto/licence.dto';

const FIELDS = [
  'scope',
  'schoolForms',
  'units',
  'seatCount',
  'seatsInUse',
  'startsOn',
  'endsOn',
] as const;

const CONSTRAINT_FIELDS = {
  licence_agreement_id_fkey: 'agreementId',
  licence_service_id_fkey: 'serviceId',
};

const SELECT_LICENCE = `
  SELECT l.*, a.agreement_number, d.name AS service_name,
         (SELECT organisation_number FROM supplier WHERE id = a.supplier_id) AS supplier_organisation_number,
         coalesce((SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name)
                     FROM licence_unit lu JOIN school_unit u ON u.id = lu.school_unit_id
                    WHERE lu.licence_id = l.id), '[]') AS units
    FROM licence l
    JOIN agreement a ON a.id = l.agreement_id
    JOIN digital_service d ON d.id = l.service_id`;

interface LicenceRow {
  id: string;
  agreement_id: string;
  agreement_number: string;
  supplier_organisation_number: string;
  service_id: string;
  service_name: string;
  scope: Licence['scope'];
  school_forms: SchoolForm[];
  units: Licence['units'];
  seat_count: number | null;
  seats_in_use: number | null;
  starts_on: IsoDate;
  ends_on: IsoDate;
  version: number;
}

const toLicence = (row: LicenceRow): Licence => ({
  id: row.id,
  agreementId: row.agreement_id,
  agreementNumber: row.agreement_number,
  serviceId: row.service_id,
  serviceName: row.service_name,
  scope: row.scope,
  schoolForms: row.school_forms,
  units: row.units,
  seatCount: row.seat_count,
  seatsInUse: row.seats_in_use,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  version: row.version,
});

const ORDER_BY = 'd.name, l.starts_on, l.id';

/** The list's WHERE on `l`, with its two parameters: one place for the grid and the export. */
function filtered(query: LicenceListQueryDto): { where: string; parameters: unknown[] } {
  return {
    where: `WHERE ($1::uuid IS NULL OR l.agreement_id = $1) AND ($2::uuid IS NULL OR l.service_id = $2)`,
    parameters: [query.agreementId ?? null, query.serviceId ?? null],
  };
}

interface LicenceTerms {
  scope: Licence['scope'];
  schoolForms: SchoolForm[];
  unitIds: string[];
  seatCount: number | null;
  seatsInUse: number | null;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

@Injectable()
export class LicencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventLogService,
  ) {}

  async list(query: LicenceListQueryDto): Promise<Page<Licence>> {
    const { offset, limit } = pageOf(query);
    const { where, parameters } = filtered(query);
    const [rows, total] = await Promise.all([
      this.dataSource.query(`${SELECT_LICENCE} ${where} ORDER BY ${ORDER_BY} LIMIT $3 OFFSET $4`, [
        ...parameters,
        limit,
        offset,
      ]) as Promise<LicenceRow[]>,
      totalUnlessKnown(query, () =>
        this.dataSource.query(`SELECT count(*)::int AS total FROM licence l ${where}`, parameters),
      ),
    ]);
    return { rows: rows.map(toLicence), total };
  }

  /** Every licence of the list's filters, in its order, a page at a time (paging ignored). */
  async *exportPages(query: LicenceListQueryDto): AsyncGenerator<ExportedLicence[]> {
    const { where, parameters } = filtered(query);
    for await (const rows of cursorPages<LicenceRow>(
      this.dataSource,
      `${SELECT_LICENCE} ${where} ORDER BY ${ORDER_BY}`,
      parameters,
    )) {
      yield rows.map((row) => ({
        ...toLicence(row),
        supplierOrganisationNumber: row.supplier_organisation_number,
      }));
    }
  }

  get(id: string): Promise<Licence> {
    return this.read(this.dataSource.manager, id);
  }

  create(actor: Actor, body: CreateLicenceDto): Promise<Licence> {
    return this.dataSource.transaction((manager) => this.createIn(manager, actor, body));
  }

  /** A new licence in the caller's transaction; `message` says where it came from (history). */
  async createIn(
    manager: EntityManager,
    actor: Actor,
    body: CreateLicenceRequest,
    message: string | null = null,
  ): Promise<Licence> {
    const terms = normalised({
      scope: body.scope,
      schoolForms: body.schoolForms ?? [],
      unitIds: body.unitIds ?? [],
      seatCount: body.seatCount ?? null,
      seatsInUse: body.seatsInUse ?? null,
      startsOn: body.startsOn,
      endsOn: body.endsOn,
    });
    await this.check(manager, body.agreementId, terms);
    const [{ id }] = await manager
      .query(
        `INSERT INTO licence (agreement_id, service_id, scope, school_forms, seat_count, seats_in_use, starts_on, ends_on)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          body.agreementId,
          body.serviceId,
          terms.scope,
          terms.schoolForms,
          terms.seatCount,
          terms.seatsInUse,
          terms.startsOn,
          terms.endsOn,
        ],
      )
      .catch((error: unknown) => rethrowConstraintViolation(error, CONSTRAINT_FIELDS));
    await this.setUnits(manager, id, terms.unitIds);
    const licence = await this.read(manager, id);
    await this.events.record(manager, {
      actorId: actor.id,
      subjectType: 'licence',
      subjectId: id,
      kind: 'created',
      changes: changedFields(null, licence, FIELDS),
      message,
    });
    return licence;
  }

  async update(actor: Actor, id: string, body: UpdateLicenceDto): Promise<Licence> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.read(manager, id, true);
      if (before.version !== body.version) throw AppException.staleVersion(before);
      const { version, unitIds, ...changes } = body;
      const terms = normalised({
        ...before,
        unitIds: unitIds ?? before.units.map((unit) => unit.id),
        ...definedOnly(changes),
      } as LicenceTerms);
      await this.check(manager, before.agreementId, terms);
      await manager.query(
        `UPDATE licence SET scope = $2, school_forms = $3, seat_count = $4, seats_in_use = $5,
                starts_on = $6, ends_on = $7, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [
          id,
          terms.scope,
          terms.schoolForms,
          terms.seatCount,
          terms.seatsInUse,
          terms.startsOn,
          terms.endsOn,
        ],
      );
      await this.setUnits(manager, id, terms.unitIds);
      const after = await this.read(manager, id);
      await this.events.record(manager, {
        actorId: actor.id,
        subjectType: 'licence',
        subjectId: id,
        kind: 'updated',
        changes: changedFields(before, after, FIELDS),
      });
      return after;
    });
  }

  private async read(manager: EntityManager, id: string, forUpdate = false): Promise<Licence> {
    const [row] = (await manager.query(
      `${SELECT_LICENCE} WHERE l.id = $1 ${forUpdate ? 'FOR UPDATE OF l' : ''}`,
      [id],
    )) as LicenceRow[];
    if (!row) throw AppException.notFound('The licence');
    return toLicence(row);
  }

  /** The licence's rules, against its agreement: period, scope and seats. */
  private async check(
    manager: EntityManager,
    agreementId: string,
    terms: LicenceTerms,
  ): Promise<void> {
    const [agreement] = (await manager.query(
      `SELECT starts_on, ends_on, scope_school_forms FROM agreement WHERE id = $1 FOR SHARE`,
      [agreementId],
    )) as { starts_on: IsoDate; ends_on: IsoDate; scope_school_forms: SchoolForm[] }[];
    if (!agreement)
      throw AppException.invalid(
        'agreementId',
        'agreementId refers to an agreement that does not exist',
      );
    if (terms.endsOn < terms.startsOn)
      throw AppException.invalid('endsOn', 'endsOn must not be before startsOn');
    if (terms.startsOn < agreement.starts_on) {
      throw AppException.invalid(
        'startsOn',
        `the licence cannot start before its agreement (${agreement.starts_on})`,
      );
    }
    if (terms.endsOn > agreement.ends_on) {
      throw AppException.invalid(
        'endsOn',
        `the licence cannot run past its agreement (${agreement.ends_on})`,
      );
    }
    if (terms.scope === 'SCHOOL_FORMS' && terms.schoolForms.length === 0) {
      throw AppException.invalid('schoolForms', 'a licence for school forms names at least one');
    }
    if (terms.scope === 'UNITS' && terms.unitIds.length === 0) {
      throw AppException.invalid('unitIds', 'a licence for named units names at least one');
    }
    const scope = agreement.scope_school_forms;
    if (scope.length > 0) {
      if (terms.scope === 'MUNICIPALITY') {
        throw AppException.invalid(
          'scope',
          `the agreement covers only ${scope.join(', ')}, not the whole municipality`,
        );
      }
      const outside = terms.schoolForms.filter((form) => !scope.includes(form));
      if (outside.length > 0) {
        throw AppException.invalid(
          'schoolForms',
          `outside the agreement's scope: ${outside.join(', ')}`,
        );
      }
    }
    if (terms.unitIds.length > 0) {
      const units: { id: string; name: string; in_scope: boolean }[] = await manager.query(
        `SELECT id, name, (cardinality($2::text[]) = 0 OR school_forms && $2::text[]) AS in_scope
           FROM school_unit WHERE id = ANY($1)`,
        [terms.unitIds, scope],
      );
      if (units.length !== terms.unitIds.length) {
        throw AppException.invalid('unitIds', 'unitIds names a school unit that does not exist');
      }
      const outside = units.filter((unit) => !unit.in_scope).map((unit) => unit.name);
      if (outside.length > 0) {
        throw AppException.invalid(
          'unitIds',
          `outside the agreement's scope (${scope.join(', ')}): ${outside.join(', ')}`,
        );
      }
    }
    if (
      terms.seatCount !== null &&
      terms.seatsInUse !== null &&
      terms.seatCount < terms.seatsInUse
    ) {
      throw new AppException(
        'CONFLICT',
        `${terms.seatsInUse} seats are in use; the seat count cannot be lower.`,
        {
          errors: [
            {
              field: 'seatCount',
              messages: [`seatCount must be at least the ${terms.seatsInUse} seats in use`],
            },
          ],
        },
      );
    }
  }

  private async setUnits(
    manager: EntityManager,
    licenceId: string,
    unitIds: string[],
  ): Promise<void> {
    await manager.query(`DELETE FROM licence_unit WHERE licence_id = $1`, [licenceId]);
    await manager.query(
      `INSERT INTO licence_unit (licence_id, school_unit_id) SELECT $1, unnest($2::uuid[])`,
      [licenceId, unitIds],
    );
  }
}

/** Keeps only what the scope uses: forms for SCHOOL_FORMS, units for UNITS. */
function normalised(terms: LicenceTerms): LicenceTerms {
  return {
    ...terms,
    schoolForms: terms.scope === 'SCHOOL_FORMS' ? terms.schoolForms : [],
    unitIds: terms.scope === 'UNITS' ? terms.unitIds : [],
  };
}
