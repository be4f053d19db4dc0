import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A school may withdraw its request in any open state, a draft included (the routine's
 * WITHDRAW), but the table said that every request but a draft has been submitted: withdrawing a
 * draft was a 500. A withdrawn draft keeps no submission time.
 */
export class WithdrawnDrafts1763874000000 implements MigrationInterface {
  name = 'WithdrawnDrafts1763874000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request" DROP CONSTRAINT "request_check2"`);
    await queryRunner.query(`
      ALTER TABLE "request" ADD CONSTRAINT "request_submitted_check" CHECK (
        CASE "state" WHEN 'DRAFT' THEN "submitted_at" IS NULL
                     WHEN 'WITHDRAWN' THEN true
                     ELSE "submitted_at" IS NOT NULL END)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request" DROP CONSTRAINT "request_submitted_check"`);
    await queryRunner.query(
      `ALTER TABLE "request" ADD CONSTRAINT "request_check2" CHECK (("state" = 'DRAFT') = ("submitted_at" IS NULL))`,
    );
  }
}
