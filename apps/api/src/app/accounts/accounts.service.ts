import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type Account,
  type AccountSortColumn,
  type Page,
  type Role,
  UNIT_SCOPED_ROLES,
} from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { forgetTrustedDevices } from '../auth/login-throttle.service';
import { PasswordService } from '../auth/password.service';
import { SessionService } from '../auth/session.service';
import { revokeCalendarFeed } from '../calendar/calendar-feed-revocation';
import { AppException } from '../common/app-exception';
import { rethrowConstraintViolation } from '../common/database-errors';
import { escapeLike, pageOf, parseSort, totalUnlessKnown } from '../common/list-params';
import { ACCOUNT_UNITS_JSON } from './account-units.sql';
import type { AccountListQueryDto, CreateAccountDto, UpdateAccountDto } from './dto/account.dto';

const SELECT_ACCOUNT = `
  SELECT a.id, a.username, a.display_name, a.email, a.roles, a.active, a.version,
         ${ACCOUNT_UNITS_JSON} AS school_units
    FROM account a`;

const ORDER_BY: Record<AccountSortColumn, string> = {
  username: 'a.username',
  displayName: 'a.display_name',
  email: 'lower(a.email)',
  active: 'a.active',
};

const CONSTRAINT_FIELDS = { account_username_key: 'username' };

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  email: string;
  roles: Role[];
  active: boolean;
  version: number;
  school_units: Account['schoolUnits'];
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    roles: row.roles,
    schoolUnits: row.school_units,
    active: row.active,
    version: row.version,
  };
}

@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
  ) {}

  async list(query: AccountListQueryDto): Promise<Page<Account>> {
    const { offset, limit } = pageOf(query);
    const sort = parseSort<AccountSortColumn>(query.sort, { column: 'username', direction: 'asc' });
    const where = `
      WHERE ($1::text IS NULL OR a.username ILIKE '%' || $1 || '%'
             OR a.display_name ILIKE '%' || $1 || '%' OR a.email ILIKE '%' || $1 || '%')
        AND ($2::text IS NULL OR a.roles @> ARRAY[$2::text])
        AND ($3::boolean IS NULL OR a.active = $3)`;
    const parameters = [
      query.q ? escapeLike(query.q.trim()) : null,
      query.role ?? null,
      query.active ?? null,
    ];
    const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
    const [rows, total] = await Promise.all([
      this.dataSource.query(
        `${SELECT_ACCOUNT} ${where} ORDER BY ${ORDER_BY[sort.column]} ${direction}, a.username LIMIT $4 OFFSET $5`,
        [...parameters, limit, offset],
      ) as Promise<AccountRow[]>,
      totalUnlessKnown(query, () =>
        this.dataSource.query(`SELECT count(*)::int AS total FROM account a ${where}`, parameters),
      ),
    ]);
    return { rows: rows.map(toAccount), total };
  }

  get(id: string): Promise<Account> {
    return this.read(this.dataSource.manager, id);
  }

  async create(body: CreateAccountDto): Promise<Account> {
    const unitIds = body.schoolUnitIds ?? [];
    this.checkUnitsForRoles(body.roles, unitIds);
    const passwordHash = body.password ? await this.passwords.hash(body.password) : null;
    return this.dataSource.transaction(async (manager) => {
      const [{ id }] = await manager
        .query(
          `INSERT INTO account (username, display_name, email, roles, password_hash)
           VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [body.username, body.displayName, body.email, body.roles, passwordHash],
        )
        .catch((error: unknown) => rethrowConstraintViolation(error, CONSTRAINT_FIELDS));
      await this.setUnits(manager, id, unitIds);
      return this.read(manager, id);
    });
  }

  async update(actor: Actor, id: string, body: UpdateAccountDto): Promise<Account> {
    const passwordHash = body.password ? await this.passwords.hash(body.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const current = await this.read(manager, id, true);
      if (current.version !== body.version) throw AppException.staleVersion(current);
      const roles = body.roles ?? current.roles;
      const unitIds = body.schoolUnitIds ?? current.schoolUnits.map((unit) => unit.id);
      this.checkUnitsForRoles(roles, unitIds);
      if (id === actor.id && (body.active === false || !roles.includes('ADMIN'))) {
        throw new AppException(
          'CONFLICT',
          'You cannot deactivate your own account or take away your own ADMIN role.',
          {
            errors: [
              {
                field: body.active === false ? 'active' : 'roles',
                messages: ['not for your own account'],
              },
            ],
          },
        );
      }
      await manager.query(
        `UPDATE account SET display_name = $2, email = $3, roles = $4, active = $5,
                password_hash = coalesce($6, password_hash), version = version + 1, updated_at = now()
          WHERE id = $1`,
        [
          id,
          body.displayName ?? current.displayName,
          body.email ?? current.email,
          roles,
          body.active ?? current.active,
          passwordHash ?? null,
        ],
      );
      if (body.schoolUnitIds) await this.setUnits(manager, id, unitIds);
      // Deactivation, or a new password, ends every session of the account at once.
      if (body.active === false || passwordHash) await this.sessions.endAllFor(id, manager);
      // Those and a change of roles also revoke its calendar feed's secret address, and a new
      // password its browsers' trust for sign-in (LoginThrottleService).
      const rolesChanged = [...roles].sort().join() !== [...current.roles].sort().join();
      if (body.active === false || passwordHash || rolesChanged) {
        await revokeCalendarFeed(manager, id);
      }
      if (passwordHash) {
        await forgetTrustedDevices(manager, id);
      }
      return this.read(manager, id);
    });
  }

  private checkUnitsForRoles(roles: Role[], unitIds: string[]): void {
    if (roles.some((role) => UNIT_SCOPED_ROLES.includes(role)) && unitIds.length === 0) {
      throw AppException.invalid(
        'schoolUnitIds',
        'requesters and principals act for at least one school unit',
      );
    }
  }

  private async setUnits(
    manager: EntityManager,
    accountId: string,
    unitIds: string[],
  ): Promise<void> {
    const [{ found }] = await manager.query(
      `SELECT count(*)::int AS found FROM school_unit WHERE id = ANY($1)`,
      [unitIds],
    );
    if (found !== unitIds.length) {
      throw AppException.invalid(
        'schoolUnitIds',
        'schoolUnitIds names a school unit that does not exist',
      );
    }
    await manager.query(`DELETE FROM account_school_unit WHERE account_id = $1`, [accountId]);
    await manager.query(
      `INSERT INTO account_school_unit (account_id, school_unit_id) SELECT $1, unnest($2::uuid[])`,
      [accountId, unitIds],
    );
  }

  private async read(manager: EntityManager, id: string, forUpdate = false): Promise<Account> {
    const [row] = (await manager.query(
      `${SELECT_ACCOUNT} WHERE a.id = $1 ${forUpdate ? 'FOR UPDATE OF a' : ''}`,
      [id],
    )) as AccountRow[];
    if (!row) throw AppException.notFound('The account');
    return toAccount(row);
  }
}
