import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { hash } from '@node-rs/argon2';
import { Client } from 'pg';

import type { Dashboard } from '@licensregistret/domain';

import { TEST_PASSWORD } from '../../test/factories';
import { createTestApp } from '../../test/test-app';
import { TestClient } from '../../test/test-client';
import { ClockService } from '../common/clock.service';

/**
 * The dashboard's figures on a small, fixed municipality (the file's own database holds nothing
 * else), with today fixed at 2026-06-15 (summer time: UTC+2).
 * Every expected figure below is worked out by hand in the comments.
 */
const TODAY = '2026-06-15';

describe('GET /api/dashboard', () => {
  let db: Client;
  let app: NestFastifyApplication;
  let dashboard: Dashboard;

  const ids: Record<string, string> = {};
  const insert = async (key: string, sql: string, values: unknown[]) => {
    const { rows } = await db.query(`${sql} RETURNING id`, values);
    ids[key] = rows[0].id;
    return ids[key] as string;
  };

  async function unit(key: string, name: string, forms: string[], stages: string[] = []) {
    await insert(
      key,
      `INSERT INTO school_unit (administration_id, name, school_forms, compulsory_stages, pupil_count, network_group)
       VALUES ($1, $2, $3, $4, 100, 'Norr')`,
      [ids['administration'], name, forms, stages],
    );
  }

  async function agreement(
    key: string,
    terms: {
      supplier: string;
      number: string;
      signedOn: string | null;
      startsOn: string;
      endsOn: string;
      noticeMonths: number;
      renews?: boolean;
      cost: number;
      extension?: { options: number; decisionBy: string };
      terminatedOn?: string;
    },
  ) {
    await insert(
      key,
      `INSERT INTO agreement (supplier_id, agreement_number, case_number, procurement_route, signed_on,
         starts_on, ends_on, extension_options, extension_months, next_extension_decision_by,
         notice_period_months, internal_lead_days, renews_automatically, annual_cost, cost_model,
         terminated_on)
       VALUES ($1, $2, 'Bou 2026/1', 'FRAMEWORK', $3, $4, $5, $6, 12, $7, $8, 60, $9, $10, 'FLAT', $11)`,
      [
        ids[terms.supplier],
        terms.number,
        terms.signedOn,
        terms.startsOn,
        terms.endsOn,
        terms.extension?.options ?? 0,
        terms.extension?.decisionBy ?? null,
        terms.noticeMonths,
        terms.renews ?? false,
        terms.cost,
        terms.terminatedOn ?? null,
      ],
    );
  }

  async function licence(
    agreementKey: string,
    service: string,
    scope: { forms?: string[]; units?: string[] } | 'MUNICIPALITY',
    startsOn: string,
    endsOn: string,
  ) {
    const kind = scope === 'MUNICIPALITY' ? 'MUNICIPALITY' : scope.forms ? 'SCHOOL_FORMS' : 'UNITS';
    const forms = scope !== 'MUNICIPALITY' && scope.forms ? scope.forms : [];
    const id = await insert(
      `${agreementKey}-${service}-${Object.keys(ids).length}`,
      `INSERT INTO licence (agreement_id, service_id, scope, school_forms, starts_on, ends_on)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [ids[agreementKey], ids[service], kind, forms, startsOn, endsOn],
    );
    for (const unitKey of scope !== 'MUNICIPALITY' ? (scope.units ?? []) : []) {
      await db.query(`INSERT INTO licence_unit (licence_id, school_unit_id) VALUES ($1, $2)`, [
        id,
        ids[unitKey],
      ]);
    }
  }

  /** A request in a state, with its history: each event at the moment given. */
  async function request(
    key: string,
    state: string,
    submittedAt: string | null,
    events: [kind: string, at: string][] = [],
  ) {
    await insert(
      key,
      `INSERT INTO request (unit_id, requester_id, service_id, need, pupil_count, staff_count,
         personal_data, state, submitted_at)
       VALUES ($1, $2, $3, 'Behov', 25, 1, 'NONE', $4, $5)`,
      [ids['U1'], ids['requester'], ids['A'], state, submittedAt],
    );
    for (const [kind, at] of events) {
      await db.query(
        `INSERT INTO event (occurred_at, actor_id, subject_type, subject_id, kind, changes)
         VALUES ($1, $2, 'request', $3, $4, '{}')`,
        [at, ids['procurement'], ids[key], kind],
      );
    }
  }

  beforeAll(async () => {
    db = new Client({ connectionString: process.env['DATABASE_URL'] });
    await db.connect();

    // Of the file's database's municipality (TEST_MUNICIPALITY, its connections' default).
    await insert(
      'administration',
      `INSERT INTO administration (name) VALUES ('Förvaltning förskola och skola')`,
      [],
    );
    const passwordHash = await hash(TEST_PASSWORD);
    for (const [key, roles] of [
      ['procurement', ['PROCUREMENT']],
      ['requester', ['REQUESTER']],
    ] as const) {
      await insert(
        key,
        `INSERT INTO account (username, display_name, email, roles, password_hash)
         VALUES ($1, $1, $1 || '@test.example', $2, $3)`,
        [key, roles, passwordHash],
      );
    }

    // Three compulsory school units, one pre-school, two upper secondary.
    await unit('U1', 'Alfaskolan', ['GR'], ['F-3']);
    await unit('U2', 'Betaskolan', ['GR'], ['4-6']);
    await unit('U3', 'Gammaskolan', ['GR'], ['7-9']);
    await unit('U4', 'Deltas förskola', ['FS']);
    await unit('U5', 'Epsilongymnasiet', ['GY']);
    await unit('U6', 'Zetagymnasiet', ['GY']);

    await insert(
      'S1',
      `INSERT INTO supplier (name, organisation_number) VALUES ('Första AB', '556000-0001')`,
      [],
    );
    await insert(
      'S2',
      `INSERT INTO supplier (name, organisation_number) VALUES ('Andra AB', '556000-0002')`,
      [],
    );
    for (const [key, name, category] of [
      ['A', 'Alfatjänst', 'LEARNING_MATERIAL'],
      ['B', 'Betatjänst', 'ASSISTIVE_TECHNOLOGY'],
      ['C', 'Cetatjänst', 'LEARNING_MATERIAL'],
    ]) {
      await insert(
        key as string,
        `INSERT INTO digital_service (name, supplier_id, category, sign_in_method, personal_data,
           data_location, catalogue_status)
         VALUES ($1, $2, $3, 'FEDERATION', 'NONE', 'SWEDEN', 'APPROVED')`,
        [name, ids['S1'], category],
      );
    }

    // AV-1: renews by itself; notice by 2027-06-01 (lead time from 2027-04-02): ACTIVE.
    await agreement('AG1', {
      supplier: 'S1',
      number: 'AV-1',
      signedOn: '2025-01-01',
      startsOn: '2025-01-01',
      endsOn: '2027-12-01',
      noticeMonths: 6,
      renews: true,
      cost: 120000,
    });
    await licence('AG1', 'A', { forms: ['GR'] }, '2025-01-01', '2027-12-01');
    await licence('AG1', 'B', { units: ['U1'] }, '2025-01-01', '2027-12-01');
    // AV-2: renews by itself and the last day for notice (2026-04-30) has passed.
    await agreement('AG2', {
      supplier: 'S2',
      number: 'AV-2',
      signedOn: '2024-07-01',
      startsOn: '2024-08-01',
      endsOn: '2026-07-31',
      noticeMonths: 3,
      renews: true,
      cost: 50000,
    });
    await licence('AG2', 'C', { units: ['U1', 'U2'] }, '2024-08-01', '2026-07-31');
    // AV-3: extension decision by 2026-08-01, lead time from 2026-06-02: ACTION_NEEDED.
    await agreement('AG3', {
      supplier: 'S1',
      number: 'AV-3',
      signedOn: '2025-12-01',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      noticeMonths: 3,
      cost: 30000,
      extension: { options: 1, decisionBy: '2026-08-01' },
    });
    await licence('AG3', 'A', { units: ['U4'] }, '2026-01-01', '2026-12-31');
    await licence('AG3', 'C', { units: ['U4'] }, '2026-01-01', '2026-12-31');
    await licence('AG3', 'A', { units: ['U5'] }, '2026-01-01', '2026-12-31');
    // AV-4: a draft; its licence is in force nowhere and it costs nothing yet.
    await agreement('AG4', {
      supplier: 'S2',
      number: 'AV-4',
      signedOn: null,
      startsOn: '2026-09-01',
      endsOn: '2027-08-31',
      noticeMonths: 3,
      cost: 99999,
    });
    await licence('AG4', 'B', 'MUNICIPALITY', '2026-09-01', '2027-08-31');
    // AV-5: expired at the end of 2025.
    await agreement('AG5', {
      supplier: 'S2',
      number: 'AV-5',
      signedOn: '2022-12-01',
      startsOn: '2023-01-01',
      endsOn: '2025-12-31',
      noticeMonths: 3,
      cost: 77777,
    });
    await licence('AG5', 'B', 'MUNICIPALITY', '2023-01-01', '2025-12-31');
    // AV-6: notice given; ends 2027-01-31 but is TERMINATED and off the timeline.
    await agreement('AG6', {
      supplier: 'S1',
      number: 'AV-6',
      signedOn: '2025-01-01',
      startsOn: '2025-01-01',
      endsOn: '2027-01-31',
      noticeMonths: 3,
      cost: 40000,
      terminatedOn: '2026-03-01',
    });
    // AV-7: ends 2026-08-31, 77 days away, nothing follows: EXPIRING; licenses nothing.
    await agreement('AG7', {
      supplier: 'S2',
      number: 'AV-7',
      signedOn: '2025-08-15',
      startsOn: '2025-09-01',
      endsOn: '2026-08-31',
      noticeMonths: 1,
      cost: 10001,
    });
    // AV-8: ACTIVE until 2028; two licences of C count C once; B for GR starts 2026-07-01.
    await agreement('AG8', {
      supplier: 'S2',
      number: 'AV-8',
      signedOn: '2025-12-01',
      startsOn: '2026-01-01',
      endsOn: '2028-12-31',
      noticeMonths: 3,
      cost: 90000,
    });
    await licence('AG8', 'B', { forms: ['GR'] }, '2026-07-01', '2028-12-31');
    await licence('AG8', 'C', { units: ['U2'] }, '2026-01-01', '2028-12-31');
    await licence('AG8', 'C', { forms: ['GY'] }, '2026-01-01', '2028-12-31');

    // Open requests; their age is today minus the day (in Sweden) they were submitted.
    await request('R1', 'DRAFT', null);
    await request('R2', 'SUBMITTED', '2026-06-15T06:00:00Z'); // 0 days
    await request('R3', 'IN_TRIAGE', '2026-06-07T22:30:00Z'); // 2026-06-08 in Sweden: 7 days
    await request('R4', 'QUEUED', '2026-05-16T10:00:00Z'); // 30 days
    await request('R5', 'NEEDS_INFO', '2026-05-15T10:00:00Z'); // 31 days
    await request('R6', 'IN_REVIEW', '2026-03-17T10:00:00Z'); // 90 days
    await request('R7', 'IN_REVIEW', '2026-03-16T10:00:00Z'); // 91 days
    // Decided ones; days from the first SUBMIT to DECIDE or MARK_COVERED, by month of decision.
    await request('R8', 'DECIDED', '2026-05-01T08:00:00Z', [
      ['SUBMIT', '2026-05-01T08:00:00Z'],
      ['DECIDE', '2026-05-11T08:00:00Z'], // 2026-05: 10 days
    ]);
    await request('R9', 'DECIDED', '2026-05-05T08:00:00Z', [
      ['SUBMIT', '2026-04-20T08:00:00Z'],
      ['REQUEST_INFO', '2026-04-25T08:00:00Z'],
      ['SUBMIT', '2026-05-05T08:00:00Z'],
      ['DECIDE', '2026-05-20T08:00:00Z'], // 2026-05: 30 days from the first submission
    ]);
    await request('R10', 'ALREADY_COVERED', '2026-05-30T08:00:00Z', [
      ['SUBMIT', '2026-05-30T08:00:00Z'],
      ['MARK_COVERED', '2026-05-31T22:30:00Z'], // 2026-06-01 in Sweden: 2026-06, 2 days
    ]);
    await request('R11', 'IMPLEMENTED', '2026-05-02T08:00:00Z', [
      ['SUBMIT', '2026-05-02T08:00:00Z'],
      ['DECIDE', '2026-05-06T08:00:00Z'], // 2026-05: 4 days
      ['IMPLEMENT', '2026-06-01T08:00:00Z'],
    ]);
    await request('R12', 'DECIDED', '2025-05-01T08:00:00Z', [
      ['SUBMIT', '2025-05-01T08:00:00Z'],
      ['DECIDE', '2025-06-30T10:00:00Z'], // 2025-06: before the 12 months
    ]);
    await request('R13', 'DECIDED', '2025-07-01T08:00:00Z', [
      ['SUBMIT', '2025-07-01T08:00:00Z'],
      ['DECIDE', '2025-07-01T12:00:00Z'], // 2025-07: 0 days
    ]);
    await request('R14', 'WITHDRAWN', '2026-04-01T08:00:00Z', [
      ['SUBMIT', '2026-04-01T08:00:00Z'],
      ['WITHDRAW', '2026-04-02T08:00:00Z'],
    ]);
    // Another subject's DECIDE is no request's decision.
    await db.query(
      `INSERT INTO event (occurred_at, subject_type, subject_id, kind) VALUES ($1, 'service', $2, 'DECIDE')`,
      ['2026-05-12T08:00:00Z', ids['R8']],
    );

    app = await createTestApp();
    jest.spyOn(app.get(ClockService), 'today').mockReturnValue(TODAY);
    const client = await new TestClient(app).signIn({
      username: 'procurement',
      password: TEST_PASSWORD,
    });
    const response = await client.get('/api/dashboard');
    expect(response.status).toBe(200);
    dashboard = response.body;
  });

  afterAll(async () => {
    await app?.close();
    await db?.end();
  });

  it('is for the governance roles only', async () => {
    const requester = await new TestClient(app).signIn({
      username: 'requester',
      password: TEST_PASSWORD,
    });
    expect((await requester.get('/api/dashboard')).status).toBe(403);
    expect(dashboard.today).toBe(TODAY);
  });

  it('counts agreements by status, every status listed', () => {
    expect(dashboard.agreementsByStatus).toEqual([
      { status: 'DRAFT', count: 1 },
      { status: 'TERMINATED', count: 1 },
      { status: 'EXPIRED', count: 1 },
      { status: 'NOTICE_WINDOW_PASSED', count: 1 },
      { status: 'ACTION_NEEDED', count: 1 },
      { status: 'EXPIRING', count: 1 },
      { status: 'ACTIVE', count: 2 },
    ]);
  });

  it('counts requests by state (drafts left out) and open ones by days waiting', () => {
    expect(dashboard.requestsByState).toEqual([
      { state: 'SUBMITTED', count: 1 },
      { state: 'IN_TRIAGE', count: 1 },
      { state: 'QUEUED', count: 1 },
      { state: 'NEEDS_INFO', count: 1 },
      { state: 'IN_REVIEW', count: 2 },
      { state: 'ALREADY_COVERED', count: 1 },
      { state: 'DECIDED', count: 4 },
      { state: 'IMPLEMENTED', count: 1 },
      { state: 'WITHDRAWN', count: 1 },
    ]);
    expect(dashboard.openRequestAges).toEqual([
      { bucket: '0-7', count: 2 }, // R2, R3
      { bucket: '8-30', count: 1 }, // R4
      { bucket: '31-90', count: 2 }, // R5, R6
      { bucket: '91+', count: 1 }, // R7
    ]);
  });

  it('gives the median and 90th percentile of days to decision per month, for 12 months', () => {
    const empty = (month: string) => ({ month, count: 0, medianDays: null, p90Days: null });
    expect(dashboard.decisionTimes).toEqual([
      { month: '2025-07', count: 1, medianDays: 0, p90Days: 0 },
      ...['2025-08', '2025-09', '2025-10', '2025-11', '2025-12'].map(empty),
      ...['2026-01', '2026-02', '2026-03', '2026-04'].map(empty),
      // 4, 10, 30: median 10; p90 at rank 0.9 × 2 = 1.8: 10 + 0.8 × (30 − 10) = 26.
      { month: '2026-05', count: 3, medianDays: 10, p90Days: 26 },
      { month: '2026-06', count: 1, medianDays: 2, p90Days: 2 },
    ]);
  });

  it('splits the annual cost of agreements in effect evenly over the services they license', () => {
    // AV-1 120 000 over A, B; AV-2 50 000 to C; AV-3 30 000 over A, C; AV-8 90 000 over B, C;
    // AV-7 10 001 licenses nothing. Draft, expired and terminated ones do not count.
    expect(dashboard.cost.byService).toEqual([
      {
        serviceId: ids['C'],
        serviceName: 'Cetatjänst',
        category: 'LEARNING_MATERIAL',
        annualCost: 110000,
      },
      {
        serviceId: ids['B'],
        serviceName: 'Betatjänst',
        category: 'ASSISTIVE_TECHNOLOGY',
        annualCost: 105000,
      },
      {
        serviceId: ids['A'],
        serviceName: 'Alfatjänst',
        category: 'LEARNING_MATERIAL',
        annualCost: 75000,
      },
    ]);
    expect(dashboard.cost.byCategory).toEqual([
      { category: 'LEARNING_MATERIAL', annualCost: 185000 },
      { category: 'ASSISTIVE_TECHNOLOGY', annualCost: 105000 },
      { category: 'ASSESSMENT_MATERIAL', annualCost: 0 },
      { category: 'SKILLS_TRAINING', annualCost: 0 },
      { category: 'PREST_SUBJECTS', annualCost: 0 },
      { category: 'OFFICE_SUPPORT', annualCost: 0 },
      { category: 'ADMINISTRATIVE', annualCost: 0 },
    ]);
    expect(dashboard.cost.total).toBe(300001);
    expect(dashboard.cost.unallocated).toBe(10001);
  });

  it('lists what falls due in the next 18 months', () => {
    const entry = (
      key: string,
      number: string,
      supplier: string,
      status: string,
      kind: string,
      date: string,
    ) => ({
      agreementId: ids[key],
      agreementNumber: number,
      supplierName: supplier,
      status,
      kind,
      date,
    });
    expect(dashboard.renewals).toEqual({
      from: '2026-06-15',
      to: '2027-12-15',
      entries: [
        entry('AG2', 'AV-2', 'Andra AB', 'NOTICE_WINDOW_PASSED', 'END', '2026-07-31'),
        entry('AG3', 'AV-3', 'Första AB', 'ACTION_NEEDED', 'EXTENSION', '2026-08-01'),
        entry('AG7', 'AV-7', 'Andra AB', 'EXPIRING', 'END', '2026-08-31'),
        entry('AG3', 'AV-3', 'Första AB', 'ACTION_NEEDED', 'END', '2026-12-31'),
        entry('AG1', 'AV-1', 'Första AB', 'ACTIVE', 'NOTICE', '2027-06-01'),
        entry('AG1', 'AV-1', 'Första AB', 'ACTIVE', 'END', '2027-12-01'),
      ],
    });
  });

  it('names the units lacking a service most units of their school form have', () => {
    const service = (key: string, name: string, unitsWith: number, lacking: string[]) => ({
      serviceId: ids[key],
      serviceName: name,
      unitsWith,
      unitsLacking: lacking.map((unitKey) => ({ id: ids[unitKey], name: expect.any(String) })),
    });
    expect(dashboard.equity).toEqual([
      // Deltas förskola has A and C through AV-3.
      {
        schoolForm: 'FS',
        unitCount: 1,
        services: [service('A', 'Alfatjänst', 1, []), service('C', 'Cetatjänst', 1, [])],
      },
      // A for all GR (AV-1); C for Alfa and Beta (AV-2, AV-8), not Gamma; B only Alfa (1 of 3),
      // since AV-8's B for GR starts on 2026-07-01.
      {
        schoolForm: 'GR',
        unitCount: 3,
        services: [service('A', 'Alfatjänst', 3, []), service('C', 'Cetatjänst', 2, ['U3'])],
      },
      // C for GY (AV-8); A for Epsilon only: exactly half is not most.
      { schoolForm: 'GY', unitCount: 2, services: [service('C', 'Cetatjänst', 2, [])] },
    ]);
    expect(dashboard.equity[1]?.services[1]?.unitsLacking[0]?.name).toBe('Gammaskolan');
  });
});
