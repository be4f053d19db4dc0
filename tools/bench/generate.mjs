// A deterministic large municipality for the benchmark (or several, `--municipalities N`),
// generated inside PostgreSQL with INSERT … SELECT over generate_series: every value is a
// function of the row's number (and its municipality's), so the same scale always gives the same
// data (ids included), whatever the day or the machine.
import { hash } from '@node-rs/argon2';

export const SCALE = {
  units: 300,
  suppliers: 600,
  services: 3_000,
  agreements: 5_000,
  licences: 8_000,
  requests: 200_000,
  // Each request has 1–19 events (10 on average): about 2,000,000.
  eventsPerRequestMax: 19,
};

/**
 * The scale of each municipality when the registry holds `municipalities`: one has SCALE; with
 * several, each has SCALE's 300 units, accounts, catalogue, agreements and licences but a tenth of
 * its requests (and so of its events): 20 municipalities of 200,000 requests would be 40 million
 * events, hours of generating and some 25 GB on this machine; a tenth keeps the whole at twice
 * the single municipality (400,000 requests, about 4 million events).
 */
export function scaleFor(municipalities) {
  return municipalities === 1 ? SCALE : { ...SCALE, requests: SCALE.requests / 10 };
}

/** The bench signs in to the first municipality (its slug). */
export const BENCH_MUNICIPALITY = 'benchkoping';

/** Every bench account signs in with this password. */
export const BENCH_PASSWORD = 'Bench-2026-lösenord';

/** The day the generated history leads up to; fixed, so the data is the same on every run. */
export const ANCHOR_DAY = '2026-11-01';

/** The governance accounts the bench signs in as, by role. */
export const BENCH_ACCOUNTS = {
  specialist: { username: 'bench.specialist1', roles: ['OBJECT_SPECIALIST'] },
  procurement: { username: 'bench.procurement1', roles: ['PROCUREMENT'] },
};

const SCHOOL_FORMS = ['FS', 'GR', 'GRS', 'GY', 'GYS', 'VUX'];
const NETWORK_GROUPS = ['Norr', 'Söder', 'Öster', 'Väster', 'Centrum', 'Landsbygd'];
const CATEGORIES = [
  'LEARNING_MATERIAL',
  'ASSISTIVE_TECHNOLOGY',
  'ASSESSMENT_MATERIAL',
  'SKILLS_TRAINING',
  'PREST_SUBJECTS',
  'OFFICE_SUPPORT',
  'ADMINISTRATIVE',
];

const array = (values) => `ARRAY[${values.map((value) => `'${value}'`).join(',')}]`;

/** A uuid made from a kind and a number: the same on every run. */
const id = (kind, n) => `md5('${kind}:' || (${n}))::uuid`;

/** The ids of municipality `m`'s rows: the first municipality's are those of a single one. */
const idIn = (m) => (kind, n) => id(m === 1 ? kind : `${kind}@${m}`, n);

/**
 * `rnd(n, salt)`: a number in [0, 1) that depends only on n and salt. Kept as a SQL function for
 * the length of the generation.
 */
const HELPERS = `
  CREATE OR REPLACE FUNCTION pg_temp.rnd(n bigint, salt int) RETURNS double precision
    LANGUAGE sql IMMUTABLE AS
    $$ SELECT (hashint8(n * 1000003 + salt) & 2147483647)::double precision / 2147483648 $$;
  CREATE OR REPLACE FUNCTION pg_temp.pick(n bigint, salt int, choices text[]) RETURNS text
    LANGUAGE sql IMMUTABLE AS
    $$ SELECT choices[1 + floor(pg_temp.rnd(n, salt) * cardinality(choices))::int] $$;
`;

/** The tables the generator fills, children first (for TRUNCATE). */
const TABLES = [
  'event',
  'notification',
  'reminder',
  'calendar_feed',
  'service_review',
  'request',
  'licence_unit',
  'licence',
  'agreement',
  'digital_service',
  'supplier',
  'session',
  'login_failure',
  'trusted_device',
  'account_school_unit',
  'school_unit',
  'account',
  'administration',
  'municipality',
];

