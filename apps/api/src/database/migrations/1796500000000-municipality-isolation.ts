import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables whose rows belong to one municipality, as they were when this was written. Each
 * gains `municipality_id`, and row-level security keeps every other municipality's rows out of
 * reach of the API's role (docs/tenancy.md). `administration` had the column already.
 */
const MUNICIPAL_TABLES = [
  'administration',
  'school_unit',
  'account',
  'account_school_unit',
  'session',
  'trusted_device',
  'login_failure',
  'supplier',
  'digital_service',
  'agreement',
  'licence',
  'licence_unit',
  'request',
  'request_join',
  'service_review',
  'event',
  'notification',
  'reminder',
  'calendar_feed',
  'document',
  'document_chunk',
];

/** The municipality of the statement being run, or NULL when none is set. */
const CURRENT_MUNICIPALITY = `NULLIF(current_setting('app.municipality_id', true), '')::uuid`;

/**
 * Municipalities as tenants of one installation (issue 18):
 * - every municipal table gets `municipality_id`, filled by default from the setting
 *   `app.municipality_id`, so an INSERT outside a municipality fails instead of landing in one;
 * - row-level security on each, one policy for every command: a row is visible and writable only
 *   while the setting names its municipality; without it, nothing is;
 * - the role `licensregistret_api` the API acts as: no superuser, no BYPASSRLS, owns nothing,
 *   may read and write rows; the owner (who runs the migrations) is the only one outside the
 *   policies, and the two functions below, which run as the owner, are the only way across;
 * - uniqueness that was installation-wide and is a municipality's own (user names, suppliers'
 *   organisation numbers) becomes per municipality;
 * - municipalities get the slug their sign-in and public pages are found by.
 */
