import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only history that requests, reviews, decisions and agreement changes write to, in
 * the same transaction as the change. A trigger refuses UPDATE, DELETE and TRUNCATE, so history
 * cannot be rewritten through the API or by accident.
 */
export class CreateEventLog1763852400000 implements MigrationInterface {
  name = 'CreateEventLog1763852400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "event" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "occurred_at" timestamptz NOT NULL DEFAULT now(),
        "actor_id" uuid,
        "subject_type" text NOT NULL,
        "subject_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "from_state" text,
        "to_state" text,
        "message" text,
        "changes" jsonb
      )`);
    await queryRunner.query(
      `CREATE INDEX "event_subject_idx" ON "event" ("subject_type", "subject_id", "id")`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "event_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'event history is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "event_no_update_or_delete" BEFORE UPDATE OR DELETE ON "event"
        FOR EACH ROW EXECUTE FUNCTION "event_is_append_only"()`);
    await queryRunner.query(`
      CREATE TRIGGER "event_no_truncate" BEFORE TRUNCATE ON "event"
        FOR EACH STATEMENT EXECUTE FUNCTION "event_is_append_only"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "event"`);
    await queryRunner.query(`DROP FUNCTION "event_is_append_only"()`);
  }
}
