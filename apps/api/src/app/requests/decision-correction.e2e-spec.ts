import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import {
  closeTestDatabase,
  createTestAccount,
  createTestService,
  createTestSupplier,
  testDatabase,
} from '../../test/factories';
import {
  type CastRole,
  type RoutineCast,
  createRoutineCast,
  move,
  requestInState,
  reviewAll,
} from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';
import { signedIn } from '../../test/test-client';

/**
 * The object manager corrects a decision or reopens it to review (issue 14): a new move with a
 * logged reason; the old decision stays in the history; the requester and the unit's principals,
 * who were told of the decision, are told again.
 */
describe('the object manager corrects or reopens a decision', () => {
  let app: NestFastifyApplication;
  let cast: RoutineCast;
  let reviewedService: string;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await createRoutineCast(app);
    const supplier = await createTestSupplier();
    reviewedService = (await createTestService(supplier.id)).id;
    await reviewAll(cast, reviewedService);
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  /** A request in review decided by the specialist through the API, as the school is told. */
  async function decided(
    decision: Record<string, unknown> = { outcome: 'APPROVED', text: 'Uppfyller behovet.' },
    serviceId = reviewedService,
  ): Promise<{ id: string; version: number }> {
    const id = await requestInState(cast, 'IN_REVIEW', { serviceId });
    const after = await move(cast.as.specialist, id, { move: 'DECIDE', ...decision });
    expect(after.state).toBe('DECIDED');
    return { id, version: after.version };
  }

  async function told(requestId: string, kind: string) {
    const { rows } = await testDatabase().query(
      `SELECT recipient_id, subject, body FROM notification WHERE request_id = $1 AND kind = $2
        ORDER BY created_at, recipient_id`,
      [requestId, kind],
    );
    return rows as { recipient_id: string; subject: string; body: string }[];
  }

  it('a correction replaces the decision, keeps both in the history and tells everyone told of the first', async () => {
    const { id, version } = await decided();
    const first = await told(id, 'REQUEST_DECIDED');
    expect(first.map((row) => row.recipient_id).sort()).toEqual(
      [cast.accounts.requester.id, cast.accounts.principal.id].sort(),
    );

    const corrected = await cast.as.manager.post(`/api/requests/${id}/moves`, {
      move: 'CORRECT_DECISION',
      version,
      outcome: 'APPROVED_WITH_CONDITIONS',
      conditions: 'Endast med skolans konton, inga elevnamn.',
      publicConditions: 'Används med skolans konton.',
      text: 'Godkänd för årskurs 7–9.',
      correctionReason: 'Villkoren från granskningen kom inte med i beslutet.',
    });

    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({
      state: 'DECIDED',
      version: version + 1,
      decisionOutcome: 'APPROVED_WITH_CONDITIONS',
      decision: {
        outcome: 'APPROVED_WITH_CONDITIONS',
        conditions: 'Endast med skolans konton, inga elevnamn.',
        text: 'Godkänd för årskurs 7–9.',
        decidedByName: `Test ${cast.accounts.manager.username}`,
      },
    });

    const history = (await cast.as.requester.get(`/api/requests/${id}/events`)).body as {
      kind: string;
      outcome: string | null;
      text: string | null;
    }[];
    const decisions = history.filter((event) => event.outcome !== null);
    expect(decisions).toEqual([
      expect.objectContaining({ kind: 'DECIDE', outcome: 'APPROVED', text: 'Uppfyller behovet.' }),
      expect.objectContaining({
        kind: 'CORRECT_DECISION',
        outcome: 'APPROVED_WITH_CONDITIONS',
        text: 'Villkoren från granskningen kom inte med i beslutet.',
      }),
    ]);
    const { rows } = await testDatabase().query(
      `SELECT changes FROM event WHERE subject_id = $1 AND kind = 'CORRECT_DECISION'`,
      [id],
    );
    expect(rows[0].changes.outcome).toEqual({ old: 'APPROVED', new: 'APPROVED_WITH_CONDITIONS' });
    expect(rows[0].changes.publicConditions).toEqual({
      old: '',
      new: 'Används med skolans konton.',
    });

    const again = await told(id, 'DECISION_CORRECTED');
    expect(again.map((row) => row.recipient_id).sort()).toEqual(
      first.map((row) => row.recipient_id).sort(),
    );
    expect(again[0].subject).toContain('Godkänd med villkor');
    expect(again[0].body).toContain('Villkoren från granskningen kom inte med i beslutet.');
    expect(again[0].body).toContain('Endast med skolans konton, inga elevnamn.');
  });

  it('a correction from approved to rejected sets the service back to rejected when no other approval stands', async () => {
    const supplier = await createTestSupplier();
    const service = (await createTestService(supplier.id)).id;
    await reviewAll(cast, service);
    await testDatabase().query(
      `UPDATE digital_service SET catalogue_status = 'UNDER_REVIEW' WHERE id = $1`,
      [service],
    );
    const { id, version } = await decided(undefined, service);
    const status = async () =>
      (
        await testDatabase().query(`SELECT catalogue_status FROM digital_service WHERE id = $1`, [
          service,
        ])
      ).rows[0].catalogue_status;
    expect(await status()).toBe('APPROVED');

    const corrected = await cast.as.manager.post(`/api/requests/${id}/moves`, {
      move: 'CORRECT_DECISION',
      version,
      outcome: 'REJECTED',
      reasons: ['INFORMATION_SECURITY'],
      text: 'Data lagras utanför EU.',
      correctionReason: 'Leverantören har bytt lagringsplats.',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.decision).toMatchObject({
      outcome: 'REJECTED',
      reasons: ['INFORMATION_SECURITY'],
      conditions: '',
    });
    expect(await status()).toBe('REJECTED');
  });

  it('reopening sets the decision aside, returns the request to review and tells the school and the specialists', async () => {
    const { id, version } = await decided({
      outcome: 'REJECTED',
      reasons: ['NEED'],
      text: 'Behovet täcks redan.',
    });
    const reopened = await cast.as.manager.post(`/api/requests/${id}/moves`, {
      move: 'REOPEN_DECISION',
      version,
      correctionReason: 'Skolan visade att behovet inte täcks.',
    });

    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      state: 'IN_REVIEW',
      decision: null,
      decisionOutcome: null,
      decisionReasons: [],
      proposal: null,
    });
    expect(reopened.body.availableMoves).toEqual([]);
    const forSpecialist = await cast.as.specialist.get(`/api/requests/${id}`);
    expect(forSpecialist.body.availableMoves).toContain('DECIDE');

    const history = (await cast.as.principal.get(`/api/requests/${id}/events`)).body;
    expect(history.at(-2)).toMatchObject({ kind: 'DECIDE', outcome: 'REJECTED' });
    expect(history.at(-1)).toMatchObject({
      kind: 'REOPEN_DECISION',
      fromState: 'DECIDED',
      toState: 'IN_REVIEW',
      text: 'Skolan visade att behovet inte täcks.',
      outcome: null,
    });

    const recipients = (await told(id, 'DECISION_CORRECTED')).map((row) => row.recipient_id);
    expect(recipients).toEqual(
      expect.arrayContaining([
        cast.accounts.requester.id,
        cast.accounts.principal.id,
        cast.accounts.specialist.id,
      ]),
    );
    expect(recipients).not.toContain(cast.accounts.manager.id);

    // Decided again: three decisions in the history, the last one standing.
    const again = await move(cast.as.specialist, id, { move: 'DECIDE', outcome: 'APPROVED' });
    expect(again).toMatchObject({ state: 'DECIDED', decisionOutcome: 'APPROVED' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no reason', { outcome: 'APPROVED' }, 'correctionReason'],
    ['a blank reason', { outcome: 'APPROVED', correctionReason: ' ' }, 'correctionReason'],
    ['no outcome', { correctionReason: 'Fel.' }, 'outcome'],
    [
      'a rejection without reasons',
      { outcome: 'REJECTED', text: 'Nej.', correctionReason: 'Fel.' },
      'reasons',
    ],
    [
      'conditions missing',
      { outcome: 'APPROVED_WITH_CONDITIONS', correctionReason: 'Fel.' },
      'conditions',
    ],
  ])('a correction with %s is a 400 naming %s', async (_what, body, field) => {
    const { id, version } = await decided();
    const response = await cast.as.manager.post(`/api/requests/${id}/moves`, {
      move: 'CORRECT_DECISION',
      version,
      ...body,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe(field);
  });

  it('reopening without a reason is a 400 naming correctionReason', async () => {
    const { id, version } = await decided();
    const response = await cast.as.manager.post(`/api/requests/${id}/moves`, {
      move: 'REOPEN_DECISION',
      version,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('correctionReason');
  });

  it.each<[CastRole, number]>([
    ['specialist', 403],
    ['procurement', 403],
    ['requester', 403],
    ['principal', 403],
    ['dataProtection', 403],
    ['readOnly', 403],
  ])('%s can neither correct nor reopen a decision (%i)', async (role, status) => {
    const { id, version } = await decided();
    for (const body of [
      { move: 'CORRECT_DECISION', outcome: 'APPROVED', correctionReason: 'Fel.' },
      { move: 'REOPEN_DECISION', correctionReason: 'Fel.' },
    ]) {
      const response = await cast.as[role].post(`/api/requests/${id}/moves`, {
        version,
        ...body,
      });
      expect({ move: body.move, status: response.status }).toEqual({ move: body.move, status });
    }
    const { rows } = await testDatabase().query(`SELECT version FROM request WHERE id = $1`, [id]);
    expect(rows[0].version).toBe(version);
  });

  it.each(['IN_REVIEW', 'IN_TRIAGE', 'WITHDRAWN'] as const)(
    'a request in %s has no decision to correct or reopen (409)',
    async (state) => {
      const id = await requestInState(cast, state, { serviceId: reviewedService });
      for (const body of [
        { move: 'CORRECT_DECISION', outcome: 'APPROVED', correctionReason: 'Fel.' },
        { move: 'REOPEN_DECISION', correctionReason: 'Fel.' },
      ]) {
        const response = await cast.as.manager.post(`/api/requests/${id}/moves`, {
          version: 1,
          ...body,
        });
        expect(response.status).toBe(409);
        expect(response.body).toMatchObject({ currentState: state, currentVersion: 1 });
      }
    },
  );

  it('an implemented request is corrected to another approval, not rejected nor reopened (409)', async () => {
    const id = await requestInState(cast, 'IMPLEMENTED', { serviceId: reviewedService });
    const rejected = await cast.as.manager.post(`/api/requests/${id}/moves`, {
      move: 'CORRECT_DECISION',
      version: 1,
      outcome: 'REJECTED',
      reasons: ['ECONOMY'],
      text: 'För dyrt.',
      correctionReason: 'Fel.',
    });
    expect(rejected.status).toBe(409);
    expect(rejected.body.detail).toContain('licence');
    const reopened = await cast.as.manager.post(`/api/requests/${id}/moves`, {
      move: 'REOPEN_DECISION',
      version: 1,
      correctionReason: 'Fel.',
    });
    expect(reopened.status).toBe(409);

    const conditioned = await cast.as.manager.post(`/api/requests/${id}/moves`, {
      move: 'CORRECT_DECISION',
      version: 1,
      outcome: 'APPROVED_WITH_CONDITIONS',
      conditions: 'Bara med skolkonton.',
      correctionReason: 'Villkoren saknades.',
    });
    expect(conditioned.status).toBe(200);
    expect(conditioned.body).toMatchObject({
      state: 'IMPLEMENTED',
      decisionOutcome: 'APPROVED_WITH_CONDITIONS',
    });
  });

  it('a correction on a stale version is a 409 stale-version with nothing written', async () => {
    const { id, version } = await decided();
    await move(cast.as.manager, id, {
      move: 'CORRECT_DECISION',
      outcome: 'APPROVED_WITH_CONDITIONS',
      conditions: 'Villkor.',
      correctionReason: 'Först.',
    });
    const stale = await cast.as.manager.post(`/api/requests/${id}/moves`, {
      move: 'CORRECT_DECISION',
      version,
      outcome: 'APPROVED',
      correctionReason: 'Andra, på en gammal version.',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toContain('stale-version');
    expect(stale.body).toMatchObject({ currentVersion: version + 1 });
    const { rows } = await testDatabase().query(
      `SELECT count(*)::int AS n FROM event WHERE subject_id = $1 AND kind = 'CORRECT_DECISION'`,
      [id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('a manager who is also a specialist is offered correct and reopen on a decided request', async () => {
    const { id } = await decided();
    const both = await signedIn(
      app,
      await createTestAccount(['OBJECT_SPECIALIST', 'OBJECT_MANAGER']),
    );
    const seen = await both.get(`/api/requests/${id}`);
    expect(seen.body.availableMoves).toEqual(
      expect.arrayContaining(['CORRECT_DECISION', 'REOPEN_DECISION', 'IMPLEMENT']),
    );
  });
});