export class MunicipalityIsolation1796500000000 implements MigrationInterface {
  name = 'MunicipalityIsolation1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [{ count }] = (await queryRunner.query(
      `SELECT count(*)::int AS count FROM municipality`,
    )) as { count: number }[];
    if (count > 1) {
      throw new Error(
        'This migration makes a one-municipality installation multi-tenant; it found more than one municipality.',
      );
    }

    await queryRunner.query(`ALTER TABLE municipality ADD COLUMN slug text`);
    await queryRunner.query(`
      UPDATE municipality
         SET slug = trim(BOTH '-' FROM regexp_replace(
               translate(lower(name), 'åäöéü', 'aaoeu'), '[^a-z0-9]+', '-', 'g'))`);
    await queryRunner.query(`
      ALTER TABLE municipality
        ALTER COLUMN slug SET NOT NULL,
        ADD CONSTRAINT municipality_slug_key UNIQUE (slug),
        ADD CONSTRAINT municipality_slug_check CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')`);

    for (const table of MUNICIPAL_TABLES) {
      if (table !== 'administration') {
        await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN municipality_id uuid`);
        await queryRunner.query(
          `UPDATE "${table}" SET municipality_id = (SELECT id FROM municipality)`,
        );
        await queryRunner.query(`
          ALTER TABLE "${table}"
            ALTER COLUMN municipality_id SET NOT NULL,
            ADD CONSTRAINT "${table}_municipality_id_fkey"
              FOREIGN KEY (municipality_id) REFERENCES municipality (id)`);
      }
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN municipality_id SET DEFAULT ${CURRENT_MUNICIPALITY}`,
      );
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`
        CREATE POLICY municipality_isolation ON "${table}"
          USING (municipality_id = (SELECT ${CURRENT_MUNICIPALITY}))
          WITH CHECK (municipality_id = (SELECT ${CURRENT_MUNICIPALITY}))`);
    }

    // References between municipal rows include the municipality, so that no row can point
    // into another municipality even by a wrong id: a foreign key check itself reads past
    // row-level security. Each keeps its name (the API maps names to request fields).
    const references = (await queryRunner.query(
      `SELECT c.conname, t.relname AS table, pg_get_constraintdef(c.oid) AS definition,
              r.relname AS referenced
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_class r ON r.oid = c.confrelid
        WHERE c.contype = 'f' AND t.relname = ANY ($1) AND r.relname = ANY ($1)
          AND cardinality(c.conkey) = 1
        ORDER BY t.relname, c.conname`,
      [MUNICIPAL_TABLES],
    )) as { conname: string; table: string; definition: string; referenced: string }[];
    for (const referenced of new Set(references.map((reference) => reference.referenced))) {
      await queryRunner.query(
        `ALTER TABLE "${referenced}" ADD CONSTRAINT "${referenced}_municipality_id_id_key"
           UNIQUE (municipality_id, id)`,
      );
    }
    for (const { conname, table, definition } of references) {
      const column = /^FOREIGN KEY \((\w+)\)/.exec(definition)?.[1];
      if (!column || !/ REFERENCES \w+\(id\)/.test(definition)) {
        throw new Error(`Unexpected reference ${conname}: ${definition}`);
      }
      const composite = definition
        .replace(`FOREIGN KEY (${column})`, `FOREIGN KEY (municipality_id, ${column})`)
        .replace(/ REFERENCES (\w+)\(id\)/, ' REFERENCES $1(municipality_id, id)')
        .replace('ON DELETE SET NULL', `ON DELETE SET NULL (${column})`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${conname}"`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${conname}" ${composite}`);
    }

    // The policy's condition is an equality on municipality_id in every statement: each index
    // leads with it, so the condition is part of the index scan, and sorts read in index order
    // within one municipality. Unique ones keep their meaning; GIN cannot take a uuid.
    const indexes = (await queryRunner.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
         JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = 'public'::regnamespace
         JOIN pg_index x ON x.indexrelid = c.oid
        WHERE i.schemaname = 'public' AND i.tablename = ANY ($1)
          AND NOT x.indisunique AND i.indexdef LIKE '% USING btree (%'`,
      [MUNICIPAL_TABLES],
    )) as { indexname: string; indexdef: string }[];
    for (const { indexname, indexdef } of indexes) {
      await queryRunner.query(`DROP INDEX "${indexname}"`);
      await queryRunner.query(
        indexdef.replace(' USING btree (', ' USING btree (municipality_id, '),
      );
    }

    await queryRunner.query(`DROP INDEX account_username_key`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX account_username_key ON account (municipality_id, username)`,
    );
    await queryRunner.query(
      `ALTER TABLE supplier DROP CONSTRAINT supplier_organisation_number_key`,
    );
    await queryRunner.query(`
      ALTER TABLE supplier ADD CONSTRAINT supplier_organisation_number_key
        UNIQUE (municipality_id, organisation_number)`);

    // A sign-in's state, between the redirect to the provider and its answer, before anyone's
    // municipality is known: it says which municipality the sign-in is for.
    await queryRunner.query(`ALTER TABLE oidc_login ADD COLUMN municipality_id uuid`);
    await queryRunner.query(`DELETE FROM oidc_login`);
    await queryRunner.query(`
      ALTER TABLE oidc_login ALTER COLUMN municipality_id SET NOT NULL,
        ALTER COLUMN municipality_id SET DEFAULT ${CURRENT_MUNICIPALITY},
        ADD CONSTRAINT oidc_login_municipality_id_fkey
          FOREIGN KEY (municipality_id) REFERENCES municipality (id)`);

    await queryRunner.query(`
      CREATE FUNCTION session_actor(token text, idle_minutes integer, refresh_seconds integer)
        RETURNS TABLE (
          token_hash text, csrf_token text, stale boolean, id uuid, municipality_id uuid,
          username text, display_name text, email text, roles text[], school_units json)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$
        SELECT s.token_hash, s.csrf_token,
               s.last_seen_at < now() - make_interval(secs => refresh_seconds),
               a.id, a.municipality_id, a.username, a.display_name::text, a.email, a.roles::text[],
               coalesce(
                 (SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name)
                    FROM account_school_unit au JOIN school_unit u ON u.id = au.school_unit_id
                   WHERE au.account_id = a.id), '[]')
          FROM session s JOIN account a ON a.id = s.account_id
         WHERE s.token_hash = token AND a.active
           AND s.expires_at > now()
           AND s.last_seen_at > now() - make_interval(mins => idle_minutes)
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION calendar_feed_municipality(token text) RETURNS uuid
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$ SELECT municipality_id FROM calendar_feed WHERE token_hash = token $$`);

    await queryRunner.query(`
      DO $$
      BEGIN
        CREATE ROLE licensregistret_api NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      EXCEPTION WHEN duplicate_object THEN
        NULL; -- another database of this server made it; roles are the server's.
      END $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO licensregistret_api`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO licensregistret_api`,
    );
    await queryRunner.query(`REVOKE ALL ON migrations FROM licensregistret_api`);
    await queryRunner.query(
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO licensregistret_api`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO licensregistret_api`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO licensregistret_api`,
    );
    for (const fn of [
      'session_actor(text, integer, integer)',
      'calendar_feed_municipality(text)',
    ]) {
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO licensregistret_api`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION calendar_feed_municipality(text)`);
    await queryRunner.query(`DROP FUNCTION session_actor(text, integer, integer)`);
    await queryRunner.query(`ALTER TABLE oidc_login DROP COLUMN municipality_id`);
    await queryRunner.query(
      `ALTER TABLE supplier DROP CONSTRAINT supplier_organisation_number_key`,
    );
    await queryRunner.query(
      `ALTER TABLE supplier ADD CONSTRAINT supplier_organisation_number_key UNIQUE (organisation_number)`,
    );
    await queryRunner.query(`DROP INDEX account_username_key`);
    await queryRunner.query(`CREATE UNIQUE INDEX account_username_key ON account (username)`);
    const indexes = (await queryRunner.query(
      `SELECT indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND indexdef LIKE '% USING btree (municipality_id, %'`,
    )) as { indexname: string; indexdef: string }[];
    for (const { indexname, indexdef } of indexes) {
      await queryRunner.query(`DROP INDEX "${indexname}"`);
      await queryRunner.query(
        indexdef.replace(' USING btree (municipality_id, ', ' USING btree ('),
      );
    }
    const references = (await queryRunner.query(
      `SELECT c.conname, t.relname AS table, pg_get_constraintdef(c.oid) AS definition
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        WHERE c.contype = 'f' AND pg_get_constraintdef(c.oid) LIKE 'FOREIGN KEY (municipality_id, %'
          AND t.relnamespace = 'public'::regnamespace`,
    )) as { conname: string; table: string; definition: string }[];
    for (const { conname, table, definition } of references) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${conname}"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${conname}" ${definition
          .replace('FOREIGN KEY (municipality_id, ', 'FOREIGN KEY (')
          .replace('(municipality_id, id)', '(id)')
          .replace(/ON DELETE SET NULL \(\w+\)/, 'ON DELETE SET NULL')}`,
      );
    }
    for (const table of MUNICIPAL_TABLES) {
      await queryRunner.query(
        `ALTER TABLE "${table}" DROP CONSTRAINT IF EXISTS "${table}_municipality_id_id_key"`,
      );
    }
    for (const table of [...MUNICIPAL_TABLES].reverse()) {
      await queryRunner.query(`DROP POLICY municipality_isolation ON "${table}"`);
      await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
      if (table === 'administration') {
        await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN municipality_id DROP DEFAULT`);
      } else {
        await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN municipality_id`);
      }
    }
    await queryRunner.query(`ALTER TABLE municipality DROP COLUMN slug`);
  }
}
