import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) =>
  `ARRAY[${values.map((value) => `'${value}'`).join(', ')}]::text[]`;

const SCHOOL_FORMS = ['FS', 'GR', 'GRS', 'GY', 'GYS', 'VUX'];
const CATEGORIES = [
  'LEARNING_MATERIAL',
  'ASSISTIVE_TECHNOLOGY',
  'ASSESSMENT_MATERIAL',
  'SKILLS_TRAINING',
  'PREST_SUBJECTS',
  'OFFICE_SUPPORT',
  'ADMINISTRATIVE',
];
const SIGN_IN_METHODS = ['MUNICIPAL_SSO', 'FEDERATION', 'OWN_ACCOUNTS', 'NONE'];
const PERSONAL_DATA = ['NONE', 'PUPILS_ORDINARY', 'SPECIAL_CATEGORIES'];
const DATA_LOCATIONS = ['SWEDEN', 'EU_EEA', 'OUTSIDE_EU_EEA'];
const CATALOGUE_STATUSES = [
  'APPROVED',
  'APPROVED_WITH_CONDITIONS',
  'UNDER_REVIEW',
  'REJECTED',
  'RETIRED',
];
const ROUTES = ['FRAMEWORK', 'DIRECT_AWARD', 'OWN_TENDER'];
const COST_MODELS = ['PER_PUPIL', 'PER_UNIT', 'FLAT'];
const SCOPES = ['MUNICIPALITY', 'SCHOOL_FORMS', 'UNITS'];

/** The last day to give notice, as libs/shared/domain's lastDayToGiveNotice computes it. */
const NOTICE_DEADLINE = `(ends_on - make_interval(months => notice_period_months))::date`;
const EXTENSION_PENDING = `(extension_options_used < extension_options AND next_extension_decision_by IS NOT NULL)`;
const NEXT_DEADLINE = `CASE WHEN ${EXTENSION_PENDING} THEN next_extension_decision_by ELSE ${NOTICE_DEADLINE} END`;

/**
 * Suppliers, the catalogue of digital services, agreements and licences. An agreement's derived
 * deadlines are stored generated columns (indexed for the grid's filters and sorts), and its
 * status is the SQL function agreement_status, the twin of contractStatus in libs/shared/domain.
 */
