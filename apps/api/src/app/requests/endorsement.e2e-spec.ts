import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import {
  closeTestDatabase,
  createTestAccount,
  createTestUnit,
  testDatabase,
  unique,
} from '../../test/factories';
import {
  type RoutineCast,
  createApprovedService,
  createRoutineCast,
  move,
  newToolRequest,
} from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';

/**
 * An endorsement is bound to what the principal read (issue 13, item 4): a change of the
 * content by anyone else, before or after submission, clears it, tells the unit's principals
 * and says so in the history; a submitted request stays with its unit.
 */
describe('the principal’s endorsement is bound to the request’s content', () => {
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

  /** A request of the cast's unit, endorsed by its principal and submitted by the requester. */
  async function submittedAndEndorsed(
    requester: TestClient = cast.as.requester,
    unitId = cast.unit.id,
  ): Promise<{ id: string; version: number }> {
    const created = await requester.post('/api/requests', newToolRequest(unitId));
    expect(created.status).toBe(201);
    await move(cast.as.principal, created.body.id, { move: 'ENDORSE' });
    const submitted = await move(requester, created.body.id, { move: 'SUBMIT' });
    expect(submitted).toMatchObject({ state: 'SUBMITTED', endorsedByName: expect.any(String) });
    return { id: created.body.id, version: submitted.version };
  }

  async function endorsementWanted(accountId: string, requestId: string): Promise<string[]> {
    const { rows } = await testDatabase().query(
      `SELECT subject FROM notification
        WHERE recipient_id = $1 AND request_id = $2 AND kind = 'ENDORSEMENT_WANTED'
        ORDER BY created_at, id`,
      [accountId, requestId],
    );
    return rows.map((row) => row.subject as string);
  }

  async function endorsedBy(id: string): Promise<string | null> {
    const { rows } = await testDatabase().query(`SELECT endorsed_by FROM request WHERE id = $1`, [
      id,
    ]);
    return rows[0].endorsed_by;
  }

  const CHANGES: [string, () => Promise<Record<string, unknown>>][] = [
    [
      'the tool (another new tool)',
      async () => ({
        newTool: {
          name: unique('Annat verktyg'),
          supplierName: unique('Annan AB'),
          webAddress: 'https://annat.example',
        },
      }),
    ],
    [
      'the tool (a catalogue service)',
      async () => ({ serviceId: (await createApprovedService()).id }),
    ],
    [
      'the personal data, to special categories',
      async () => ({
        personalData: 'SPECIAL_CATEGORIES',
        personalDataDescription: 'Hälsouppgifter om eleverna.',
      }),
    ],
    ['the pupil count', async () => ({ pupilCount: 4000 })],
  ];

  it.each(CHANGES)(
    'the requester’s change of %s after submission clears the endorsement and tells the principal',
    async (_what, changeOf) => {
      const { id, version } = await submittedAndEndorsed();
      const toldBefore = await endorsementWanted(cast.accounts.principal.id, id);

      const edited = await cast.as.requester.patch(`/api/requests/${id}`, {
        version,
        ...(await changeOf()),
      });

      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        state: 'SUBMITTED',
        endorsedByName: null,
        endorsedAt: null,
      });
      expect(await endorsedBy(id)).toBeNull();
      const told = await endorsementWanted(cast.accounts.principal.id, id);
      expect(told).toHaveLength(toldBefore.length + 1);
      expect(told.at(-1)).toContain('behöver tillstyrkas igen');
      // The requester made the change and is not told of it.
      expect(await endorsementWanted(cast.accounts.requester.id, id)).toEqual([]);

      const history = await cast.as.principal.get(`/api/requests/${id}/events`);
      const last = history.body.at(-1);
      expect(last).toMatchObject({ kind: 'EDITED', fromState: 'SUBMITTED', toState: 'SUBMITTED' });
      expect(last.text).toContain('gäller inte längre');
    },
  );

  it('a submitted request whose endorsement was cleared waits for the principal, who can endorse it again', async () => {
    const { id, version } = await submittedAndEndorsed();
    const edited = await cast.as.requester.patch(`/api/requests/${id}`, {
      version,
      pupilCount: 5000,
    });
    expect(edited.status).toBe(200);

    const seenBySpecialist = await cast.as.specialist.get(`/api/requests/${id}`);
    expect(seenBySpecialist.body).toMatchObject({ endorsedByName: null, availableMoves: [] });
    const triage = await cast.as.specialist.post(`/api/requests/${id}/moves`, {
      move: 'START_TRIAGE',
      version: edited.body.version,
    });
    expect(triage.status).toBe(409);
    expect(triage.body).toMatchObject({ currentState: 'SUBMITTED' });

    const seenByPrincipal = await cast.as.principal.get(`/api/requests/${id}`);
    expect(seenByPrincipal.body.availableMoves).toContain('ENDORSE');
    const endorsed = await move(cast.as.principal, id, { move: 'ENDORSE' });
    expect(endorsed).toMatchObject({ state: 'SUBMITTED', endorsedByName: expect.any(String) });
    expect(await endorsedBy(id)).toBe(cast.accounts.principal.id);
    expect(await move(cast.as.specialist, id, { move: 'START_TRIAGE' })).toMatchObject({
      state: 'IN_TRIAGE',
    });
  });

  it('the endorsing principal’s own change keeps the endorsement, and an edit that changes nothing too', async () => {
    const { id, version } = await submittedAndEndorsed();
    const toldBefore = await endorsementWanted(cast.accounts.principal.id, id);
    const own = await cast.as.principal.patch(`/api/requests/${id}`, { version, pupilCount: 90 });
    expect(own.status).toBe(200);
    expect(own.body.endorsedByName).not.toBeNull();

    const same = await cast.as.requester.patch(`/api/requests/${id}`, {
      version: own.body.version,
      pupilCount: 90,
    });
    expect(same.status).toBe(200);
    expect(same.body.endorsedByName).not.toBeNull();
    expect(await endorsedBy(id)).toBe(cast.accounts.principal.id);
    expect(await endorsementWanted(cast.accounts.principal.id, id)).toEqual(toldBefore);
  });

  describe('the unit', () => {
    let secondUnit: string;
    let twoUnits: TestClient;

    beforeAll(async () => {
      secondUnit = (await createTestUnit()).id;
      twoUnits = await signedIn(
        app,
        await createTestAccount(['REQUESTER'], { units: [cast.unit.id, secondUnit] }),
      );
    });

    it('cannot change after submission: a 409 naming unitId, nothing changed', async () => {
      const { id, version } = await submittedAndEndorsed(twoUnits);
      const moved = await twoUnits.patch(`/api/requests/${id}`, { version, unitId: secondUnit });

      expect(moved.status).toBe(409);
      expect(moved.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(moved.body.errors.map((error: { field: string }) => error.field)).toEqual(['unitId']);
      expect(moved.body).toMatchObject({ currentState: 'SUBMITTED', currentVersion: version });
      const { rows } = await testDatabase().query(
        `SELECT unit_id, version, endorsed_by FROM request WHERE id = $1`,
        [id],
      );
      expect(rows[0]).toEqual({
        unit_id: cast.unit.id,
        version,
        endorsed_by: cast.accounts.principal.id,
      });
    });

    it('may change on a draft, which clears its endorsement', async () => {
      const created = await twoUnits.post('/api/requests', newToolRequest(cast.unit.id));
      const endorsed = await move(cast.as.principal, created.body.id, { move: 'ENDORSE' });
      const moved = await twoUnits.patch(`/api/requests/${created.body.id}`, {
        version: endorsed.version,
        unitId: secondUnit,
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ unitId: secondUnit, endorsedByName: null });
    });
  });
});
