import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES = [
  'REQUESTER',
  'PRINCIPAL',
  'OBJECT_SPECIALIST',
  'OBJECT_MANAGER',
  'PROCUREMENT',
  'DATA_PROTECTION',
  'INFORMATION_SECURITY',
  'ADMIN',
  'READ_ONLY',
];
const SCHOOL_FORMS = ['FS', 'GR', 'GRS', 'GY', 'GYS', 'VUX'];
const STAGES = ['F-3', '4-6', '7-9'];
const NETWORK_GROUPS = ['Norr', 'Söder', 'Öster', 'Väster', 'Centrum', 'Landsbygd'];

const list = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;

/**
 * Organisation (municipality -> administration -> school unit), accounts with roles and units,
 * server-side sessions, and the record of failed sign-ins used for rate limiting. The code lists
 * are checked here too, so no writer can store a role or school form the product does not know.
 */
export class OrganisationAndAccess1763856000000 implements MigrationInterface {
  name = 'OrganisationAndAccess1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "municipality" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "name" text NOT NULL UNIQUE
      )`);
    await queryRunner.query(`
      CREATE TABLE "administration" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "municipality_id" uuid NOT NULL REFERENCES "municipality" ("id"),
        "name" text NOT NULL,
        UNIQUE ("municipality_id", "name")
      )`);
    await queryRunner.query(`
      CREATE TABLE "account" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "username" text NOT NULL CHECK ("username" ~ '^[a-z0-9._@-]{2,64}$'),
        "display_name" text COLLATE "sv-x-icu" NOT NULL CHECK (length(trim("display_name")) > 0),
        "email" text NOT NULL,
        "roles" text[] NOT NULL CHECK (cardinality("roles") > 0 AND "roles" <@ ${list(ROLES)}),
        "password_hash" text,
        "active" boolean NOT NULL DEFAULT true,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "account_username_key" ON "account" ("username")`);
    await queryRunner.query(`CREATE INDEX "account_email_idx" ON "account" (lower("email"))`);
    await queryRunner.query(
      `CREATE INDEX "account_display_name_idx" ON "account" ("display_name", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "account_roles_idx" ON "account" USING gin ("roles")`);
    await queryRunner.query(`
      CREATE TABLE "school_unit" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "administration_id" uuid NOT NULL REFERENCES "administration" ("id"),
        "name" text COLLATE "sv-x-icu" NOT NULL CHECK (length(trim("name")) > 0),
        "code" text UNIQUE CHECK ("code" ~ '^[0-9]{8}$'),
        "school_forms" text[] NOT NULL
          CHECK (cardinality("school_forms") > 0 AND "school_forms" <@ ${list(SCHOOL_FORMS)}),
        "compulsory_stages" text[] NOT NULL DEFAULT '{}'
          CHECK ("compulsory_stages" <@ ${list(STAGES)}),
        "pupil_count" integer NOT NULL CHECK ("pupil_count" >= 0),
        "network_group" text NOT NULL CHECK ("network_group" = ANY (${list(NETWORK_GROUPS)})),
        "principal_id" uuid REFERENCES "account" ("id") ON DELETE SET NULL,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CHECK (('GR' = ANY ("school_forms")) = (cardinality("compulsory_stages") > 0))
      )`);
    await queryRunner.query(`CREATE INDEX "school_unit_name_idx" ON "school_unit" ("name", "id")`);
    await queryRunner.query(
      `CREATE INDEX "school_unit_group_name_idx" ON "school_unit" ("network_group", "name", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "school_unit_forms_idx" ON "school_unit" USING gin ("school_forms")`,
    );
    await queryRunner.query(
      `CREATE INDEX "school_unit_principal_idx" ON "school_unit" ("principal_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "account_school_unit" (
        "account_id" uuid NOT NULL REFERENCES "account" ("id") ON DELETE CASCADE,
        "school_unit_id" uuid NOT NULL REFERENCES "school_unit" ("id") ON DELETE CASCADE,
        PRIMARY KEY ("account_id", "school_unit_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "account_school_unit_unit_idx" ON "account_school_unit" ("school_unit_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "session" (
        "token_hash" text PRIMARY KEY,
        "account_id" uuid NOT NULL REFERENCES "account" ("id") ON DELETE CASCADE,
        "csrf_token" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_seen_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "session_account_idx" ON "session" ("account_id")`);
    await queryRunner.query(`CREATE INDEX "session_expires_idx" ON "session" ("expires_at")`);
    await queryRunner.query(`
      CREATE TABLE "login_failure" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "username" text NOT NULL,
        "address" text NOT NULL,
        "failed_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "login_failure_username_idx" ON "login_failure" ("username", "failed_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "login_failure_address_idx" ON "login_failure" ("address", "failed_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "oidc_login" (
        "state" text PRIMARY KEY,
        "code_verifier" text NOT NULL,
        "nonce" text NOT NULL,
        "return_to" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'oidc_login',
      'login_failure',
      'session',
      'account_school_unit',
      'school_unit',
      'account',
      'administration',
      'municipality',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
