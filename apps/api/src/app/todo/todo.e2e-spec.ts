import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';

import { type TodoItem, addDays, addMonths, todayInSweden } from '@licensregistret/domain';

import {
  agreementBody,
  closeTestDatabase,
  createTestAccount,
  createTestService,
  createTestSupplier,
} from '../../test/factories';
import {
  type CastRole,
  REVIEWER,
  type RoutineCast,
  createRoutineCast,
  move,
  newToolRequest,
  passingReview,
  requestInState,
  reviewAll,
} from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';

/** "Att göra": what waits for each person, with where to act. */
describe('GET /api/todo', () => {
  let app: NestFastifyApplication;
  let cast: RoutineCast;

  beforeAll(async () => {
    app = await createTestApp({ confirmationThreshold: 100_000 });
    cast = await createRoutineCast(app);
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  async function todoOf(client: TestClient, query = ''): Promise<TodoItem[]> {
    const response = await client.get(`/api/todo${query}`);
    expect(response.status).toBe(200);
    expect(response.body.total).toBeGreaterThanOrEqual(response.body.rows.length);
    return response.body.rows;
  }

  const forRequest = (rows: TodoItem[], id: string) => rows.filter((row) => row.requestId === id);
  const everyoneBut = (...roles: CastRole[]) =>
    (Object.keys(cast.as) as CastRole[]).filter((role) => !roles.includes(role));

  async function nobodyElseHas(id: string, ...roles: CastRole[]): Promise<void> {
    for (const role of everyoneBut(...roles)) {
      expect([role, forRequest(await todoOf(cast.as[role]), id)]).toEqual([role, []]);
    }
  }

  it('the principal endorses a requester’s draft; then the requester submits it', async () => {
    const created = await cast.as.requester.post('/api/requests', newToolRequest(cast.unit.id));
    const id = created.body.id as string;
    expect(forRequest(await todoOf(cast.as.principal), id)).toEqual([
      expect.objectContaining({
        action: 'ENDORSE',
        requestId: id,
        title: expect.stringContaining(`Begäran ${created.body.number}`),
      }),
    ]);
    await nobodyElseHas(id, 'principal');

    await move(cast.as.principal, id, { move: 'ENDORSE' });
    expect(forRequest(await todoOf(cast.as.principal), id)).toEqual([]);
    expect(forRequest(await todoOf(cast.as.requester), id)).toEqual([
      expect.objectContaining({ action: 'SUBMIT', requestId: id }),
    ]);
    await nobodyElseHas(id, 'requester');
  });

  it('a declined request waits for the requester to change it, then for the principal again', async () => {
    const created = await cast.as.requester.post('/api/requests', newToolRequest(cast.unit.id));
    const id = created.body.id as string;
    const declined = await move(cast.as.principal, id, { move: 'DECLINE', text: 'För dyrt.' });
    expect(forRequest(await todoOf(cast.as.principal), id)).toEqual([]);
    expect(forRequest(await todoOf(cast.as.requester), id)).toEqual([
      expect.objectContaining({ action: 'REVISE', detail: 'Rektor avstyrkte: För dyrt.' }),
    ]);
    await nobodyElseHas(id, 'requester');

    const revised = await cast.as.requester.patch(`/api/requests/${id}`, {
      version: declined.version,
      pupilCount: 30,
    });
    expect(revised.status).toBe(200);
    expect(forRequest(await todoOf(cast.as.requester), id)).toEqual([]);
    expect(forRequest(await todoOf(cast.as.principal), id)).toEqual([
      expect.objectContaining({ action: 'ENDORSE' }),
    ]);
  });

  it('the specialists triage an endorsed submission, not one still waiting for the principal', async () => {
    const endorsed = await requestInState(cast, 'SUBMITTED', { serviceId: null });
    const unendorsed = await requestInState(cast, 'SUBMITTED', {
      serviceId: null,
      endorsed: false,
    });
    const rows = await todoOf(cast.as.specialist);
    expect(forRequest(rows, endorsed)).toEqual([
      expect.objectContaining({ action: 'TRIAGE', detail: 'Inskickad, inte bedömd' }),
    ]);
    expect(forRequest(rows, unendorsed)).toEqual([]);
    expect(forRequest(await todoOf(cast.as.principal), unendorsed)).toEqual([
      expect.objectContaining({ action: 'ENDORSE' }),
    ]);
    await nobodyElseHas(endorsed, 'specialist');
  });

  it('the school answers a question; the other unit does not see it', async () => {
    const id = await requestInState(cast, 'NEEDS_INFO');
    for (const role of ['requester', 'principal'] as const) {
      expect(forRequest(await todoOf(cast.as[role]), id)).toEqual([
        expect.objectContaining({ action: 'ANSWER', detail: 'Fråga: Hur många elever?' }),
      ]);
    }
    await nobodyElseHas(id, 'requester', 'principal');
  });

  it('each reviewer whose review is missing has it, linking to the form; once saved it is gone', async () => {
    const supplier = await createTestSupplier();
    const serviceId = (await createTestService(supplier.id)).id;
    const id = await requestInState(cast, 'IN_TRIAGE', { serviceId });
    await move(cast.as.specialist, id, { move: 'START_REVIEW' });

    for (const kind of ['DATA_PROTECTION', 'INFORMATION_SECURITY', 'PROCUREMENT'] as const) {
      const rows = (await todoOf(cast.as[REVIEWER[kind]])).filter(
        (row) => row.serviceId === serviceId,
      );
      expect(rows).toEqual([
        expect.objectContaining({ action: 'REVIEW', reviewKind: kind, requestId: null }),
      ]);
    }
    const onlyReviews = await todoOf(cast.as.dataProtection, '?action=REVIEW');
    expect(onlyReviews.every((row) => row.action === 'REVIEW')).toBe(true);
    expect(onlyReviews.some((row) => row.serviceId === serviceId)).toBe(true);

    const saved = await cast.as.dataProtection.post(
      `/api/services/${serviceId}/reviews`,
      passingReview('DATA_PROTECTION'),
    );
    expect(saved.status).toBe(201);
    expect(
      (await todoOf(cast.as.dataProtection)).filter((row) => row.serviceId === serviceId),
    ).toEqual([]);
    expect(
      (await todoOf(cast.as.procurement)).filter((row) => row.serviceId === serviceId),
    ).toHaveLength(1);
    expect(forRequest(await todoOf(cast.as.specialist), id)).toEqual([]);
  });

  it('the specialist decides once every review is in; above the threshold the manager confirms', async () => {
    const supplier = await createTestSupplier();
    const serviceId = (await createTestService(supplier.id)).id;
    await reviewAll(cast, serviceId);
    const id = await requestInState(cast, 'IN_REVIEW', { serviceId });
    expect(forRequest(await todoOf(cast.as.specialist), id)).toEqual([
      expect.objectContaining({ action: 'DECIDE', detail: 'Alla granskningar klara' }),
    ]);
    await nobodyElseHas(id, 'specialist');

    const costly = await cast.as.procurement.post(
      `/api/services/${serviceId}/reviews`,
      passingReview('PROCUREMENT', { annualCost: 450_000 }),
    );
    expect(costly.status).toBe(201);
    expect(forRequest(await todoOf(cast.as.specialist), id)).toEqual([
      expect.objectContaining({
        action: 'DECIDE',
        detail: expect.stringContaining('föreslå beslut'),
      }),
    ]);
    await move(cast.as.specialist, id, {
      move: 'PROPOSE_DECISION',
      outcome: 'APPROVED',
      text: 'Bra.',
    });
    expect(forRequest(await todoOf(cast.as.specialist), id)).toEqual([]);
    expect(forRequest(await todoOf(cast.as.manager), id)).toEqual([
      expect.objectContaining({ action: 'CONFIRM_DECISION' }),
    ]);

    await move(cast.as.manager, id, { move: 'DECIDE', outcome: 'APPROVED', text: 'Bra.' });
    expect(forRequest(await todoOf(cast.as.procurement), id)).toEqual([
      expect.objectContaining({ action: 'IMPLEMENT' }),
    ]);
    await nobodyElseHas(id, 'procurement');
  });

  it('a change of an approved service puts each review to redo on its reviewer’s list', async () => {
    const supplier = await createTestSupplier();
    const serviceId = (await createTestService(supplier.id)).id;
    await reviewAll(cast, serviceId);
    const redo = async (client: TestClient) =>
      (await todoOf(client)).filter((row) => row.serviceId === serviceId);
    expect(await redo(cast.as.dataProtection)).toEqual([]);

    const reported = await cast.as.specialist.post(`/api/services/${serviceId}/changes`, {
      kind: 'MIGRATION',
      description: 'Flyttar till ny plattform.',
    });
    expect(reported.status).toBe(201);
    for (const kind of ['DATA_PROTECTION', 'INFORMATION_SECURITY', 'PROCUREMENT'] as const) {
      expect(await redo(cast.as[REVIEWER[kind]])).toEqual([
        expect.objectContaining({ action: 'REDO_REVIEW', reviewKind: kind }),
      ]);
    }
    expect(await redo(cast.as.specialist)).toEqual([]);
  });

  it('an agreement near its notice deadline is on its owner’s list, else on procurement’s', async () => {
    const owner = await createTestAccount(['OBJECT_MANAGER']);
    const asOwner = await signedIn(app, owner);
    const supplier = await createTestSupplier();
    const today = todayInSweden();
    const nearDeadline = (ownerId: string | null) =>
      agreementBody(supplier.id, {
        ownerId,
        signedOn: addMonths(today, -20),
        startsOn: addMonths(today, -20),
        endsOn: addDays(addMonths(today, 6), 20),
        noticePeriodMonths: 6,
        internalLeadDays: 60,
        renewsAutomatically: true,
        extensionOptions: 0,
      });
    const owned = await cast.as.procurement.post('/api/agreements', nearDeadline(owner.id));
    const unowned = await cast.as.procurement.post('/api/agreements', nearDeadline(null));
    expect([owned.status, unowned.status]).toEqual([201, 201]);

    const agreementsOf = async (client: TestClient) =>
      (await todoOf(client))
        .filter((row) => row.action === 'AGREEMENT_DEADLINE')
        .map((row) => row.agreementId);
    expect(await agreementsOf(asOwner)).toEqual([owned.body.id]);
    const procurement = await agreementsOf(cast.as.procurement);
    expect(procurement).toContain(unowned.body.id);
    expect(procurement).not.toContain(owned.body.id);
    expect(await agreementsOf(cast.as.manager)).toEqual([]);
    const [row] = (await todoOf(asOwner)).filter((item) => item.agreementId === owned.body.id);
    expect(row.detail).toContain('Sista dag att säga upp');
  });

  it('refuses an unknown action, naming the field', async () => {
    const response = await cast.as.specialist.get('/api/todo?action=SLEEP');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('action');
  });

  it('needs a signed-in person', async () => {
    const response = await request(app.getHttpServer()).get('/api/todo');
    expect(response.status).toBe(401);
  });
});
