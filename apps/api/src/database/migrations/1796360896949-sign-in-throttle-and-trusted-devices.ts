import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in throttling slows failing clients down instead of locking names and addresses out
 * (docs/architecture.md, "Access"). A browser that has signed in as a name gets a device cookie
 * (`trusted_device`, only the token's SHA-256 kept); its attempts count only their own failures,
 * so an outsider cannot keep the owner out. `login_failure.device` marks the failures made with
 * such a cookie (null for an untrusted client); `address` now holds an IPv4 address or an IPv6
 * /64 prefix.
 */
export class SignInThrottleAndTrustedDevices1796360896949 implements MigrationInterface {
  name = 'SignInThrottleAndTrustedDevices1796360896949';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "login_failure" ADD COLUMN "device" text`);
    await queryRunner.query(
      `CREATE INDEX "login_failure_device_idx" ON "login_failure" ("device", "failed_at")
        WHERE "device" IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "trusted_device" (
        "token_hash" text PRIMARY KEY,
        "account_id" uuid NOT NULL REFERENCES "account" ("id") ON DELETE CASCADE,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_used_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "trusted_device_account_idx" ON "trusted_device" ("account_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "trusted_device"`);
    await queryRunner.query(`DROP INDEX "login_failure_device_idx"`);
    await queryRunner.query(`ALTER TABLE "login_failure" DROP COLUMN "device"`);
  }
}
