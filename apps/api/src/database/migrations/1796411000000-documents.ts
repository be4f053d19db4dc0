import type { MigrationInterface, QueryRunner } from 'typeorm';

/** As DOCUMENT_KINDS, DOCUMENT_FILE_TYPES and DOCUMENT_MAX_BYTES were when this was written. */
const DOCUMENT_KINDS = [
  'SIGNED_AGREEMENT',
  'DATA_PROCESSING_AGREEMENT',
  'DATA_PROCESSING_ANNEX',
  'DPIA',
  'CALL_OFF_NOTICE',
  'OTHER',
];
const DOCUMENT_FILE_TYPES = ['PDF', 'DOCX', 'XLSX', 'ODT'];
const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

const list = (values: readonly string[]) =>
  `ARRAY[${values.map((value) => `'${value}'`).join(', ')}]`;

/**
 * Documents of agreements, services and reviews. Their bytes are `document_chunk` rows unless
 * S3-compatible storage is configured; a chunk refers to its document with a deferred key, so an
 * upload writes its chunks as they stream in and the document row, once the file is known good,
 * last, in one transaction. Removal marks the row (public records are not deleted).
 */
export class Documents1796411000000 implements MigrationInterface {
  name = 'Documents1796411000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "document" (
        "id" uuid PRIMARY KEY,
        "agreement_id" uuid REFERENCES "agreement" ("id"),
        "service_id" uuid REFERENCES "digital_service" ("id"),
        "review_id" uuid REFERENCES "service_review" ("id"),
        "kind" text NOT NULL CHECK ("kind" = ANY (${list(DOCUMENT_KINDS)})),
        "file_name" text NOT NULL CHECK (length("file_name") BETWEEN 1 AND 255),
        "file_type" text NOT NULL CHECK ("file_type" = ANY (${list(DOCUMENT_FILE_TYPES)})),
        "size_bytes" integer NOT NULL CHECK ("size_bytes" BETWEEN 1 AND ${DOCUMENT_MAX_BYTES}),
        "sha256" text NOT NULL CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
        "storage" text NOT NULL CHECK ("storage" IN ('postgres', 's3')),
        "uploaded_by" uuid NOT NULL REFERENCES "account" ("id"),
        "uploaded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        "removed_by" uuid REFERENCES "account" ("id"),
        "removed_at" timestamptz,
        CONSTRAINT "document_one_owner" CHECK (num_nonnulls("agreement_id", "service_id", "review_id") = 1),
        CONSTRAINT "document_removed_check" CHECK (("removed_by" IS NULL) = ("removed_at" IS NULL))
      )`);
    for (const owner of ['agreement_id', 'service_id', 'review_id']) {
      await queryRunner.query(
        `CREATE INDEX "document_${owner}_idx" ON "document" ("${owner}", "uploaded_at")
           WHERE "${owner}" IS NOT NULL AND "removed_at" IS NULL`,
      );
    }
    await queryRunner.query(`
      CREATE TABLE "document_chunk" (
        "document_id" uuid NOT NULL REFERENCES "document" ("id") DEFERRABLE INITIALLY DEFERRED,
        "seq" integer NOT NULL CHECK ("seq" >= 0),
        "data" bytea NOT NULL,
        PRIMARY KEY ("document_id", "seq")
      )`);
    // PDFs and Office files are compressed already: spare PostgreSQL trying again.
    await queryRunner.query(
      `ALTER TABLE "document_chunk" ALTER COLUMN "data" SET STORAGE EXTERNAL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "document_chunk"`);
    await queryRunner.query(`DROP TABLE "document"`);
  }
}
