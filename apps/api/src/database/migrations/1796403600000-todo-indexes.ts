import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What "Att göra" (GET /api/todo) reads, each kind of thing to do from an index of its own,
 * oldest first: requests to triage, in review (by service), awaiting implementation and with a
 * proposed decision; reviews past their redo date or due again, by kind. The predicates are the
 * todo query's own (apps/api/src/app/todo/todo-rows.ts).
 */
export class TodoIndexes1796403600000 implements MigrationInterface {
  name = 'TodoIndexes1796403600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "request_triage_idx" ON "request" ("submitted_at", "id")
         WHERE "state" IN ('SUBMITTED', 'IN_TRIAGE')`,
    );
    await queryRunner.query(
      `CREATE INDEX "request_in_review_idx" ON "request" ("service_id", "updated_at")
         WHERE "state" = 'IN_REVIEW'`,
    );
    await queryRunner.query(
      `CREATE INDEX "request_awaiting_implementation_idx" ON "request" ("decided_at", "id")
         WHERE "state" = 'DECIDED' AND "decision_outcome" <> 'REJECTED'`,
    );
    await queryRunner.query(
      `CREATE INDEX "request_proposed_idx" ON "request" ("id")
         WHERE "state" = 'IN_REVIEW' AND "proposal" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "service_review_redo_idx" ON "service_review" ("kind", "redo_by")`,
    );
    await queryRunner.query(
      `CREATE INDEX "service_review_due_again_idx" ON "service_review" ("kind")
         WHERE "due_again_since" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'service_review_due_again_idx',
      'service_review_redo_idx',
      'request_proposed_idx',
      'request_awaiting_implementation_idx',
      'request_in_review_idx',
      'request_triage_idx',
    ]) {
      await queryRunner.query(`DROP INDEX "${index}"`);
    }
  }
}
