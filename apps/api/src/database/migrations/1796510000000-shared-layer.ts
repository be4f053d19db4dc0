import type { MigrationInterface, QueryRunner } from 'typeorm';

const CURRENT_MUNICIPALITY = `NULLIF(current_setting('app.municipality_id', true), '')::uuid`;

/** The national tables a municipality writes its own rows of and everyone reads. */
const SHARED_TABLES = ['service_change', 'published_review', 'published_decision'];

/**
 * What municipalities share (issue 18, docs/tenancy.md):
 * - `national_service`: one record per tool, found by its supplier's organisation number and its
 *   name; each municipality's catalogue entry (`digital_service`) refers to it, kept so by a
 *   trigger on every insert or rename, whichever way the service was made;
 * - `service_change`: a reported change of a tool (its version goes up by one), which makes the
 *   reviews of every municipality that has the tool due again;
 * - `published_review` and `published_decision`: copies a municipality publishes, read by all;
 *   an adopted review refers to the published one it started from (`adopted_from`).
 * The shared tables are readable by everyone and written only by their own municipality
 * (row-level security with a policy per command). `municipalities_with_tool` is the one way across
 * the municipalities' catalogues, for a change's fan-out.
 */
export class SharedLayer1796510000000 implements MigrationInterface {
  name = 'SharedLayer1796510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE national_service (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_number text NOT NULL,
        name text NOT NULL,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX national_service_tool_key
        ON national_service (organisation_number, lower(btrim(name)))`);

    await queryRunner.query(`
      CREATE FUNCTION national_service_of(organisation_number text, name text) RETURNS uuid
        LANGUAGE sql VOLATILE SET search_path = public, pg_temp
      AS $$
        INSERT INTO national_service (organisation_number, name) VALUES ($1, btrim($2))
          ON CONFLICT (organisation_number, lower(btrim(name))) DO UPDATE SET version = national_service.version
        RETURNING id
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION digital_service_link_national() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp
      AS $$
      DECLARE
        supplier_number text := (SELECT organisation_number FROM supplier WHERE id = NEW.supplier_id);
      BEGIN
        IF supplier_number IS NULL THEN
          -- As the reference itself would say, once checked: the API names the field from it.
          RAISE foreign_key_violation USING CONSTRAINT = 'digital_service_supplier_id_fkey',
            MESSAGE = 'the supplier of the service does not exist';
        END IF;
        NEW.national_service_id := national_service_of(supplier_number, NEW.name);
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `ALTER TABLE digital_service ADD COLUMN national_service_id uuid REFERENCES national_service (id)`,
    );
    await queryRunner.query(`
      UPDATE digital_service d SET national_service_id = national_service_of(s.organisation_number, d.name)
        FROM supplier s WHERE s.id = d.supplier_id`);
    await queryRunner.query(
      `ALTER TABLE digital_service ALTER COLUMN national_service_id SET NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TRIGGER digital_service_link_national
        BEFORE INSERT OR UPDATE OF name, supplier_id ON digital_service
        FOR EACH ROW EXECUTE FUNCTION digital_service_link_national()`);
    await queryRunner.query(
      `CREATE INDEX digital_service_national_idx ON digital_service (municipality_id, national_service_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE service_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        national_service_id uuid NOT NULL REFERENCES national_service (id),
        municipality_id uuid NOT NULL DEFAULT ${CURRENT_MUNICIPALITY} REFERENCES municipality (id),
        kind text NOT NULL CHECK (kind IN ('NEW_VERSION', 'MIGRATION', 'NEW_SUB_PROCESSOR')),
        description text NOT NULL,
        version integer NOT NULL,
        reported_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE published_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        national_service_id uuid NOT NULL REFERENCES national_service (id),
        municipality_id uuid NOT NULL DEFAULT ${CURRENT_MUNICIPALITY} REFERENCES municipality (id),
        review_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('DATA_PROTECTION', 'INFORMATION_SECURITY', 'PROCUREMENT')),
        reviewer_role text NOT NULL,
        reviewed_on date NOT NULL,
        outcome text NOT NULL,
        conditions text NOT NULL,
        findings jsonb NOT NULL,
        service_version integer NOT NULL,
        adopted_from uuid REFERENCES published_review (id),
        published_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (review_id),
        FOREIGN KEY (municipality_id, review_id) REFERENCES service_review (municipality_id, id)
      )`);
    await queryRunner.query(
      `CREATE INDEX published_review_tool_idx ON published_review (national_service_id, published_at DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE published_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        national_service_id uuid NOT NULL REFERENCES national_service (id),
        municipality_id uuid NOT NULL DEFAULT ${CURRENT_MUNICIPALITY} REFERENCES municipality (id),
        service_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED', 'RETIRED')),
        decided_on date,
        public_conditions text NOT NULL,
        rejection_reasons text[] NOT NULL,
        service_version integer NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (municipality_id, service_id),
        FOREIGN KEY (municipality_id, service_id) REFERENCES digital_service (municipality_id, id)
      )`);
    await queryRunner.query(
      `CREATE INDEX published_decision_tool_idx ON published_decision (national_service_id, published_at DESC)`,
    );
    await queryRunner.query(
      `ALTER TABLE service_review ADD COLUMN adopted_from uuid REFERENCES published_review (id)`,
    );

    for (const table of SHARED_TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY shared_read ON ${table} FOR SELECT USING (true)`);
      await queryRunner.query(
        `CREATE POLICY own_insert ON ${table} FOR INSERT WITH CHECK (municipality_id = (SELECT ${CURRENT_MUNICIPALITY}))`,
      );
      await queryRunner.query(
        `CREATE POLICY own_update ON ${table} FOR UPDATE USING (municipality_id = (SELECT ${CURRENT_MUNICIPALITY}))
           WITH CHECK (municipality_id = (SELECT ${CURRENT_MUNICIPALITY}))`,
      );
      await queryRunner.query(
        `CREATE POLICY own_delete ON ${table} FOR DELETE USING (municipality_id = (SELECT ${CURRENT_MUNICIPALITY}))`,
      );
    }

    await queryRunner.query(`
      CREATE FUNCTION municipalities_with_tool(tool uuid)
        RETURNS TABLE (municipality_id uuid, service_id uuid, municipality_name text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$
        SELECT d.municipality_id, d.id, m.name FROM digital_service d
          JOIN municipality m ON m.id = d.municipality_id
         WHERE d.national_service_id = tool ORDER BY m.name, d.id
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION municipalities_with_tool(uuid) FROM PUBLIC`);
    await queryRunner.query(
      `GRANT EXECUTE ON FUNCTION municipalities_with_tool(uuid) TO licensregistret_api`,
    );
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON national_service, service_change, published_review, published_decision TO licensregistret_api`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION municipalities_with_tool(uuid)`);
    await queryRunner.query(`ALTER TABLE service_review DROP COLUMN adopted_from`);
    for (const table of [...SHARED_TABLES].reverse())
      await queryRunner.query(`DROP TABLE ${table}`);
    await queryRunner.query(`DROP TRIGGER digital_service_link_national ON digital_service`);
    await queryRunner.query(`ALTER TABLE digital_service DROP COLUMN national_service_id`);
    await queryRunner.query(`DROP FUNCTION digital_service_link_national()`);
    await queryRunner.query(`DROP FUNCTION national_service_of(text, text)`);
    await queryRunner.query(`DROP TABLE national_service`);
  }
}
