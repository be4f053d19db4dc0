import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type Administration,
  type Page,
  type SchoolUnit,
  type SchoolUnitSortColumn,
  isUnitScoped,
  schoolFormsProblem,
} from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { rethrowConstraintViolation } from '../common/database-errors';
import { escapeLike, pageOf, parseSort, totalUnlessKnown } from '../common/list-params';
import { definedOnly } from '../common/patch';
import type {
  CreateSchoolUnitDto,
  SchoolUnitListQueryDto,
  UpdateSchoolUnitDto,
} from './dto/school-unit.dto';

const SELECT_UNIT = `
  SELECT u.id, u.administration_id, u.name, u.code, u.school_forms, u.compulsory_stages,
         u.pupil_count, u.network_group, u.principal_id, p.display_name AS principal_name, u.version
    FROM school_unit u LEFT JOIN account p ON p.id = u.principal_id`;

const ORDER_BY: Record<SchoolUnitSortColumn, string> = {
  name: 'u.name',
  code: 'u.code',
  pupilCount: 'u.pupil_count',
  networkGroup: 'u.network_group',
};

/** Which request field a database constraint guards, for 4xx answers that name the field. */
const CONSTRAINT_FIELDS = {
  school_unit_code_key: 'code',
  school_unit_administration_id_fkey: 'administrationId',
  school_unit_principal_id_fkey: 'principalId',
};

interface UnitRow {
  id: string;
  administration_id: string;
  name: string;
  code: string | null;
  school_forms: SchoolUnit['schoolForms'];
  compulsory_stages: SchoolUnit['compulsoryStages'];
  pupil_count: number;
  network_group: SchoolUnit['networkGroup'];
  principal_id: string | null;
  principal_name: string | null;
  version: number;
}

function toSchoolUnit(row: UnitRow): SchoolUnit {
  return {
    id: row.id,
    administrationId: row.administration_id,
    name: row.name,
    code: row.code,
    schoolForms: row.school_forms,
    compulsoryStages: row.compulsory_stages,
    pupilCount: row.pupil_count,
    networkGroup: row.network_group,
    principalId: row.principal_id,
    principalName: row.principal_name,
    version: row.version,
  };
}

/** The unit ids an actor is limited to, or null when the actor sees every unit. */
function scopeOf(actor: Actor): string[] | null {
  return isUnitScoped(actor.roles) ? actor.schoolUnits.map((unit) => unit.id) : null;
}

@Injectable()
export class SchoolUnitsService {
  constructor(private readonly dataSource: DataSource) {}

