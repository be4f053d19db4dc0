import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) =>
  `ARRAY[${values.map((value) => `'${value}'`).join(', ')}]::text[]`;

const SCHOOL_FORMS = ['FS', 'GR', 'GRS', 'GY', 'GYS', 'VUX'];
const PERSONAL_DATA = ['NONE', 'PUPILS_ORDINARY', 'SPECIAL_CATEGORIES'];
const STATES = [
  'DRAFT',
  'SUBMITTED',
  'IN_TRIAGE',
  'QUEUED',
  'NEEDS_INFO',
  'IN_REVIEW',
  'ALREADY_COVERED',
  'DECIDED',
  'IMPLEMENTED',
  'WITHDRAWN',
];
/** Submitted and not yet closed: what counts as demand. */
const OPEN_STATES = ['SUBMITTED', 'IN_TRIAGE', 'QUEUED', 'NEEDS_INFO', 'IN_REVIEW'];
const OUTCOMES = ['APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED'];
const REASONS = ['INFORMATION_SECURITY', 'AGREEMENT', 'ECONOMY', 'NEED', 'EQUITY'];
const REVIEW_KINDS = ['DATA_PROTECTION', 'INFORMATION_SECURITY', 'PROCUREMENT'];
const NOTIFICATION_KINDS = [
  'REQUEST_SUBMITTED',
  'REQUEST_DECIDED',
  'REQUEST_COVERED',
  'INFO_REQUESTED',
  'INFO_ANSWERED',
  'ENDORSEMENT_WANTED',
];
const EMAIL_STATES = ['PENDING', 'SENT', 'FAILED', 'NONE'];

/**
 * Requests for digital tools and their routine, the reviews of a service, and the notification
 * outbox. The request's `tool_key` (the service, or the proposed tool's name) groups demand.
 */
export class RequestsReviewsNotifications1763863200000 implements MigrationInterface {
  name = 'RequestsReviewsNotifications1763863200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "digital_service" ADD COLUMN "status_decided_on" date`);

    await queryRunner.query(`
      CREATE TABLE "request" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "number" integer GENERATED ALWAYS AS IDENTITY UNIQUE,
        "unit_id" uuid NOT NULL REFERENCES "school_unit" ("id"),
        "requester_id" uuid NOT NULL REFERENCES "account" ("id"),
        "service_id" uuid REFERENCES "digital_service" ("id"),
        "new_tool_name" text COLLATE "sv-x-icu",
        "new_tool_supplier" text,
        "new_tool_web_address" text,
        "need" text NOT NULL CHECK (length(trim("need")) > 0),
        "subjects" text[] NOT NULL DEFAULT '{}',
        "target_group" text NOT NULL DEFAULT '',
        "school_forms" text[] NOT NULL DEFAULT '{}' CHECK ("school_forms" <@ ${list(SCHOOL_FORMS)}),
        "pupil_count" integer NOT NULL CHECK ("pupil_count" >= 0),
        "staff_count" integer NOT NULL CHECK ("staff_count" >= 0),
        "personal_data" text NOT NULL CHECK ("personal_data" = ANY (${list(PERSONAL_DATA)})),
        "personal_data_description" text NOT NULL DEFAULT '',
        "wanted_from" date,
        "state" text NOT NULL CHECK ("state" = ANY (${list(STATES)})),
        "state_before_info" text CHECK ("state_before_info" = ANY (${list(STATES)})),
        "open_question" text,
        "endorsed_by" uuid REFERENCES "account" ("id"),
        "endorsed_at" timestamptz,
        "covered_by_licence_id" uuid REFERENCES "licence" ("id"),
        "covered_text" text,
        "proposal" jsonb,
        "decision_outcome" text CHECK ("decision_outcome" = ANY (${list(OUTCOMES)})),
        "decision_reasons" text[] NOT NULL DEFAULT '{}' CHECK ("decision_reasons" <@ ${list(REASONS)}),
        "decision_text" text,
        "decision_conditions" text,
        "decided_by" uuid REFERENCES "account" ("id"),
        "decided_at" timestamptz,
        "tool_key" text GENERATED ALWAYS AS
          (COALESCE("service_id"::text, lower(trim("new_tool_name")))) STORED,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "submitted_at" timestamptz,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CHECK ("service_id" IS NOT NULL OR length(trim("new_tool_name")) > 0),
        CHECK ("decision_outcome" <> 'REJECTED' OR cardinality("decision_reasons") > 0),
        CHECK (("state" = 'DRAFT') = ("submitted_at" IS NULL))
      )`);
    // The queue reads in submission order within states; a school's list by creation.
    await queryRunner.query(
      `CREATE INDEX "request_state_submitted_idx" ON "request" ("state", "submitted_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "request_submitted_idx" ON "request" ("submitted_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "request_unit_created_idx" ON "request" ("unit_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "request_service_idx" ON "request" ("service_id", "submitted_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "request_open_tool_idx" ON "request" ("tool_key", "unit_id")
         WHERE "state" = ANY (${list(OPEN_STATES)})`,
    );

    await queryRunner.query(`
      CREATE TABLE "service_review" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "service_id" uuid NOT NULL REFERENCES "digital_service" ("id"),
        "kind" text NOT NULL CHECK ("kind" = ANY (${list(REVIEW_KINDS)})),
        "outcome" text NOT NULL CHECK ("outcome" = ANY (${list(OUTCOMES)})),
        "conditions" text NOT NULL DEFAULT '',
        "notes" text NOT NULL DEFAULT '',
        "findings" jsonb NOT NULL,
        "reviewer_id" uuid NOT NULL REFERENCES "account" ("id"),
        "reviewed_on" date NOT NULL,
        "redo_by" date NOT NULL CHECK ("redo_by" >= "reviewed_on"),
        "due_again_since" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(
      `CREATE INDEX "service_review_current_idx" ON "service_review" ("service_id", "kind", "created_at" DESC)`,
    );

    await queryRunner.query(`
      CREATE TABLE "notification" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "recipient_id" uuid NOT NULL REFERENCES "account" ("id"),
        "kind" text NOT NULL CHECK ("kind" = ANY (${list(NOTIFICATION_KINDS)})),
        "subject" text NOT NULL,
        "body" text NOT NULL,
        "request_id" uuid REFERENCES "request" ("id"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "read_at" timestamptz,
        "email_to" text,
        "email_state" text NOT NULL CHECK ("email_state" = ANY (${list(EMAIL_STATES)})),
        "email_attempts" integer NOT NULL DEFAULT 0,
        "email_next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "email_last_error" text,
        "email_sent_at" timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX "notification_recipient_idx" ON "notification" ("recipient_id", "created_at" DESC, "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_outbox_idx" ON "notification" ("email_next_attempt_at")
         WHERE "email_state" = 'PENDING'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP TABLE "service_review"`);
    await queryRunner.query(`DROP TABLE "request"`);
    await queryRunner.query(`ALTER TABLE "digital_service" DROP COLUMN "status_decided_on"`);
  }
}
