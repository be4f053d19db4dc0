import { hash } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

import {
  type NetworkGroup,
  type Role,
  type SchoolForm,
  luhnCheckDigit,
  municipalitySlug,
} from '@licensregistret/domain';

import { TEST_MUNICIPALITY } from './test-databases';

/** A municipality of a test database: TEST_MUNICIPALITY, or one a test made. */
export interface TestMunicipality {
  id: string;
  name: string;
  slug: string;
}

/**
 * Test data written straight to the run's database (as its owner, outside row-level security),
 * with unique names so tests never collide. Rows are the fixture municipality's (their
 * `municipality_id` default): TEST_MUNICIPALITY's unless `inMunicipality` says otherwise.
 */
const pools = new Map<string, Pool>();
let fixtureMunicipality: TestMunicipality = TEST_MUNICIPALITY;

export function testDatabase(): Pool {
  const { id } = fixtureMunicipality;
  let pool = pools.get(id);
  if (!pool) {
    pool = new Pool({
      connectionString: process.env['DATABASE_URL'],
      max: 4,
      options: `-c app.municipality_id=${id}`,
    });
    pools.set(id, pool);
  }
  return pool;
}

export async function closeTestDatabase(): Promise<void> {
  const open = [...pools.values()];
  pools.clear();
  await Promise.all(open.map((pool) => pool.end()));
}

/** A second (third …) municipality of the test database. */
export async function createTestMunicipality(
  name = unique('Testkommun'),
): Promise<TestMunicipality> {
  const slug = municipalitySlug(name);
  const [row] = (
    await testDatabase().query(
      `INSERT INTO municipality (name, slug) VALUES ($1, $2) RETURNING id`,
      [name, slug],
    )
  ).rows;
  return { id: row.id as string, name, slug };
}

/** Runs `work` with the fixtures writing `municipality`'s rows (see testDatabase). */
export async function inMunicipality<T>(
  municipality: TestMunicipality,
  work: () => Promise<T>,
): Promise<T> {
  const previous = fixtureMunicipality;
  fixtureMunicipality = municipality;
  try {
    return await work();
  } finally {
    fixtureMunicipality = previous;
  }
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

/** An administration of the fixture municipality. */
export async function createTestAdministration(): Promise<string> {
  const [administration] = (
    await testDatabase().query(`INSERT INTO administration (name) VALUES ($1) RETURNING id`, [
      unique('Förvaltning förskola och skola'),
    ])
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
  /** Its municipality's slug, which signing in names. */
  municipality: string;
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
  return {
    id: row.id as string,
    municipality: fixtureMunicipality.slug,
    username,
    password: TEST_PASSWORD,
    roles,
  };
}

/** A supplier of the fixture municipality (another's may have the same organisation number). */
export async function createTestSupplier(
  name = unique('Leverantör AB'),
  organisationNumber = uniqueOrganisationNumber(),
): Promise<{ id: string; name: string; organisationNumber: string }> {
  const [row] = (
    await testDatabase().query(
      `INSERT INTO supplier (name, organisation_number) VALUES ($1, $2) RETURNING id`,
      [name, organisationNumber],
    )
  ).rows;
  return { id: row.id as string, name, organisationNumber };
}

export async function createTestService(
  supplierId: string,
  overrides: Partial<{ name: string; catalogueStatus: string; schoolForms: SchoolForm[] }> = {},
): Promise<{ id: string; name: string }> {
  const name = overrides.name ?? unique('Tjänst');
  const [row] = (
    await testDatabase().query(
      `INSERT INTO digital_service (name, supplier_id, category, school_forms, sign_in_method, personal_data,
         data_location, catalogue_status)
       VALUES ($1, $2, 'LEARNING_MATERIAL', $3, 'FEDERATION', 'PUPILS_ORDINARY', 'SWEDEN', $4) RETURNING id`,
      [name, supplierId, overrides.schoolForms ?? ['GR'], overrides.catalogueStatus ?? 'APPROVED'],
    )
  ).rows;
  return { id: row.id as string, name };
}

/** A valid body for POST /api/agreements; override what a test is about. */
export function agreementBody(
  supplierId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    supplierId,
    agreementNumber: unique('AV'),
    caseNumber: 'Bou 2026/00123',
    procurementRoute: 'FRAMEWORK',
    frameworkName: 'Adda Digitala läromedel 2023',
    callOffReference: 'AVROP-1',
    signedOn: '2026-01-10',
    startsOn: '2026-02-01',
    endsOn: '2028-01-31',
    extensionOptions: 2,
    extensionMonths: 12,
    extensionOptionsUsed: 0,
    nextExtensionDecisionBy: null,
    noticePeriodMonths: 6,
    internalLeadDays: 60,
    renewsAutomatically: false,
    annualCost: 120000.5,
    costModel: 'PER_PUPIL',
    ownerId: null,
    scopeSchoolForms: [],
    dataProcessingAgreement: {
      signed: true,
      signedOn: '2026-01-10',
      subProcessors: ['Hosting AB'],
    },
    documents: [{ title: 'Avtal', url: 'https://dokument.example/avtal.pdf' }],
    followsId: null,
    terminatedOn: null,
    ...overrides,
  };
}
