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
];
const ADDED = [
  'REQUEST_ENDORSED',
  'REQUEST_DECLINED',
  'REVIEW_WANTED',
  'REVIEW_SAVED',
  'REVIEWS_COMPLETE',
  'DECISION_PROPOSED',
  'DECISION_CORRECTED',
  'REQUEST_JOINED',
];

/**
 * The hand-offs' notification kinds, and a link to a service's review form (service and review
 * kind) for the reviewers told that their review is wanted.
 */
export class HandOffs1796369114147 implements MigrationInterface {
  name = 'HandOffs1796369114147';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_check",
         ADD CONSTRAINT "notification_kind_check" CHECK ("kind" = ANY (${list([...BEFORE, ...ADDED])})),
         ADD COLUMN "service_id" uuid REFERENCES "digital_service" ("id"),
         ADD COLUMN "review_kind" text
           CHECK ("review_kind" = ANY (ARRAY['DATA_PROTECTION', 'INFORMATION_SECURITY', 'PROCUREMENT']::text[])),
         ADD CONSTRAINT "notification_review_link_check" CHECK (("review_kind" IS NULL) = ("service_id" IS NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = ANY (${list(ADDED)})`);
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "notification_review_link_check",
         DROP COLUMN "review_kind", DROP COLUMN "service_id",
         DROP CONSTRAINT "notification_kind_check",
         ADD CONSTRAINT "notification_kind_check" CHECK ("kind" = ANY (${list(BEFORE)}))`,
    );
  }
}
