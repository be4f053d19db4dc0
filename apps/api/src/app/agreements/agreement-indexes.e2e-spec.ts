import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';

import { pgPoolOf } from '../../database/pg-pool';
import { runInMunicipality } from '../../database/query-scope';
import {
  closeTestDatabase,
  createTestAccount,
  createTestSupplier,
  createTestUnit,
  testDatabase,
} from '../../test/factories';
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';
import { TEST_MUNICIPALITY } from '../../test/test-databases';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/**
 * Every filter and sort the agreements grid offers can be answered from an index: the query the
 * API really runs is planned with sequential scans (and, for sorts, sorting) switched off, and
 * the plan must still read the agreements through the index named.
 */
describe('the agreements grid’s filters and sorts are backed by indexes', () => {
  let app: NestFastifyApplication;
  let client: TestClient;
  let supplierId: string;
  let unitId: string;

  beforeAll(async () => {
    app = await createTestApp();
    client = await signedIn(app, await createTestAccount(['PROCUREMENT']));
    supplierId = (await createTestSupplier()).id;
    unitId = (await createTestUnit()).id;
    // The planner's statistics of a municipality's agreements, as a registry in use has them:
    // without any, it takes row-level security's condition on the municipality for a selective
    // one and would read any index leading with it. Agreements of another supplier, in force for
    // years to come, so that each filter asks for few of them.
    await testDatabase().query(
      `INSERT INTO agreement (supplier_id, agreement_number, case_number, procurement_route,
         signed_on, starts_on, ends_on, notice_period_months, internal_lead_days,
         renews_automatically, annual_cost, cost_model)
       SELECT $1, 'A-' || n, 'KS-' || n, 'DIRECT_AWARD', DATE '2020-01-01', DATE '2020-01-01',
              DATE '2029-01-01' + n * 3, 3, 30, n % 2 = 0, n * 1000, 'FLAT'
         FROM generate_series(1, 400) n`,
      [(await createTestSupplier()).id],
    );
    await testDatabase().query('ANALYZE agreement, supplier, licence, digital_service');
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  /** The page query (the one with LIMIT) the API runs for this list request, on the pg pool. */
  async function pageQueryOf(path: string): Promise<[string, unknown[]]> {
    const spy = jest.spyOn(pgPoolOf(app.get(DataSource)), 'query');
    try {
      const response = await client.get(path);
      expect(response.status).toBe(200);
      const call = spy.mock.calls.find(([sql]) => /LIMIT/.test(String(sql)));
      if (!call) throw new Error(`No page query for ${path}`);
      return [String(call[0]), (call[1] as unknown[] | undefined) ?? []];
    } finally {
      spy.mockRestore();
    }
  }

  /**
   * The indexes the page query is planned with when the planner may neither scan a whole table
   * nor sort: what remains possible is reading through an index that has the rows in order.
   */
  async function indexesUsed(path: string): Promise<string[]> {
    const [sql, parameters] = await pageQueryOf(path);
    // As the API runs it: for the caller's municipality, under row-level security.
    return runInMunicipality(TEST_MUNICIPALITY.id, () =>
      app.get(DataSource).transaction(async (manager) => {
        await manager.query('SET LOCAL enable_seqscan = off');
        if (/sort=/.test(path)) await manager.query('SET LOCAL enable_sort = off');
        const [
          {
            'QUERY PLAN': [{ Plan }],
          },
        ] = await manager.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters);
        return nodes(Plan as PlanNode).flatMap((node) =>
          node['Index Name'] ? [node['Index Name']] : [],
        );
      }),
    );
  }

  it.each([
    ['status: action needed', '/api/agreements?status=ACTION_NEEDED', 'agreement_action_from_idx'],
    ['status: expiring', '/api/agreements?status=EXPIRING', 'agreement_ends_on_idx'],
    [
      'status: notice window passed',
      '/api/agreements?status=NOTICE_WINDOW_PASSED',
      'agreement_next_deadline_idx',
    ],
    ['status: draft', '/api/agreements?status=DRAFT', 'agreement_draft_idx'],
    ['status: terminated', '/api/agreements?status=TERMINATED', 'agreement_terminated_idx'],
    ['status: expired', '/api/agreements?status=EXPIRED', 'agreement_ends_on_idx'],
    ['supplier', `/api/agreements?supplierId=SUPPLIER`, 'agreement_supplier_idx'],
    [
      'end date range',
      '/api/agreements?endsFrom=2027-01-01&endsTo=2027-12-31',
      'agreement_ends_on_idx',
    ],
    [
      'notice deadline range',
      '/api/agreements?noticeFrom=2027-01-01&noticeTo=2027-06-30',
      'agreement_notice_idx',
    ],
    [
      'cost range',
      '/api/agreements?minCost=100000&maxCost=200000&sort=annualCost:asc',
      'agreement_cost_idx',
    ],
    ['sort by end date', '/api/agreements?sort=endsOn:asc', 'agreement_ends_on_idx'],
    [
      'sort by last day to give notice',
      '/api/agreements?sort=lastDayToGiveNotice:asc',
      'agreement_notice_idx',
    ],
    [
      'sort by next deadline',
      '/api/agreements?sort=nextDeadline:desc',
      'agreement_next_deadline_idx',
    ],
    ['sort by cost', '/api/agreements?sort=annualCost:desc', 'agreement_cost_idx'],
    ['sort by supplier', '/api/agreements?sort=supplierName:asc', 'supplier_name_idx'],
    [
      'sort by agreement number',
      '/api/agreements?sort=agreementNumber:asc',
      'agreement_number_idx',
    ],
  ])('%s', async (_name, path, index) => {
    expect(await indexesUsed(path.replace('SUPPLIER', supplierId))).toContain(index);
  });

  it.each([
    ['school form', '/api/agreements?schoolForm=GY'],
    ['unit', '/api/agreements?unitId=UNIT'],
  ])('filter by %s reads licences through their agreement index', async (_name, path) => {
    expect(await indexesUsed(path.replace('UNIT', unitId))).toContain('licence_agreement_idx');
  });
});
