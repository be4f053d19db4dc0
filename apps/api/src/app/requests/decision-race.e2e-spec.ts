import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import {
  closeTestDatabase,
  createTestAccount,
  createTestService,
  createTestSupplier,
  testDatabase,
} from '../../test/factories';
import {
  type RoutineCast,
  createRoutineCast,
  requestInState,
  reviewAll,
} from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';

/**
 * Two specialists deciding the same request at the same moment, for real: both requests are in
 * flight at once against two API instances on one database, each with its own connection pool.
 */
describe('racing decisions', () => {
  let first: NestFastifyApplication;
  let second: NestFastifyApplication;
  let cast: RoutineCast;
  let serviceId: string;
  let specialists: TestClient[];

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestApp(), createTestApp()]);
    cast = await createRoutineCast(first);
    const supplier = await createTestSupplier();
    serviceId = (await createTestService(supplier.id)).id;
    await reviewAll(cast, serviceId);
    specialists = await Promise.all(
      [first, second].map(async (app) =>
        signedIn(app, await createTestAccount(['OBJECT_SPECIALIST'])),
      ),
    );
  });

  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
    await closeTestDatabase();
  });

  async function decisions(id: string): Promise<number> {
    const { rows } = await testDatabase().query(
      `SELECT count(*)::int AS n FROM event WHERE subject_type = 'request' AND subject_id = $1 AND kind = 'DECIDE'`,
      [id],
    );
    return rows[0].n;
  }

  it('of two opposite decisions at once, exactly one wins; the other gets 409 with the state', async () => {
    for (let round = 0; round < 10; round += 1) {
      const id = await requestInState(cast, 'IN_REVIEW', { serviceId });
      const [approve, reject] = await Promise.all([
        specialists[0].post(`/api/requests/${id}/moves`, {
          move: 'DECIDE',
          version: 1,
          outcome: 'APPROVED',
        }),
        specialists[1].post(`/api/requests/${id}/moves`, {
          move: 'DECIDE',
          version: 1,
          outcome: 'REJECTED',
          reasons: ['ECONOMY'],
          text: 'Ryms inte i budgeten.',
        }),
      ]);
      const statuses = [approve.status, reject.status].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = approve.status === 409 ? approve : reject;
      const winner = approve.status === 200 ? approve : reject;
      expect(loser.body).toMatchObject({ currentState: 'DECIDED', currentVersion: 2 });
      const { rows } = await testDatabase().query(
        `SELECT state, version, decision_outcome FROM request WHERE id = $1`,
        [id],
      );
      expect(rows[0]).toEqual({
        state: 'DECIDED',
        version: 2,
        decision_outcome: winner.body.decision.outcome,
      });
      expect(await decisions(id)).toBe(1);
    }
  });

  it('of 100 concurrent moves on one request, exactly one wins and the history has one entry', async () => {
    const id = await requestInState(cast, 'IN_REVIEW', { serviceId });
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        specialists[index % 2].post(`/api/requests/${id}/moves`, {
          move: 'DECIDE',
          version: 1,
          outcome: 'APPROVED',
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(99);
    expect(await decisions(id)).toBe(1);
  });
});
