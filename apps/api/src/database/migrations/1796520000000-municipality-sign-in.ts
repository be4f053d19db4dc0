import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A municipality's own single sign-on: its OpenID Connect provider and client id (the client's
 * secret stays out of the database, in the environment as OIDC_CLIENT_SECRET_<SLUG>). Without
 * them, the installation's provider (OIDC_ISSUER) signs its accounts in.
 */
export class MunicipalitySignIn1796520000000 implements MigrationInterface {
  name = 'MunicipalitySignIn1796520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE municipality
        ADD COLUMN oidc_issuer text CHECK (oidc_issuer ~ '^https?://'),
        ADD COLUMN oidc_client_id text,
        ADD COLUMN oidc_label text,
        ADD CONSTRAINT municipality_oidc_check CHECK ((oidc_issuer IS NULL) = (oidc_client_id IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE municipality DROP CONSTRAINT municipality_oidc_check,
        DROP COLUMN oidc_label, DROP COLUMN oidc_client_id, DROP COLUMN oidc_issuer`);
  }
}
