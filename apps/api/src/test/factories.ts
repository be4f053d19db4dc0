import { hash } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

import {
  type NetworkGroup,
  type Role,
  type SchoolForm,
  luhnCheckDigit,
} from '@licensregistret/domain';

/** Test data written straight to the run's database, with unique names so tests never collide. */
let pool: Pool | undefined;

export function testDatabase(): Pool {
  pool ??= new Pool({ connectionString: process.env['DATABASE_URL'], max: 4 });
  return pool;
}

export async function closeTestDatabase(): Promise<void> {
  await pool?.end();
  pool = undefined;
}

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

/** Eight digits unlikely to be taken by another test. */
export function uniqueUnitCode(): string {
  return String(10_000_000 + Math.floor(Math.random() * 89_999_999));
}

/** A valid Swedish organisation number (Luhn check digit) unlikely to be taken. */
export function uniqueOrganisationNumber(): string {
  const body = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
  return `${body.slice(0, 6)}-${body.slice(6)}${luhnCheckDigit(body)}`;
}

export async function createTestAdministration(): Promise<string> {
  const db = testDatabase();
  const [municipality] = (
    await db.query(`INSERT INTO municipality (name) VALUES ($1) RETURNING id`, [
      unique('Testkommun'),
    ])
  ).rows;
  const [administration] = (
    await db.query(
      `INSERT INTO administration (municipality_id, name) VALUES ($1, $2) RETURNING id`,
      [municipality.id, 'Förvaltning förskola och skola'],
    )
  ).rows;
  return administration.id as string;
}

export interface TestUnit {
  id: string;
  name: string;
  code: string | null;
  administrationId: string;
}

export async function createTestUnit(
  overrides: Partial<{
    name: string;
    code: string | null;
    schoolForms: SchoolForm[];
    compulsoryStages: string[];
    pupilCount: number;
    networkGroup: NetworkGroup;
    administrationId: string;
  }> = {},
): Promise<TestUnit> {
  const administrationId = overrides.administrationId ?? (await createTestAdministration());
  const unit = {
    name: overrides.name ?? unique('Testskolan'),
    code: overrides.code === undefined ? uniqueUnitCode() : overrides.code,
    schoolForms: overrides.schoolForms ?? ['GR'],
    compulsoryStages: overrides.compulsoryStages ?? ['7-9'],
    pupilCount: overrides.pupilCount ?? 300,
    networkGroup: overrides.networkGroup ?? 'Norr',
  };
  const [row] = (
    await testDatabase().query(
      `INSERT INTO school_unit (administration_id, name, code, school_forms, compulsory_stages, pupil_count, network_group)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        administrationId,
        unit.name,
        unit.code,
        unit.schoolForms,
        unit.compulsoryStages,
        unit.pupilCount,
        unit.networkGroup,
      ],
    )
  ).rows;
  return { id: row.id as string, name: unit.name, code: unit.code, administrationId };
}

export const TEST_PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;

export interface TestAccount {
  id: string;
  username: string;
  password: string;
  roles: Role[];
}

export async function createTestAccount(
  roles: Role[],
  options: { units?: string[]; active?: boolean; email?: string } = {},
): Promise<TestAccount> {
  passwordHash ??= hash(TEST_PASSWORD);
  const username = unique(roles.join('-').toLowerCase().replace(/_/g, '.'));
  const [row] = (
    await testDatabase().query(
      `INSERT INTO account (username, display_name, email, roles, password_hash, active)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        username,
        `Test ${username}`,
        options.email ?? `${username}@test.example`,
        roles,
        await passwordHash,
        options.active ?? true,
      ],
    )
  ).rows;
  for (const unitId of options.units ?? []) {
    await testDatabase().query(
      `INSERT INTO account_school_unit (account_id, school_unit_id) VALUES ($1, $2)`,
      [row.id, unitId],
    );
  }
  return { id: row.id as string, username, password: TEST_PASSWORD, roles };
}
