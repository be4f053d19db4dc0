import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Records say what the reviews and the decision said, and requests meet their history:
 * - a service keeps its latest approval's conditions, and their text for the public list;
 * - its sign-in method and data location follow its latest reviews (until now a new tool kept
 *   the placeholders it entered review with), and a description copied from a school's need
 *   text is cleared (the specialist writes the catalogue's description);
 * - a request keeps the decision's public conditions text and, asking again for a rejected tool,
 *   what has changed since;
 * - another unit may join an open request's demand with its own pupils and need.
 */
export class RecordsAndRequestHistory1796369148405 implements MigrationInterface {
  name = 'RecordsAndRequestHistory1796369148405';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "digital_service"
        ADD COLUMN "conditions" text NOT NULL DEFAULT '',
        ADD COLUMN "public_conditions" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`
      ALTER TABLE "request"
        ADD COLUMN "decision_public_conditions" text,
        ADD COLUMN "what_changed" text`);

    await queryRunner.query(`
      UPDATE "digital_service" d SET "sign_in_method" = r."findings" ->> 'signInMethod'
        FROM (SELECT DISTINCT ON ("service_id") "service_id", "findings" FROM "service_review"
               WHERE "kind" = 'INFORMATION_SECURITY' ORDER BY "service_id", "created_at" DESC, "id") r
       WHERE r."service_id" = d."id" AND r."findings" ->> 'signInMethod' IS NOT NULL`);
    await queryRunner.query(`
      UPDATE "digital_service" d SET "data_location" = r."findings" ->> 'storageLocation'
        FROM (SELECT DISTINCT ON ("service_id") "service_id", "findings" FROM "service_review"
               WHERE "kind" = 'DATA_PROTECTION' ORDER BY "service_id", "created_at" DESC, "id") r
       WHERE r."service_id" = d."id" AND r."findings" ->> 'storageLocation' IS NOT NULL`);
    await queryRunner.query(`
      UPDATE "digital_service" d SET "conditions" = coalesce(x."decision_conditions", '')
        FROM (SELECT DISTINCT ON ("service_id") "service_id", "decision_conditions" FROM "request"
               WHERE "decision_outcome" IN ('APPROVED', 'APPROVED_WITH_CONDITIONS')
               ORDER BY "service_id", "decided_at" DESC) x
       WHERE x."service_id" = d."id"`);
    await queryRunner.query(`
      UPDATE "digital_service" d SET "description" = ''
       WHERE d."description" <> ''
         AND EXISTS (SELECT 1 FROM "request" r WHERE r."service_id" = d."id" AND r."need" = d."description")`);

    await queryRunner.query(`
      CREATE TABLE "request_join" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "request_id" uuid NOT NULL REFERENCES "request" ("id"),
        "unit_id" uuid NOT NULL REFERENCES "school_unit" ("id"),
        "account_id" uuid NOT NULL REFERENCES "account" ("id"),
        "pupil_count" integer NOT NULL CHECK ("pupil_count" >= 0),
        "need" text NOT NULL CHECK (length(trim("need")) > 0),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        UNIQUE ("request_id", "unit_id")
      )`);
    await queryRunner.query(`CREATE INDEX "request_join_unit_idx" ON "request_join" ("unit_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "request_join"`);
    await queryRunner.query(
      `ALTER TABLE "request" DROP COLUMN "what_changed", DROP COLUMN "decision_public_conditions"`,
    );
    await queryRunner.query(
      `ALTER TABLE "digital_service" DROP COLUMN "public_conditions", DROP COLUMN "conditions"`,
    );
  }
}
