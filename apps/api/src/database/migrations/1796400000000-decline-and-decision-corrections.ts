import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A principal may decline (avstyrka) a request with a reason, which the requester reads on the
 * request until it is endorsed. (The notification kinds of a decline and of a corrected decision
 * came with the hand-offs.)
 */
export class DeclineAndDecisionCorrections1796400000000 implements MigrationInterface {
  name = 'DeclineAndDecisionCorrections1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "request"
        ADD COLUMN "declined_by" uuid REFERENCES "account" ("id"),
        ADD COLUMN "declined_at" timestamptz,
        ADD COLUMN "decline_text" text,
        ADD CONSTRAINT "request_decline_check" CHECK (
          ("declined_by" IS NULL) = ("declined_at" IS NULL)
          AND ("declined_at" IS NULL) = ("decline_text" IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "request" DROP CONSTRAINT "request_decline_check",
        DROP COLUMN "decline_text", DROP COLUMN "declined_at", DROP COLUMN "declined_by"`);
  }
}
