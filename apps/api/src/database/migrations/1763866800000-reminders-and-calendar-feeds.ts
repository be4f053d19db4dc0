import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) =>
  `ARRAY[${values.map((value) => `'${value}'`).join(', ')}]::text[]`;

const REMINDER_KINDS = [
  'NOTICE_DEADLINE',
  'EXTENSION_DECISION',
  'AGREEMENT_EXPIRING',
  'REVIEW_DUE',
  'LICENCE_WITHOUT_DPA',
  'REQUEST_WAITING',
];
const NOTIFICATION_KINDS = [
  'REQUEST_SUBMITTED',
  'REQUEST_DECIDED',
  'REQUEST_COVERED',
  'INFO_REQUESTED',
  'INFO_ANSWERED',
  'ENDORSEMENT_WANTED',
  'REMINDER',
];

/**
 * Reminders sent, one row per record, kind, deadline and step: the unique key is what makes a
 * reminder go out once, across restarts and API instances. And each person's calendar feed,
 * found by the hash of its secret token.
 */
export class RemindersAndCalendarFeeds1763866800000 implements MigrationInterface {
  name = 'RemindersAndCalendarFeeds1763866800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "reminder" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "kind" text NOT NULL CHECK ("kind" = ANY (${list(REMINDER_KINDS)})),
        "subject_id" uuid NOT NULL,
        "due_on" date NOT NULL,
        "step" integer NOT NULL CHECK ("step" >= 0),
        "sent_on" date NOT NULL,
        "recipients" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        UNIQUE ("kind", "subject_id", "due_on", "step")
      )`);
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_check",
         ADD CONSTRAINT "notification_kind_check" CHECK ("kind" = ANY (${list(NOTIFICATION_KINDS)}))`,
    );
    await queryRunner.query(`
      CREATE TABLE "calendar_feed" (
        "account_id" uuid PRIMARY KEY REFERENCES "account" ("id") ON DELETE CASCADE,
        "token_hash" text NOT NULL UNIQUE,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calendar_feed"`);
    await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = 'REMINDER'`);
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_check",
         ADD CONSTRAINT "notification_kind_check" CHECK ("kind" = ANY (${list(NOTIFICATION_KINDS.slice(0, -1))}))`,
    );
    await queryRunner.query(`DROP TABLE "reminder"`);
  }
}
