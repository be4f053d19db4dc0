import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { closeTestDatabase, createTestAccount, testDatabase } from '../../test/factories';
import {
  type CastRole,
  type RoutineCast,
  createRoutineCast,
  move,
  newToolRequest,
  requestInState,
} from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';
import { signedIn } from '../../test/test-client';

/**
 * The principal declines (avstyrker) a request with a reason (issue 14): the requester is told
 * and reads why on the request, revises it, and it goes on once the principal endorses it; the
 * history keeps the decline and its reason.
 */
describe('the principal declines a request with a reason', () => {
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

  async function drafted(): Promise<{ id: string; version: number }> {
    const created = await cast.as.requester.post('/api/requests', newToolRequest(cast.unit.id));
    expect(created.status).toBe(201);
    return { id: created.body.id, version: created.body.version };
  }

  async function notifications(accountId: string, requestId: string, kind: string) {
    const { rows } = await testDatabase().query(
      `SELECT subject, body FROM notification WHERE recipient_id = $1 AND request_id = $2 AND kind = $3
        ORDER BY created_at, id`,
      [accountId, requestId, kind],
    );
    return rows as { subject: string; body: string }[];
  }

  it('a decline of a draft tells the requester, who reads the reason on the request and in the history', async () => {
    const { id, version } = await drafted();
    const declined = await cast.as.principal.post(`/api/requests/${id}/moves`, {
      move: 'DECLINE',
      version,
      text: 'Skolan har redan Matteboken som täcker behovet.',
    });

    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      state: 'DRAFT',
      endorsedByName: null,
      decline: {
        text: 'Skolan har redan Matteboken som täcker behovet.',
        declinedByName: `Test ${cast.accounts.principal.username}`,
        declinedAt: expect.any(String),
      },
    });
    // The principal may still change their mind and endorse; declining again is pointless.
    expect(declined.body.availableMoves).toEqual(
      expect.arrayContaining(['ENDORSE', 'DECLINE', 'SUBMIT', 'WITHDRAW']),
    );

    const told = await notifications(cast.accounts.requester.id, id, 'REQUEST_DECLINED');
    expect(told).toHaveLength(1);
    expect(told[0].subject).toContain('avstyrktes');
    expect(told[0].body).toContain('Skolan har redan Matteboken som täcker behovet.');
    expect(await notifications(cast.accounts.principal.id, id, 'REQUEST_DECLINED')).toEqual([]);

    const seen = await cast.as.requester.get(`/api/requests/${id}`);
    expect(seen.body.decline.text).toBe('Skolan har redan Matteboken som täcker behovet.');
    expect(seen.body.editable).toBe(true);
    // Not endorsed: the requester cannot submit it as it is.
    expect(seen.body.availableMoves).not.toContain('SUBMIT');

    const history = await cast.as.requester.get(`/api/requests/${id}/events`);
    expect(history.body.at(-1)).toMatchObject({
      kind: 'DECLINE',
      fromState: 'DRAFT',
      toState: 'DRAFT',
      text: 'Skolan har redan Matteboken som täcker behovet.',
      actorName: `Test ${cast.accounts.principal.username}`,
      outcome: null,
    });
  });

  it('the requester revises the declined request, the principal is asked again, endorses, and it is submitted', async () => {
    const { id } = await drafted();
    const declined = await move(cast.as.principal, id, { move: 'DECLINE', text: 'För dyrt.' });

    const revised = await cast.as.requester.patch(`/api/requests/${id}`, {
      version: declined.version,
      pupilCount: 30,
      need: 'Bara för särskilt stöd i årskurs 8.',
    });
    expect(revised.status).toBe(200);
    // The decline stays in view while the principal has not endorsed the revision.
    expect(revised.body.decline).toMatchObject({ text: 'För dyrt.' });
    const asked = await notifications(cast.accounts.principal.id, id, 'ENDORSEMENT_WANTED');
    expect(asked.at(-1)?.subject).toContain('ändrats efter avstyrkan');

    const endorsed = await move(cast.as.principal, id, { move: 'ENDORSE' });
    expect(endorsed).toMatchObject({ state: 'DRAFT', decline: null });
    const submitted = await move(cast.as.requester, id, { move: 'SUBMIT' });
    expect(submitted).toMatchObject({
      state: 'SUBMITTED',
      decline: null,
      submittedAt: expect.any(String),
    });

    const kinds = (await cast.as.requester.get(`/api/requests/${id}/events`)).body.map(
      (event: { kind: string }) => event.kind,
    );
    expect(kinds).toEqual(['CREATED', 'DECLINE', 'EDITED', 'ENDORSE', 'SUBMIT']);
  });

  it('a submitted request whose endorsement a change cleared can be declined back to a draft', async () => {
    const id = await requestInState(cast, 'SUBMITTED', { endorsed: false });
    const declined = await cast.as.principal.post(`/api/requests/${id}/moves`, {
      move: 'DECLINE',
      version: 1,
      text: 'Ändringen gör att jag inte står bakom begäran.',
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ state: 'DRAFT', submittedAt: null, ageDays: null });
    // Back with the school: governance no longer sees a draft.
    expect((await cast.as.specialist.get(`/api/requests/${id}`)).status).toBe(404);
  });

  it('a principal submitting the declined request themselves endorses it and clears the decline', async () => {
    const { id } = await drafted();
    await move(cast.as.principal, id, { move: 'DECLINE', text: 'Komplettera behovet.' });
    const submitted = await move(cast.as.principal, id, { move: 'SUBMIT' });
    expect(submitted).toMatchObject({ state: 'SUBMITTED', decline: null });
    expect(submitted['endorsedByName']).toBe(`Test ${cast.accounts.principal.username}`);
  });

  it.each([
    ['missing', {}],
    ['blank', { text: '   ' }],
  ])(
    'a decline without a reason (%s) is a 400 naming text, with nothing written',
    async (_what, body) => {
      const { id, version } = await drafted();
      const response = await cast.as.principal.post(`/api/requests/${id}/moves`, {
        move: 'DECLINE',
        version,
        ...body,
      });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.errors).toEqual([
        { field: 'text', messages: ['write why the request is declined'] },
      ]);
      const { rows } = await testDatabase().query(
        `SELECT version, declined_at FROM request WHERE id = $1`,
        [id],
      );
      expect(rows[0]).toEqual({ version, declined_at: null });
    },
  );

  it.each<[CastRole, number]>([
    ['requester', 403],
    ['specialist', 404],
    ['manager', 404],
    ['otherRequester', 404],
  ])('%s cannot decline (%i)', async (role, status) => {
    const { id, version } = await drafted();
    const response = await cast.as[role].post(`/api/requests/${id}/moves`, {
      move: 'DECLINE',
      version,
      text: 'Nej.',
    });
    expect(response.status).toBe(status);
  });

  it('the principal of another unit cannot decline', async () => {
    const { id, version } = await drafted();
    const otherPrincipal = await signedIn(
      app,
      await createTestAccount(['PRINCIPAL'], { units: [cast.otherUnit.id] }),
    );
    const response = await otherPrincipal.post(`/api/requests/${id}/moves`, {
      move: 'DECLINE',
      version,
      text: 'Nej.',
    });
    expect(response.status).toBe(404);
  });

  it.each(['IN_TRIAGE', 'IN_REVIEW', 'DECIDED', 'WITHDRAWN'] as const)(
    'a request in %s is not declined (409)',
    async (state) => {
      const id = await requestInState(cast, state);
      const response = await cast.as.principal.post(`/api/requests/${id}/moves`, {
        move: 'DECLINE',
        version: 1,
        text: 'Nej.',
      });
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ currentState: state, currentVersion: 1 });
    },
  );

  it('an endorsed request is not declined (409), nor is the DECLINE offered', async () => {
    const { id } = await drafted();
    const endorsed = await move(cast.as.principal, id, { move: 'ENDORSE' });
    expect(endorsed['availableMoves']).not.toContain('DECLINE');
    const response = await cast.as.principal.post(`/api/requests/${id}/moves`, {
      move: 'DECLINE',
      version: endorsed.version,
      text: 'Ångrar mig.',
    });
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('endorsed');
  });

  it('a decline on a stale version is a 409 stale-version', async () => {
    const { id, version } = await drafted();
    await cast.as.requester.patch(`/api/requests/${id}`, { version, pupilCount: 99 });
    const response = await cast.as.principal.post(`/api/requests/${id}/moves`, {
      move: 'DECLINE',
      version,
      text: 'Nej.',
    });
    expect(response.status).toBe(409);
    expect(response.body.type).toContain('stale-version');
  });
});
