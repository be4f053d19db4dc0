import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import {
  closeTestDatabase,
  createTestAccount,
  createTestUnit,
  testDatabase,
} from '../../test/factories';
import {
  type RoutineCast,
  createApprovedService,
  createRoutineCast,
  move,
  newToolRequest,
  requestInState,
} from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';
import { signedIn } from '../../test/test-client';

const fields = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((error) => error.field).sort();

describe('/api/requests', () => {
  let app: NestFastifyApplication;
  let cast: RoutineCast;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await createRoutineCast(app);
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  async function requestCount(): Promise<number> {
    const { rows } = await testDatabase().query(`SELECT count(*)::int AS n FROM request`);
    return rows[0].n;
  }

  describe('a school writes a request', () => {
    it('saves a draft for a new tool, for the requester’s own unit, with its history', async () => {
      const body = newToolRequest(cast.unit.id);
      const response = await cast.as.requester.post('/api/requests', body);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        state: 'DRAFT',
        unitId: cast.unit.id,
        serviceId: null,
        newTool: body.newTool,
        toolName: body.newTool.name,
        need: body.need,
        pupilCount: 120,
        version: 1,
        submittedAt: null,
        endorsedByName: null,
        editable: true,
        availableMoves: ['WITHDRAW'],
      });
      const principalView = await cast.as.principal.get(`/api/requests/${response.body.id}`);
      expect(principalView.body.availableMoves).toEqual([
        'ENDORSE',
        'DECLINE',
        'SUBMIT',
        'WITHDRAW',
      ]);
      const events = await cast.as.requester.get(`/api/requests/${response.body.id}/events`);
      expect(events.body).toEqual([
        expect.objectContaining({ kind: 'CREATED', fromState: null, toState: 'DRAFT' }),
      ]);
    });

    it('asks for a catalogue service by id', async () => {
      const service = await createApprovedService();
      const response = await cast.as.requester.post(
        '/api/requests',
        newToolRequest(cast.unit.id, { serviceId: service.id, newTool: null }),
      );
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        serviceId: service.id,
        toolName: service.name,
        newTool: null,
      });
      expect(response.body.service).toMatchObject({ id: service.id, name: service.name });
    });

    it.each<[string, Record<string, unknown>, number, string[]]>([
      ['neither a service nor a new tool', { newTool: null }, 400, ['serviceId']],
      [
        'both a service and a new tool',
        { serviceId: '6f1c6a8e-0000-4000-8000-000000000001' },
        400,
        ['newTool'],
      ],
      [
        'an unknown service id',
        { serviceId: '6f1c6a8e-0000-4000-8000-000000000001', newTool: null },
        400,
        ['serviceId'],
      ],
      [
        'a new tool without a web address',
        { newTool: { name: 'X', supplierName: 'Y', webAddress: 'inte en adress' } },
        400,
        ['newTool.webAddress'],
      ],
      ['an empty need', { need: '   ' }, 400, ['need']],
      [
        'negative pupils and an unknown school form',
        { pupilCount: -1, schoolForms: ['XX'] },
        400,
        ['pupilCount', 'schoolForms'],
      ],
      ['a state set by the client (mass assignment)', { state: 'DECIDED' }, 400, ['state']],
      [
        'a decision set by the client (mass assignment)',
        { decisionOutcome: 'APPROVED' },
        400,
        ['decisionOutcome'],
      ],
    ])(
      'refuses %s naming the field, and writes nothing',
      async (_title, overrides, status, expected) => {
        const before = await requestCount();
        const response = await cast.as.requester.post(
          '/api/requests',
          newToolRequest(cast.unit.id, overrides),
        );
        expect(response.status).toBe(status);
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(fields(response.body)).toEqual(expected);
        expect(await requestCount()).toBe(before);
      },
    );

    it('refuses a request for a unit the requester does not act for (403 naming unitId)', async () => {
      const before = await requestCount();
      const response = await cast.as.requester.post(
        '/api/requests',
        newToolRequest(cast.otherUnit.id),
      );
      expect(response.status).toBe(403);
      expect(fields(response.body)).toEqual(['unitId']);
      expect(await requestCount()).toBe(before);
    });

    it('governance roles do not write requests', async () => {
      const response = await cast.as.specialist.post('/api/requests', newToolRequest(cast.unit.id));
      expect(response.status).toBe(403);
    });

    it('edits while a draft or submitted, with history; not once in triage', async () => {
      const created = await cast.as.requester.post('/api/requests', newToolRequest(cast.unit.id));
      const id = created.body.id;
      const edited = await cast.as.requester.patch(`/api/requests/${id}`, {
        version: 1,
        pupilCount: 150,
        subjects: ['Matematik', 'Teknik'],
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        pupilCount: 150,
        subjects: ['Matematik', 'Teknik'],
        version: 2,
      });

      await move(cast.as.principal, id, { move: 'SUBMIT' });
      const whileSubmitted = await cast.as.requester.patch(`/api/requests/${id}`, {
        version: 3,
        need: 'Ett tydligare behov',
      });
      expect(whileSubmitted.status).toBe(200);
      // The change cleared the principal's endorsement (endorsement.e2e-spec.ts): asked again.
      expect(whileSubmitted.body.endorsedByName).toBeNull();
      await move(cast.as.principal, id, { move: 'ENDORSE' });

      await move(cast.as.specialist, id, { move: 'START_TRIAGE' });
      const inTriage = await cast.as.requester.patch(`/api/requests/${id}`, {
        version: 6,
        pupilCount: 1,
      });
      expect(inTriage.status).toBe(409);
      expect(inTriage.body).toMatchObject({ currentState: 'IN_TRIAGE', currentVersion: 6 });

      const events = await cast.as.requester.get(`/api/requests/${id}/events`);
      expect(events.body.map((event: { kind: string }) => event.kind)).toEqual([
        'CREATED',
        'EDITED',
        'SUBMIT',
        'EDITED',
        'ENDORSE',
        'START_TRIAGE',
      ]);
    });

    it('a stale edit is a 409 and changes nothing', async () => {
      const created = await cast.as.requester.post('/api/requests', newToolRequest(cast.unit.id));
      await cast.as.requester.patch(`/api/requests/${created.body.id}`, {
        version: 1,
        pupilCount: 10,
      });
      const stale = await cast.as.requester.patch(`/api/requests/${created.body.id}`, {
        version: 1,
        pupilCount: 99,
      });
      expect(stale.status).toBe(409);
      const now = await cast.as.requester.get(`/api/requests/${created.body.id}`);
      expect(now.body).toMatchObject({ pupilCount: 10, version: 2 });
    });

    it('a requester’s change of an endorsed draft asks the principal again', async () => {
      const created = await cast.as.requester.post('/api/requests', newToolRequest(cast.unit.id));
      const endorsed = await move(cast.as.principal, created.body.id, { move: 'ENDORSE' });
      expect(endorsed['endorsedByName']).toBeTruthy();
      const edited = await cast.as.requester.patch(`/api/requests/${created.body.id}`, {
        version: endorsed.version,
        need: 'Ett annat behov',
      });
      expect(edited.body.endorsedByName).toBeNull();
      const submit = await cast.as.requester.post(`/api/requests/${created.body.id}/moves`, {
        move: 'SUBMIT',
        version: edited.body.version,
      });
      expect(submit.status).toBe(400);
      expect(fields(submit.body)).toEqual(['endorsement']);
    });
  });

  describe('who sees what', () => {
    // The 404 for another unit's request on every route with its id, for each school role, is
    // in security/cross-unit.e2e-spec.ts (one row per route).
    it('another unit’s requester does not find the request in the list', async () => {
      const id = await requestInState(cast, 'SUBMITTED');
      const list = await cast.as.otherRequester.get('/api/requests?limit=200');
      expect(list.body.rows.map((row: { id: string }) => row.id)).not.toContain(id);
    });

    it('drafts are the school’s own; governance sees a request once it is submitted', async () => {
      const draft = await requestInState(cast, 'DRAFT');
      const submitted = await requestInState(cast, 'SUBMITTED');
      for (const role of ['specialist', 'readOnly', 'dataProtection'] as const) {
        expect((await cast.as[role].get(`/api/requests/${draft}`)).status).toBe(404);
        expect((await cast.as[role].get(`/api/requests/${submitted}`)).status).toBe(200);
      }
      expect((await cast.as.requester.get(`/api/requests/${draft}`)).status).toBe(200);
    });

    it('a read-only account sees requests but is offered no move', async () => {
      const id = await requestInState(cast, 'IN_TRIAGE');
      const response = await cast.as.readOnly.get(`/api/requests/${id}`);
      expect(response.body.availableMoves).toEqual([]);
      expect(response.body.editable).toBe(false);
    });

    it('offers each role exactly the moves it may make now', async () => {
      const id = await requestInState(cast, 'IN_TRIAGE');
      expect((await cast.as.specialist.get(`/api/requests/${id}`)).body.availableMoves).toEqual([
        'QUEUE',
        'MARK_COVERED',
        'ASK_FOR_INFO',
        'START_REVIEW',
      ]);
      expect((await cast.as.requester.get(`/api/requests/${id}`)).body.availableMoves).toEqual([
        'WITHDRAW',
      ]);
      expect((await cast.as.procurement.get(`/api/requests/${id}`)).body.availableMoves).toEqual(
        [],
      );
    });
  });

  describe('the lists', () => {
    it('filters by state, unit, service, age and demand; sorts; counts the total', async () => {
      const service = await createApprovedService();
      const units = [
        cast.unit,
        await createTestUnit({ pupilCount: 50 }),
        await createTestUnit({ pupilCount: 70 }),
      ];
      const ids: string[] = [];
      for (const [index, unit] of units.entries()) {
        const requester = await signedIn(
          app,
          await createTestAccount(['PRINCIPAL'], { units: [unit.id] }),
        );
        const created = await requester.post(
          '/api/requests',
          newToolRequest(unit.id, {
            serviceId: service.id,
            newTool: null,
            pupilCount: 10 * (index + 1),
          }),
        );
        await move(requester, created.body.id, { move: 'SUBMIT' });
        ids.push(created.body.id);
      }
      await testDatabase().query(
        `UPDATE request SET submitted_at = now() - interval '20 days' WHERE id = $1`,
        [ids[0]],
      );
      await move(cast.as.specialist, ids[2], { move: 'START_TRIAGE' });

      const byService = await cast.as.specialist.get(
        `/api/requests?serviceId=${service.id}&sort=submittedAt:asc`,
      );
      expect(byService.body.total).toBe(3);
      expect(byService.body.rows.map((row: { id: string }) => row.id)).toEqual(ids);
      expect(byService.body.rows.map((row: { demandCount: number }) => row.demandCount)).toEqual([
        3, 3, 3,
      ]);
      expect(byService.body.rows[0].ageDays).toBe(20);

      const submittedOnly = await cast.as.specialist.get(
        `/api/requests?serviceId=${service.id}&state=SUBMITTED`,
      );
      expect(submittedOnly.body.total).toBe(2);
      const twoStates = await cast.as.specialist.get(
        `/api/requests?serviceId=${service.id}&state=SUBMITTED,IN_TRIAGE`,
      );
      expect(twoStates.body.total).toBe(3);
      const old = await cast.as.specialist.get(
        `/api/requests?serviceId=${service.id}&minAgeDays=14`,
      );
      expect(old.body.rows.map((row: { id: string }) => row.id)).toEqual([ids[0]]);
      const ofUnit = await cast.as.specialist.get(`/api/requests?unitId=${units[1].id}`);
      expect(ofUnit.body.rows.map((row: { id: string }) => row.id)).toEqual([ids[1]]);
      const inDemand = await cast.as.specialist.get(
        `/api/requests?minDemand=3&serviceId=${service.id}`,
      );
      expect(inDemand.body.total).toBe(3);
      const notInDemand = await cast.as.specialist.get(
        `/api/requests?minDemand=4&serviceId=${service.id}`,
      );
      expect(notInDemand.body.total).toBe(0);
      const paged = await cast.as.specialist.get(
        `/api/requests?serviceId=${service.id}&sort=number:desc&limit=2&offset=1`,
      );
      expect(paged.body).toMatchObject({ total: 3 });
      expect(paged.body.rows.map((row: { id: string }) => row.id)).toEqual([ids[1], ids[0]]);

      const demand = await cast.as.specialist.get('/api/requests/demand');
      const group = demand.body.find(
        (entry: { serviceId: string }) => entry.serviceId === service.id,
      );
      expect(group).toMatchObject({
        requestCount: 3,
        unitCount: 3,
        pupilCount: 60,
        toolName: service.name,
      });
      expect([...group.requestIds].sort()).toEqual([...ids].sort());
    });

    it('mine=true lists only the caller’s own units', async () => {
      const own = await requestInState(cast, 'SUBMITTED');
      const response = await cast.as.requester.get('/api/requests?mine=true&limit=200');
      expect(
        response.body.rows.every((row: { unitId: string }) => row.unitId === cast.unit.id),
      ).toBe(true);
      expect(response.body.rows.map((row: { id: string }) => row.id)).toContain(own);
    });

    it.each([
      ['sort=colour:asc', 'sort'],
      ['state=SUBMITTED,LOST', 'state'],
      ['minAgeDays=-1', 'minAgeDays'],
      ['unitId=12', 'unitId'],
      ['limit=100000', 'limit'],
      ['mine=perhaps', 'mine'],
    ])('refuses the query %s naming %s', async (query, field) => {
      const response = await cast.as.specialist.get(`/api/requests?${query}`);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it('demand is for governance only', async () => {
      expect((await cast.as.requester.get('/api/requests/demand')).status).toBe(403);
    });
  });

  describe('on record', () => {
    it('every move and comment writes one event with who, from, to and the text', async () => {
      const id = await requestInState(cast, 'IN_TRIAGE');
      await move(cast.as.specialist, id, {
        move: 'ASK_FOR_INFO',
        text: 'Vilka årskurser gäller det?',
      });
      const comment = await cast.as.specialist.post(`/api/requests/${id}/comments`, {
        text: 'Frågat skolan.',
      });
      expect(comment.status).toBe(201);
      await move(cast.as.requester, id, { move: 'ANSWER', text: 'Årskurs 7–9.' });
      const events = await cast.as.requester.get(`/api/requests/${id}/events`);
      expect(events.body).toEqual([
        expect.objectContaining({
          kind: 'ASK_FOR_INFO',
          fromState: 'IN_TRIAGE',
          toState: 'NEEDS_INFO',
          text: 'Vilka årskurser gäller det?',
          actorName: expect.stringContaining('object.specialist'),
        }),
        expect.objectContaining({ kind: 'COMMENT', text: 'Frågat skolan.' }),
        expect.objectContaining({
          kind: 'ANSWER',
          fromState: 'NEEDS_INFO',
          toState: 'IN_TRIAGE',
          text: 'Årskurs 7–9.',
        }),
      ]);
    });

    it('an empty comment is refused', async () => {
      const id = await requestInState(cast, 'IN_TRIAGE');
      const response = await cast.as.specialist.post(`/api/requests/${id}/comments`, { text: '' });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['text']);
    });

    it('the history cannot be rewritten', async () => {
      // A request of its own, so that there is history to rewrite whichever test ran before.
      const created = await cast.as.principal.post('/api/requests', newToolRequest(cast.unit.id));
      expect(created.status).toBe(201);
      await expect(
        testDatabase().query(`UPDATE event SET message = 'ändrad' WHERE subject_id = $1`, [
          created.body.id,
        ]),
      ).rejects.toThrow(/append-only/);
    });
  });
});
