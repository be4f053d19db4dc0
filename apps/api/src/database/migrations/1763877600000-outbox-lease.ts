import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox sender claims a batch with a lease instead of holding row locks while it talks to
 * the SMTP server: `email_claim` names the sender's round, `email_claimed_until` when another
 * sender may take the message over (after a crash, say).
 */
export class OutboxLease1763877600000 implements MigrationInterface {
  name = 'OutboxLease1763877600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "notification"
        ADD COLUMN "email_claim" uuid,
        ADD COLUMN "email_claimed_until" timestamptz,
        ADD CONSTRAINT "notification_email_claim_check"
          CHECK (("email_claim" IS NULL) = ("email_claimed_until" IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "notification"
        DROP CONSTRAINT "notification_email_claim_check",
        DROP COLUMN "email_claimed_until",
        DROP COLUMN "email_claim"`);
  }
}
