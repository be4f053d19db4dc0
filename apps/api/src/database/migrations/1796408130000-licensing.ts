import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) =>
  `ARRAY[${values.map((value) => `'${value}'`).join(', ')}]::text[]`;

const BEFORE = [
  'REQUEST_SUBMITTED',
  'REQUEST_DECIDED',
  'REQUEST_COVERED',
  'INFO_REQUESTED',
  'INFO_ANSWERED',
  'ENDORSEMENT_WANTED',
  'REMINDER',
  'REQUEST_ENDORSED',
  'REQUEST_DECLINED',
  'REVIEW_WANTED',
  'REVIEW_SAVED',
  'REVIEWS_COMPLETE',
  'DECISION_PROPOSED',
  'DECISION_CORRECTED',
  'REQUEST_JOINED',
];
const ADDED = ['REQUEST_IMPLEMENTED'];

/**
 * "Licensiera": the schools are told when their request is implemented, and a request remembers
 * the licence that implemented it.
 */
export class Licensing1796408130000 implements MigrationInterface {
  name = 'Licensing1796408130000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_check",
         ADD CONSTRAINT "notification_kind_check" CHECK ("kind" = ANY (${list([...BEFORE, ...ADDED])}))`,
    );
    await queryRunner.query(
      `ALTER TABLE "request" ADD COLUMN "implemented_by_licence_id" uuid REFERENCES "licence" ("id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request" DROP COLUMN "implemented_by_licence_id"`);
    await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = ANY (${list(ADDED)})`);
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_check",
         ADD CONSTRAINT "notification_kind_check" CHECK ("kind" = ANY (${list(BEFORE)}))`,
    );
  }
}
