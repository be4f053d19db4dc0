import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { Page, Supplier } from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { rethrowConstraintViolation } from '../common/database-errors';
import { EventLogService, changedFields } from '../common/event-log.service';
import { escapeLike, pageOf, parseSort, totalUnlessKnown } from '../common/list-params';
import { definedOnly } from '../common/patch';
import type {
  CreateSupplierDto,
  SupplierListQueryDto,
  UpdateSupplierDto,
} from './dto/supplier.dto';

const FIELDS = ['name', 'organisationNumber', 'contactName', 'contactEmail', 'webAddress'] as const;
const CONSTRAINT_FIELDS = { supplier_organisation_number_key: 'organisationNumber' };

interface SupplierRow {
  id: string;
  name: string;
  organisation_number: string;
  contact_name: string | null;
  contact_email: string | null;
  web_address: string | null;
  version: number;
}

const toSupplier = (row: SupplierRow): Supplier => ({
  id: row.id,
  name: row.name,
  organisationNumber: row.organisation_number,
  contactName: row.contact_name,
  contactEmail: row.contact_email,
  webAddress: row.web_address,
  version: row.version,
});

@Injectable()
export class SuppliersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventLogService,
  ) {}

  async list(query: SupplierListQueryDto): Promise<Page<Supplier>> {
    const { offset, limit } = pageOf(query);
    const sort = parseSort<'name' | 'organisationNumber'>(query.sort, {
      column: 'name',
      direction: 'asc',
    });
    const column = sort.column === 'name' ? 'name' : 'organisation_number';
    const where = `WHERE ($1::text IS NULL OR name ILIKE '%' || $1 || '%' OR organisation_number LIKE $1 || '%')`;
    const parameters = [query.q ? escapeLike(query.q.trim()) : null];
    const [rows, total] = await Promise.all([
      this.dataSource.query(
        `SELECT * FROM supplier ${where} ORDER BY ${column} ${sort.direction === 'desc' ? 'DESC' : 'ASC'}, id
         LIMIT $2 OFFSET $3`,
        [...parameters, limit, offset],
      ) as Promise<SupplierRow[]>,
      totalUnlessKnown(query, () =>
        this.dataSource.query(`SELECT count(*)::int AS total FROM supplier ${where}`, parameters),
      ),
    ]);
    return { rows: rows.map(toSupplier), total };
  }

  /** Every supplier by name, for the export. */
  async exportRows(): Promise<Supplier[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM supplier ORDER BY name, organisation_number`,
    )) as SupplierRow[];
    return rows.map(toSupplier);
  }

  async get(id: string): Promise<Supplier> {
    const [row] = (await this.dataSource.query(`SELECT * FROM supplier WHERE id = $1`, [
      id,
    ])) as SupplierRow[];
    if (!row) throw AppException.notFound('The supplier');
    return toSupplier(row);
  }

  /** Whether a supplier exists, read within the caller's transaction. */
  async exists(manager: EntityManager, id: string): Promise<boolean> {
    const rows = (await manager.query(`SELECT 1 FROM supplier WHERE id = $1`, [id])) as unknown[];
    return rows.length > 0;
  }

  /**
   * The supplier with this organisation number, created under `name` in the caller's transaction
   * when there is none; a 409 naming `field` when another supplier already has that name.
   */
  async findOrCreateByOrganisationNumber(
    manager: EntityManager,
    actor: Actor,
    supplier: { organisationNumber: string; name: string },
    field: string,
  ): Promise<string> {
    const [existing] = (await manager.query(
      `SELECT id FROM supplier WHERE organisation_number = $1`,
      [supplier.organisationNumber],
    )) as { id: string }[];
    if (existing) return existing.id;
    const [created] = (await manager.query(
      `INSERT INTO supplier (name, organisation_number) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING id`,
      [supplier.name, supplier.organisationNumber],
    )) as { id: string }[];
    if (!created) {
      throw new AppException('DUPLICATE', 'Another supplier already has that name.', {
        errors: [{ field, messages: ['a supplier of that name exists: choose it'] }],
      });
    }
    await this.events.record(manager, {
      actorId: actor.id,
      subjectType: 'supplier',
      subjectId: created.id,
      kind: 'created',
      changes: {
        name: { old: null, new: supplier.name },
        organisationNumber: { old: null, new: supplier.organisationNumber },
      },
    });
    return created.id;
  }

  async create(actor: Actor, body: CreateSupplierDto): Promise<Supplier> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager
        .query(
          `INSERT INTO supplier (name, organisation_number, contact_name, contact_email, web_address)
           VALUES ($1, $2, $3, $4, $5) RETURNING *`,
          [
            body.name,
            body.organisationNumber,
            body.contactName ?? null,
            body.contactEmail ?? null,
            body.webAddress ?? null,
          ],
        )
        .catch((error: unknown) =>
          rethrowConstraintViolation(error, CONSTRAINT_FIELDS),
        )) as SupplierRow[];
      const supplier = toSupplier(row as SupplierRow);
      await this.events.record(manager, {
        actorId: actor.id,
        subjectType: 'supplier',
        subjectId: supplier.id,
        kind: 'created',
        changes: changedFields(null, supplier, FIELDS),
      });
      return supplier;
    });
  }

  async update(actor: Actor, id: string, body: UpdateSupplierDto): Promise<Supplier> {
    return this.dataSource.transaction(async (manager) => {
      const [current] = (await manager.query(`SELECT * FROM supplier WHERE id = $1 FOR UPDATE`, [
        id,
      ])) as SupplierRow[];
      if (!current) throw AppException.notFound('The supplier');
      const before = toSupplier(current);
      if (before.version !== body.version) throw AppException.staleVersion(before);
      const next = { ...before, ...definedOnly(body) };
      const [[row]] = (await manager
        .query(
          `UPDATE supplier SET name = $2, organisation_number = $3, contact_name = $4, contact_email = $5,
                  web_address = $6, version = version + 1, updated_at = now()
            WHERE id = $1 RETURNING *`,
          [
            id,
            next.name,
            next.organisationNumber,
            next.contactName,
            next.contactEmail,
            next.webAddress,
          ],
        )
        .catch((error: unknown) => rethrowConstraintViolation(error, CONSTRAINT_FIELDS))) as [
        SupplierRow[],
        number,
      ];
      const supplier = toSupplier(row as SupplierRow);
      await this.events.record(manager, {
        actorId: actor.id,
        subjectType: 'supplier',
        subjectId: id,
        kind: 'updated',
        changes: changedFields(before, supplier, FIELDS),
      });
      return supplier;
    });
  }
}