function steps(passwordHash, m, s) {
  const id = idIn(m);
  const name = m === 1 ? 'Benchköping' : `Benchköping ${m}`;
  const slug = m === 1 ? BENCH_MUNICIPALITY : `${BENCH_MUNICIPALITY}-${m}`;
  const governance = [
    ...[1, 2, 3, 4, 5].map((n) => [`bench.specialist${n}`, 'OBJECT_SPECIALIST']),
    ...[1, 2].map((n) => [`bench.manager${n}`, 'OBJECT_MANAGER']),
    ...[1, 2, 3].map((n) => [`bench.procurement${n}`, 'PROCUREMENT']),
    ...[1, 2].map((n) => [`bench.dataskydd${n}`, 'DATA_PROTECTION']),
    ...[1, 2].map((n) => [`bench.infosak${n}`, 'INFORMATION_SECURITY']),
  ];
  // A request's unit, and the requester: one of the unit's nine teachers.
  const requestUnit = `(1 + (i * 7919) % ${s.units})`;
  const requestState = `CASE
      WHEN pg_temp.rnd(i, 1) < 0.03 THEN 'DRAFT'
      WHEN pg_temp.rnd(i, 1) < 0.06 THEN 'SUBMITTED'
      WHEN pg_temp.rnd(i, 1) < 0.08 THEN 'IN_TRIAGE'
      WHEN pg_temp.rnd(i, 1) < 0.10 THEN 'QUEUED'
      WHEN pg_temp.rnd(i, 1) < 0.11 THEN 'NEEDS_INFO'
      WHEN pg_temp.rnd(i, 1) < 0.13 THEN 'IN_REVIEW'
      WHEN pg_temp.rnd(i, 1) < 0.23 THEN 'ALREADY_COVERED'
      WHEN pg_temp.rnd(i, 1) < 0.73 THEN 'DECIDED'
      WHEN pg_temp.rnd(i, 1) < 0.90 THEN 'IMPLEMENTED'
      ELSE 'WITHDRAWN' END`;
  return [
    [
      'municipality and administration',
      `
      INSERT INTO municipality (id, name, slug) VALUES (${id('municipality', 1)}, '${name}', '${slug}');
      -- Every later row's municipality_id defaults to this setting (to the transaction's end).
      SELECT set_config('app.municipality_id', ${id('municipality', 1)}::text, true);
      INSERT INTO administration (id, municipality_id, name)
        VALUES (${id('administration', 1)}, ${id('municipality', 1)}, 'Utbildningsförvaltningen');`,
    ],
    [
      'governance accounts',
      `
      INSERT INTO account (id, username, display_name, email, roles, password_hash)
      SELECT ${id('governance', 'n')}, username, 'Bench ' || username, username || '@bench.invalid',
             ARRAY[role], '${passwordHash}'
        FROM (VALUES ${governance.map(([u, r], n) => `(${n + 1}, '${u}', '${r}')`).join(', ')})
             AS g (n, username, role);`,
    ],
    [
      'school accounts',
      `
      INSERT INTO account (id, username, display_name, email, roles, password_hash)
      SELECT ${id('school-account', 'i')}, 'bench.skola' || i, 'Lärare ' || i,
             'skola' || i || '@bench.invalid',
             CASE WHEN i % 10 = 1 THEN ARRAY['PRINCIPAL'] ELSE ARRAY['REQUESTER'] END,
             '${passwordHash}'
        FROM generate_series(1::bigint, ${s.units * 10}) AS i;`,
    ],
    [
      'school units',
      `
      INSERT INTO school_unit (id, administration_id, name, code, school_forms, compulsory_stages,
                               pupil_count, network_group, principal_id)
      SELECT ${id('unit', 'i')}, ${id('administration', 1)},
             'Skola ' || lpad(i::text, 3, '0'), lpad((10000000 + ${(m - 1) * 1000} + i)::text, 8, '0'), forms,
             CASE WHEN 'GR' = ANY (forms) THEN ARRAY['F-3', '4-6'] ELSE '{}' END,
             50 + floor(pg_temp.rnd(i, 2) * 900)::int,
             pg_temp.pick(i, 3, ${array(NETWORK_GROUPS)}),
             ${id('school-account', '(i - 1) * 10 + 1')}
        FROM generate_series(1::bigint, ${s.units}) AS i,
             LATERAL (SELECT CASE i % 4 WHEN 0 THEN ARRAY['FS'] WHEN 1 THEN ARRAY['GR']
                                        WHEN 2 THEN ARRAY['FS', 'GR'] ELSE ARRAY['GY'] END
                             AS forms) f;
      INSERT INTO account_school_unit (account_id, school_unit_id)
      SELECT ${id('school-account', 'i')}, ${id('unit', '(i - 1) / 10 + 1')}
        FROM generate_series(1::bigint, ${s.units * 10}) AS i;`,
    ],
    [
      'suppliers',
      `
      INSERT INTO supplier (id, name, organisation_number, contact_email, web_address)
      SELECT ${id('supplier', 'i')}, 'Leverantör ' || lpad(i::text, 4, '0') || ' AB',
             '55' || lpad(i::text, 4, '0') || '-' || lpad((i * 37 % 10000)::text, 4, '0'),
             'avtal@leverantor' || i || '.invalid', 'https://leverantor' || i || '.invalid'
        FROM generate_series(1::bigint, ${s.suppliers}) AS i;`,
    ],
    [
      'services',
      `
      INSERT INTO digital_service (id, name, supplier_id, category, description, school_forms,
                                   languages, sign_in_method, personal_data, data_location,
                                   catalogue_status, status_decided_on)
      SELECT ${id('service', 'i')}, 'Tjänst ' || lpad(i::text, 4, '0'),
             ${id('supplier', `1 + (i - 1) % ${s.suppliers}`)},
             pg_temp.pick(i, 4, ${array(CATEGORIES)}), 'Digitalt läromedel nummer ' || i,
             ARRAY[pg_temp.pick(i, 5, ${array(SCHOOL_FORMS)})], ARRAY['sv'],
             pg_temp.pick(i, 6, ARRAY['MUNICIPAL_SSO', 'FEDERATION', 'OWN_ACCOUNTS', 'NONE']),
             pg_temp.pick(i, 7, ARRAY['NONE', 'PUPILS_ORDINARY', 'PUPILS_ORDINARY']),
             pg_temp.pick(i, 8, ARRAY['SWEDEN', 'EU_EEA', 'OUTSIDE_EU_EEA']),
             status, CASE WHEN status = 'UNDER_REVIEW' THEN NULL
                          ELSE DATE '${ANCHOR_DAY}' - floor(pg_temp.rnd(i, 10) * 1400)::int END
        FROM generate_series(1::bigint, ${s.services}) AS i,
             LATERAL (SELECT pg_temp.pick(i, 9, ARRAY['APPROVED', 'APPROVED', 'APPROVED',
                       'APPROVED_WITH_CONDITIONS', 'UNDER_REVIEW', 'REJECTED', 'RETIRED']) AS status) st;`,
    ],
    [
      'agreements',
      `
      INSERT INTO agreement (id, supplier_id, agreement_number, case_number, procurement_route,
                             signed_on, starts_on, ends_on, extension_options, extension_months,
                             next_extension_decision_by, notice_period_months, internal_lead_days,
                             renews_automatically, annual_cost, cost_model, owner_id,
                             dpa_signed, dpa_signed_on, terminated_on)
      SELECT ${id('agreement', 'i')}, ${id('supplier', `1 + (i - 1) % ${s.suppliers}`)},
             'AVT-' || lpad(i::text, 5, '0'), 'UBN 2026/' || i,
             pg_temp.pick(i, 11, ARRAY['FRAMEWORK', 'DIRECT_AWARD', 'OWN_TENDER']),
             CASE WHEN pg_temp.rnd(i, 12) < 0.05 THEN NULL ELSE starts - 30 END,
             starts, starts + years * 365, options, 12,
             CASE WHEN options > 0 AND NOT renews THEN starts + years * 365 - 90 END,
             1 + floor(pg_temp.rnd(i, 13) * 6)::int, 30 + floor(pg_temp.rnd(i, 14) * 60)::int,
             renews, round((5000 + pg_temp.rnd(i, 15) * 400000)::numeric, 2),
             pg_temp.pick(i, 16, ARRAY['PER_PUPIL', 'PER_UNIT', 'FLAT']),
             CASE WHEN i % 3 = 0 THEN NULL ELSE ${id('governance', '6 + i % 2')} END,
             pg_temp.rnd(i, 17) < 0.8, CASE WHEN pg_temp.rnd(i, 17) < 0.8 THEN starts - 30 END,
             CASE WHEN pg_temp.rnd(i, 18) < 0.02 THEN starts + 200 END
        FROM generate_series(1::bigint, ${s.agreements}) AS i,
             LATERAL (SELECT DATE '${ANCHOR_DAY}' - floor(pg_temp.rnd(i, 19) * 1800)::int AS starts,
                             1 + floor(pg_temp.rnd(i, 20) * 4)::int AS years,
                             pg_temp.rnd(i, 21) < 0.4 AS renews,
                             CASE WHEN pg_temp.rnd(i, 22) < 0.5 THEN 0 ELSE 2 END AS options) v;`,
    ],
    [
      'licences',
      `
      INSERT INTO licence (id, agreement_id, service_id, scope, school_forms, seat_count,
                           starts_on, ends_on)
      SELECT ${id('licence', 'i')}, a.id, ${id('service', `1 + (i * 13) % ${s.services}`)},
             scope, CASE WHEN scope = 'SCHOOL_FORMS' THEN ARRAY['GR'] ELSE '{}' END,
             CASE WHEN scope = 'UNITS' THEN (100 + i % 900)::int END, a.starts_on, a.ends_on
        FROM generate_series(1::bigint, ${s.licences}) AS i
        JOIN agreement a ON a.id = ${id('agreement', `1 + (i - 1) % ${s.agreements}`)},
             LATERAL (SELECT CASE WHEN pg_temp.rnd(i, 23) < 0.1 THEN 'MUNICIPALITY'
                                  WHEN pg_temp.rnd(i, 23) < 0.5 THEN 'SCHOOL_FORMS'
                                  ELSE 'UNITS' END AS scope) sc;
      INSERT INTO licence_unit (licence_id, school_unit_id)
      SELECT DISTINCT l.id, ${id('unit', `1 + (l.n * 31 + k * 97) % ${s.units}`)}
        FROM (SELECT ${id('licence', 'i')} AS id, i AS n FROM generate_series(1::bigint, ${s.licences}) AS i) l
        JOIN licence x ON x.id = l.id AND x.scope = 'UNITS',
             generate_series(1, 1 + l.n % 5) AS k;`,
    ],
    [
      'requests',
      `
      INSERT INTO request (id, unit_id, requester_id, service_id, new_tool_name, new_tool_supplier,
                           need, subjects, target_group, school_forms, pupil_count, staff_count,
                           personal_data, state, state_before_info, open_question,
                           endorsed_by, endorsed_at, decision_outcome, decision_reasons,
                           decision_text, decided_by, decided_at, created_at, submitted_at,
                           updated_at)
      SELECT ${id('request', 'i')}, ${id('unit', requestUnit)},
             ${id('school-account', `(${requestUnit} - 1) * 10 + 2 + i % 9`)},
             CASE WHEN new_tool THEN NULL ELSE ${id('service', `1 + (i * 104729) % ${s.services}`)} END,
             CASE WHEN new_tool THEN 'Nytt verktyg ' || (i % 2000) END,
             CASE WHEN new_tool THEN 'Okänd leverantör' END,
             'Eleverna behöver öva läsförståelse med stöd av verktyget (begäran ' || i || ').',
             ARRAY['Svenska'], 'Årskurs 4–6', ARRAY['GR'], (20 + i % 200)::int, (1 + i % 10)::int,
             pg_temp.pick(i, 24, ARRAY['NONE', 'PUPILS_ORDINARY']),
             state, CASE WHEN state = 'NEEDS_INFO' THEN 'IN_TRIAGE' END,
             CASE WHEN state = 'NEEDS_INFO' THEN 'Hur många licenser behövs?' END,
             CASE WHEN state <> 'DRAFT' THEN ${id('school-account', `(${requestUnit} - 1) * 10 + 1`)} END,
             CASE WHEN state <> 'DRAFT' THEN created END,
             outcome, CASE WHEN outcome = 'REJECTED' THEN ARRAY['NEED'] ELSE '{}' END,
             CASE WHEN outcome IS NOT NULL THEN 'Beslut efter granskning.' END,
             CASE WHEN outcome IS NOT NULL THEN ${id('governance', '1 + i % 5')} END,
             CASE WHEN outcome IS NOT NULL THEN created + interval '20 days' END,
             created, CASE WHEN state <> 'DRAFT' THEN created + interval '1 day' END, created
        FROM generate_series(1::bigint, ${s.requests}) AS i,
             LATERAL (SELECT ${requestState} AS state, pg_temp.rnd(i, 25) < 0.1 AS new_tool) st,
             LATERAL (SELECT CASE WHEN state IN ('DECIDED', 'IMPLEMENTED') THEN
                               pg_temp.pick(i, 26, ARRAY['APPROVED', 'APPROVED', 'APPROVED',
                                 'APPROVED_WITH_CONDITIONS', 'REJECTED']) END AS outcome,
                             -- Open requests are recent; closed ones reach four years back.
                             timestamptz '${ANCHOR_DAY} 08:00 Europe/Stockholm'
                               - make_interval(days => CASE
                                   WHEN state IN ('ALREADY_COVERED', 'DECIDED', 'IMPLEMENTED', 'WITHDRAWN')
                                   THEN 30 + floor(pg_temp.rnd(i, 27) * 1400)::int
                                   ELSE floor(pg_temp.rnd(i, 27) * 120)::int END)
                               + make_interval(mins => (i % 600)::int) AS created) d
       ORDER BY i;`,
    ],
    [
      'events',
      `
      INSERT INTO event (occurred_at, actor_id, subject_type, subject_id, kind, from_state,
                         to_state, message, changes)
      SELECT r.created_at + make_interval(hours => k), r.requester_id, 'request', r.id,
             CASE WHEN k = 1 THEN 'CREATED' WHEN k = 2 AND r.state <> 'DRAFT' THEN 'SUBMIT'
                  ELSE 'COMMENT' END,
             CASE WHEN k = 1 THEN NULL WHEN k = 2 AND r.state <> 'DRAFT' THEN 'DRAFT' ELSE r.state END,
             CASE WHEN k = 1 THEN 'DRAFT' WHEN k = 2 AND r.state <> 'DRAFT' THEN 'SUBMITTED' ELSE r.state END,
             CASE WHEN k > 2 THEN 'Kommentar ' || k || ' om begäran ' || r.number END, '{}'::jsonb
        FROM request r, generate_series(1, 1 + (r.number * 7) % ${s.eventsPerRequestMax}) AS k
       WHERE r.municipality_id = ${id('municipality', 1)}
       ORDER BY r.number, k;`,
    ],
  ];
}