export class CatalogueAgreementsLicences1763859600000 implements MigrationInterface {
  name = 'CatalogueAgreementsLicences1763859600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "supplier" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "name" text COLLATE "sv-x-icu" NOT NULL CHECK (length(trim("name")) > 0),
        "organisation_number" text NOT NULL UNIQUE CHECK ("organisation_number" ~ '^[0-9]{6}-[0-9]{4}$'),
        "contact_name" text,
        "contact_email" text,
        "web_address" text,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "supplier_name_idx" ON "supplier" ("name", "id")`);

    await queryRunner.query(`
      CREATE TABLE "digital_service" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "name" text COLLATE "sv-x-icu" NOT NULL CHECK (length(trim("name")) > 0),
        "supplier_id" uuid NOT NULL REFERENCES "supplier" ("id"),
        "category" text NOT NULL CHECK ("category" = ANY (${list(CATEGORIES)})),
        "description" text NOT NULL DEFAULT '',
        "school_forms" text[] NOT NULL DEFAULT '{}' CHECK ("school_forms" <@ ${list(SCHOOL_FORMS)}),
        "languages" text[] NOT NULL DEFAULT '{}',
        "web_address" text,
        "sign_in_method" text NOT NULL CHECK ("sign_in_method" = ANY (${list(SIGN_IN_METHODS)})),
        "personal_data" text NOT NULL CHECK ("personal_data" = ANY (${list(PERSONAL_DATA)})),
        "data_location" text NOT NULL CHECK ("data_location" = ANY (${list(DATA_LOCATIONS)})),
        "catalogue_status" text NOT NULL CHECK ("catalogue_status" = ANY (${list(CATALOGUE_STATUSES)})),
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        UNIQUE ("supplier_id", "name")
      )`);
    await queryRunner.query(
      `CREATE INDEX "digital_service_name_idx" ON "digital_service" ("name", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "digital_service_status_name_idx" ON "digital_service" ("catalogue_status", "name", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "digital_service_category_name_idx" ON "digital_service" ("category", "name", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "digital_service_forms_idx" ON "digital_service" USING gin ("school_forms")`,
    );

    await queryRunner.query(`
      CREATE TABLE "agreement" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "supplier_id" uuid NOT NULL REFERENCES "supplier" ("id"),
        "agreement_number" text NOT NULL CHECK (length(trim("agreement_number")) > 0),
        "case_number" text NOT NULL CHECK (length(trim("case_number")) > 0),
        "procurement_route" text NOT NULL CHECK ("procurement_route" = ANY (${list(ROUTES)})),
        "framework_name" text,
        "call_off_reference" text,
        "signed_on" date,
        "starts_on" date NOT NULL,
        "ends_on" date NOT NULL,
        "extension_options" integer NOT NULL DEFAULT 0 CHECK ("extension_options" >= 0),
        "extension_months" integer NOT NULL DEFAULT 0 CHECK ("extension_months" >= 0),
        "extension_options_used" integer NOT NULL DEFAULT 0 CHECK ("extension_options_used" >= 0),
        "next_extension_decision_by" date,
        "notice_period_months" integer NOT NULL CHECK ("notice_period_months" BETWEEN 0 AND 120),
        "internal_lead_days" integer NOT NULL CHECK ("internal_lead_days" BETWEEN 0 AND 730),
        "renews_automatically" boolean NOT NULL,
        "annual_cost" numeric(14, 2) NOT NULL CHECK ("annual_cost" >= 0),
        "cost_model" text NOT NULL CHECK ("cost_model" = ANY (${list(COST_MODELS)})),
        "owner_id" uuid REFERENCES "account" ("id"),
        "scope_school_forms" text[] NOT NULL DEFAULT '{}' CHECK ("scope_school_forms" <@ ${list(SCHOOL_FORMS)}),
        "dpa_signed" boolean NOT NULL DEFAULT false,
        "dpa_signed_on" date,
        "sub_processors" text[] NOT NULL DEFAULT '{}',
        "documents" jsonb NOT NULL DEFAULT '[]',
        "follows_id" uuid REFERENCES "agreement" ("id"),
        "terminated_on" date,
        "last_day_to_give_notice" date GENERATED ALWAYS AS (${NOTICE_DEADLINE}) STORED,
        "next_deadline_kind" text GENERATED ALWAYS AS
          (CASE WHEN ${EXTENSION_PENDING} THEN 'EXTENSION' ELSE 'NOTICE' END) STORED,
        "next_deadline" date GENERATED ALWAYS AS (${NEXT_DEADLINE}) STORED,
        "action_from" date GENERATED ALWAYS AS ((${NEXT_DEADLINE}) - internal_lead_days) STORED,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        UNIQUE ("supplier_id", "agreement_number"),
        CHECK ("ends_on" >= "starts_on"),
        CHECK (${NOTICE_DEADLINE} >= "starts_on"),
        CHECK ("extension_options_used" <= "extension_options"),
        CHECK ("follows_id" IS DISTINCT FROM "id")
      )`);
    for (const [name, columns] of [
      ['agreement_supplier_idx', '"supplier_id"'],
      ['agreement_ends_on_idx', '"ends_on", "id"'],
      ['agreement_notice_idx', '"last_day_to_give_notice", "id"'],
      ['agreement_next_deadline_idx', '"next_deadline", "id"'],
      ['agreement_action_from_idx', '"action_from"'],
      ['agreement_cost_idx', '"annual_cost", "id"'],
      ['agreement_number_idx', '"agreement_number", "id"'],
      ['agreement_follows_idx', '"follows_id"'],
    ]) {
      await queryRunner.query(`CREATE INDEX "${name}" ON "agreement" (${columns})`);
    }
    await queryRunner.query(
      `CREATE INDEX "agreement_draft_idx" ON "agreement" ("id") WHERE "signed_on" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "agreement_terminated_idx" ON "agreement" ("id") WHERE "terminated_on" IS NOT NULL`,
    );

    // The twin of contractStatus (libs/shared/domain/src/lib/contract-status.ts); a test
    // compares the two on generated agreements. Keep them in step.
    await queryRunner.query(`
      CREATE FUNCTION "agreement_status"(
        signed_on date, terminated_on date, ends_on date, renews_automatically boolean,
        next_deadline_kind text, next_deadline date, action_from date, has_follow_up boolean,
        today date
      ) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE
          WHEN signed_on IS NULL THEN 'DRAFT'
          WHEN terminated_on IS NOT NULL THEN 'TERMINATED'
          WHEN today > ends_on THEN 'EXPIRED'
          WHEN renews_automatically AND next_deadline_kind = 'NOTICE' AND today > next_deadline
            THEN 'NOTICE_WINDOW_PASSED'
          WHEN (next_deadline_kind = 'EXTENSION' OR renews_automatically)
               AND today >= action_from AND today <= next_deadline THEN 'ACTION_NEEDED'
          WHEN NOT has_follow_up AND ends_on - today <= 90 THEN 'EXPIRING'
          ELSE 'ACTIVE'
        END
      $$`);

    await queryRunner.query(`
      CREATE TABLE "licence" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "agreement_id" uuid NOT NULL REFERENCES "agreement" ("id"),
        "service_id" uuid NOT NULL REFERENCES "digital_service" ("id"),
        "scope" text NOT NULL CHECK ("scope" = ANY (${list(SCOPES)})),
        "school_forms" text[] NOT NULL DEFAULT '{}' CHECK ("school_forms" <@ ${list(SCHOOL_FORMS)}),
        "seat_count" integer CHECK ("seat_count" >= 0),
        "seats_in_use" integer CHECK ("seats_in_use" >= 0),
        "starts_on" date NOT NULL,
        "ends_on" date NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CHECK ("ends_on" >= "starts_on"),
        CHECK ("seat_count" IS NULL OR "seats_in_use" IS NULL OR "seat_count" >= "seats_in_use"),
        CHECK (("scope" = 'SCHOOL_FORMS') = (cardinality("school_forms") > 0))
      )`);
    await queryRunner.query(`CREATE INDEX "licence_agreement_idx" ON "licence" ("agreement_id")`);
    await queryRunner.query(`CREATE INDEX "licence_service_idx" ON "licence" ("service_id")`);
    await queryRunner.query(
      `CREATE INDEX "licence_forms_idx" ON "licence" USING gin ("school_forms")`,
    );
    await queryRunner.query(
      `CREATE INDEX "licence_municipality_idx" ON "licence" ("service_id") WHERE "scope" = 'MUNICIPALITY'`,
    );
    await queryRunner.query(`
      CREATE TABLE "licence_unit" (
        "licence_id" uuid NOT NULL REFERENCES "licence" ("id") ON DELETE CASCADE,
        "school_unit_id" uuid NOT NULL REFERENCES "school_unit" ("id"),
        PRIMARY KEY ("licence_id", "school_unit_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "licence_unit_unit_idx" ON "licence_unit" ("school_unit_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "licence_unit"`);
    await queryRunner.query(`DROP TABLE "licence"`);
    await queryRunner.query(`DROP FUNCTION "agreement_status"`);
    await queryRunner.query(`DROP TABLE "agreement"`);
    await queryRunner.query(`DROP TABLE "digital_service"`);
    await queryRunner.query(`DROP TABLE "supplier"`);
  }
}