  async administrations(): Promise<Administration[]> {
    const rows: { id: string; name: string; municipality_name: string }[] =
      await this.dataSource.query(
        `SELECT a.id, a.name, m.name AS municipality_name
         FROM administration a JOIN municipality m ON m.id = a.municipality_id ORDER BY m.name, a.name`,
      );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      municipalityName: row.municipality_name,
    }));
  }

  async list(actor: Actor, query: SchoolUnitListQueryDto): Promise<Page<SchoolUnit>> {
    const { offset, limit } = pageOf(query);
    const sort = parseSort<SchoolUnitSortColumn>(query.sort, { column: 'name', direction: 'asc' });
    const where = `
      WHERE ($1::uuid[] IS NULL OR u.id = ANY($1))
        AND ($2::text IS NULL OR u.name ILIKE '%' || $2 || '%' OR u.code LIKE $2 || '%')
        AND ($3::text IS NULL OR u.network_group = $3)
        AND ($4::text IS NULL OR u.school_forms @> ARRAY[$4::text])`;
    const parameters = [
      scopeOf(actor),
      query.q ? escapeLike(query.q.trim()) : null,
      query.networkGroup ?? null,
      query.schoolForm ?? null,
    ];
    const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
    const [rows, total] = await Promise.all([
      this.dataSource.query(
        `${SELECT_UNIT} ${where}
         ORDER BY ${ORDER_BY[sort.column]} ${direction} NULLS LAST, u.name, u.id
         LIMIT $5 OFFSET $6`,
        [...parameters, limit, offset],
      ) as Promise<UnitRow[]>,
      totalUnlessKnown(query, () =>
        this.dataSource.query(
          `SELECT count(*)::int AS total FROM school_unit u ${where}`,
          parameters,
        ),
      ),
    ]);
    return { rows: rows.map(toSchoolUnit), total };
  }

  async get(actor: Actor, id: string): Promise<SchoolUnit> {
    const scope = scopeOf(actor);
    if (scope && !scope.includes(id)) throw AppException.notFound('The school unit');
    const [row] = (await this.dataSource.query(`${SELECT_UNIT} WHERE u.id = $1`, [
      id,
    ])) as UnitRow[];
    if (!row) throw AppException.notFound('The school unit');
    return toSchoolUnit(row);
  }

  async create(body: CreateSchoolUnitDto): Promise<SchoolUnit> {
    const stages = body.compulsoryStages ?? [];
    this.checkForms(body.schoolForms, stages);
    return this.dataSource.transaction(async (manager) => {
      await this.checkPrincipal(manager, body.principalId ?? null);
      const [{ id }] = await manager
        .query(
          `INSERT INTO school_unit (administration_id, name, code, school_forms, compulsory_stages,
                                    pupil_count, network_group, principal_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [
            body.administrationId,
            body.name,
            body.code ?? null,
            body.schoolForms,
            stages,
            body.pupilCount,
            body.networkGroup,
            body.principalId ?? null,
          ],
        )
        .catch((error: unknown) => rethrowConstraintViolation(error, CONSTRAINT_FIELDS));
      return this.read(manager, id);
    });
  }

  async update(id: string, body: UpdateSchoolUnitDto): Promise<SchoolUnit> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.read(manager, id, true);
      if (current.version !== body.version) throw AppException.staleVersion(current);
      const next = { ...current, ...definedOnly(body) };
      if (
        body.schoolForms &&
        !body.schoolForms.includes('GR') &&
        body.compulsoryStages === undefined
      ) {
        next.compulsoryStages = [];
      }
      this.checkForms(next.schoolForms, next.compulsoryStages);
      if (body.principalId !== undefined) await this.checkPrincipal(manager, body.principalId);
      await manager
        .query(
          `UPDATE school_unit SET administration_id = $2, name = $3, code = $4, school_forms = $5,
                  compulsory_stages = $6, pupil_count = $7, network_group = $8, principal_id = $9,
                  version = version + 1, updated_at = now()
            WHERE id = $1`,
          [
            id,
            next.administrationId,
            next.name,
            next.code ?? null,
            next.schoolForms,
            next.compulsoryStages,
            next.pupilCount,
            next.networkGroup,
            next.principalId ?? null,
          ],
        )
        .catch((error: unknown) => rethrowConstraintViolation(error, CONSTRAINT_FIELDS));
      return this.read(manager, id);
    });
  }

  async remove(id: string): Promise<void> {
    const [, deleted] = (await this.dataSource
      .query(`DELETE FROM school_unit WHERE id = $1`, [id])
      .catch((error: unknown) => {
        if ((error as { driverError?: { code?: string } }).driverError?.code === '23503') {
          throw new AppException(
            'CONFLICT',
            'The school unit is still referred to and cannot be removed.',
          );
        }
        throw error;
      })) as [unknown, number];
    if (!deleted) throw AppException.notFound('The school unit');
  }

  private async read(manager: EntityManager, id: string, forUpdate = false): Promise<SchoolUnit> {
    const [row] = (await manager.query(
      `${SELECT_UNIT} WHERE u.id = $1 ${forUpdate ? 'FOR UPDATE OF u' : ''}`,
      [id],
    )) as UnitRow[];
    if (!row) throw AppException.notFound('The school unit');
    return toSchoolUnit(row);
  }

  private checkForms(
    schoolForms: SchoolUnit['schoolForms'],
    stages: SchoolUnit['compulsoryStages'],
  ): void {
    const problem = schoolFormsProblem(schoolForms, stages);
    if (problem) {
      throw AppException.invalid(
        problem.includes('stage') ? 'compulsoryStages' : 'schoolForms',
        problem,
      );
    }
  }

  private async checkPrincipal(manager: EntityManager, principalId: string | null): Promise<void> {
    if (principalId === null) return;
    const [principal] = await manager.query(
      `SELECT 1 FROM account WHERE id = $1 AND 'PRINCIPAL' = ANY (roles)`,
      [principalId],
    );
    if (!principal) {
      throw AppException.invalid(
        'principalId',
        'principalId must be an account with the PRINCIPAL role',
      );
    }
  }
}