/**
 * Empties the registry's tables and fills them with `municipalities` large municipalities,
 * reporting each step with its time. Runs in one transaction: an interrupted run leaves the
 * database as it was. As the owner, outside row-level security: each municipality's rows get
 * its id from the setting the first step makes.
 */
export async function generate(client, log = () => undefined, municipalities = 1) {
  const passwordHash = await hash(BENCH_PASSWORD);
  await client.query('BEGIN');
  try {
    await client.query(HELPERS);
    // The event history refuses TRUNCATE by trigger; the bench owns this database.
    await client.query('ALTER TABLE event DISABLE TRIGGER event_no_truncate');
    await client.query(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE`);
    await client.query('ALTER TABLE event ENABLE TRIGGER event_no_truncate');
    const scale = scaleFor(municipalities);
    for (let m = 1; m <= municipalities; m += 1) {
      const times = [];
      for (const [name, sql] of steps(passwordHash, m, scale)) {
        const started = performance.now();
        await client.query(sql);
        times.push(`${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }
      log(`  ${municipalities > 1 ? `municipality ${m}: ` : ''}${times.join(', ')}`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  const started = performance.now();
  await client.query('VACUUM (ANALYZE)');
  log(`  vacuum and analyze (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

/** How many rows each table holds, to print and to check. */
export async function rowCounts(client) {
  const counts = {};
  for (const table of [
    'school_unit',
    'account',
    'digital_service',
    'agreement',
    'licence',
    'request',
    'event',
  ]) {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = rows[0].n;
  }
  return counts;
}
