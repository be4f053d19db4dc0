import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import {
  HAND_OFFS,
  HAND_OFF_EVENTS,
  type HandOffEvent,
  NOTIFICATION_KINDS,
  REVIEW_KINDS,
  type ReviewKind,
  type Role,
  addMonths,
  todayInSweden,
} from '@licensregistret/domain';

import {
  type TestAccount,
  agreementBody,
  closeTestDatabase,
  createTestAccount,
  createTestService,
  createTestSupplier,
  testDatabase,
  uniqueOrganisationNumber,
} from '../../test/factories';
import {
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

interface Told {
  recipient_id: string;
  kind: string;
  subject: string;
  body: string;
  request_id: string | null;
  service_id: string | null;
  review_kind: ReviewKind | null;
}

/**
 * The hand-off table (libs/shared/domain hand-offs.ts), row by row: each move or event tells
 * exactly the people its row names, with its texts and link, in the move's transaction.
 */
describe('hand-offs: who is told of each move', () => {
  let app: NestFastifyApplication;
  let cast: RoutineCast;
  /** A second specialist, to show that only the one in charge is told where the row says so. */
  let otherSpecialist: TestAccount;
  let asOtherSpecialist: TestClient;
  let secondManager: TestAccount;

  beforeAll(async () => {
    app = await createTestApp({ confirmationThreshold: 100_000 });
    cast = await createRoutineCast(app);
    otherSpecialist = await createTestAccount(['OBJECT_SPECIALIST']);
    asOtherSpecialist = await signedIn(app, otherSpecialist);
    secondManager = await createTestAccount(['OBJECT_MANAGER']);
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  async function notificationIds(): Promise<string[]> {
    const { rows } = await testDatabase().query(`SELECT id FROM notification`);
    return rows.map((row) => row.id as string);
  }

  /** The notifications written while `action` ran. */
  async function toldBy(action: () => Promise<unknown>): Promise<Told[]> {
    const before = await notificationIds();
    await action();
    const { rows } = await testDatabase().query(
      `SELECT recipient_id, kind, subject, body, request_id, service_id, review_kind
         FROM notification WHERE id <> ALL ($1::uuid[])`,
      [before],
    );
    return rows as Told[];
  }

  async function activeWithRole(role: Role): Promise<string[]> {
    const { rows } = await testDatabase().query(
      `SELECT id FROM account WHERE active AND $1 = ANY (roles)`,
      [role],
    );
    return rows.map((row) => row.id as string);
  }

  const recipients = (told: Told[]) => told.map((row) => row.recipient_id).sort();
  const sorted = (ids: string[]) => [...ids].sort();

  function expectRow(told: Told[], event: HandOffEvent, requestId: string | null) {
    for (const row of told) {
      expect(row).toMatchObject({ kind: HAND_OFFS[event].kind, request_id: requestId });
      expect(row.subject.length).toBeGreaterThan(0);
    }
  }

  /** A request for a new tool, endorsed and submitted, then in triage by `specialist`. */
  async function inTriage(specialist: TestClient = cast.as.specialist): Promise<string> {
    const id = await requestInState(cast, 'SUBMITTED', { serviceId: null });
    await move(specialist, id, { move: 'START_TRIAGE' });
    return id;
  }

  async function newReviewedService(annualCost = 40_000): Promise<string> {
    const supplier = await createTestSupplier();
    const serviceId = (await createTestService(supplier.id)).id;
    await reviewAll(cast, serviceId);
    if (annualCost !== 40_000) {
      const costly = await cast.as.procurement.post(
        `/api/services/${serviceId}/reviews`,
        passingReview('PROCUREMENT', { annualCost }),
      );
      expect(costly.status).toBe(201);
    }
    return serviceId;
  }

  /** A service with no reviews yet, and a request for it that `specialist` has put in review. */
  async function inReview(specialist: TestClient): Promise<{ id: string; serviceId: string }> {
    const supplier = await createTestSupplier();
    const serviceId = (await createTestService(supplier.id)).id;
    const id = await requestInState(cast, 'IN_TRIAGE', { serviceId });
    await move(specialist, id, { move: 'START_REVIEW' });
    return { id, serviceId };
  }

  it('the database accepts every notification kind the domain names, and no other', async () => {
    const { rows } = await testDatabase().query(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'notification_kind_check'`,
    );
    const inDatabase = [...(rows[0].def as string).matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
    expect(sorted(inDatabase)).toEqual(sorted([...NOTIFICATION_KINDS]));
  });

  it('every row of the table is tested here', () => {
    expect(sorted([...HAND_OFF_EVENTS])).toEqual(sorted(Object.keys(ROWS_TESTED)));
  });

  const ROWS_TESTED: Record<HandOffEvent, true> = {
    REQUEST_CREATED: true,
    CHANGED_AFTER_ENDORSEMENT: true,
    ENDORSED: true,
    DECLINED: true,
    CHANGED_AFTER_DECLINE: true,
    SUBMITTED: true,
    REVIEW_WANTED: true,
    REVIEW_DUE_AFTER_CHANGE: true,
    REVIEW_SAVED: true,
    REVIEWS_COMPLETE: true,
    INFO_REQUESTED: true,
    INFO_ANSWERED: true,
    DECISION_PROPOSED: true,
    DECIDED: true,
    DECISION_CORRECTED: true,
    DECISION_REOPENED: true,
    COVERED: true,
    IMPLEMENTED: true,
  };

  it('REQUEST_CREATED: a requester’s new request tells the unit’s principals', async () => {
    let id = '';
    const told = await toldBy(async () => {
      const created = await cast.as.requester.post('/api/requests', newToolRequest(cast.unit.id));
      expect(created.status).toBe(201);
      id = created.body.id;
    });
    expect(recipients(told)).toEqual([cast.accounts.principal.id]);
    expectRow(told, 'REQUEST_CREATED', id);
    expect(told[0].subject).toContain('väntar på din tillstyrkan');
  });

  it('CHANGED_AFTER_ENDORSEMENT: a change after the endorsement tells the principals again', async () => {
    const created = await cast.as.requester.post('/api/requests', newToolRequest(cast.unit.id));
    const endorsed = await move(cast.as.principal, created.body.id, { move: 'ENDORSE' });
    const told = await toldBy(async () => {
      const edited = await cast.as.requester.patch(`/api/requests/${created.body.id}`, {
        version: endorsed.version,
        pupilCount: 200,
      });
      expect(edited.status).toBe(200);
    });
    expect(recipients(told)).toEqual([cast.accounts.principal.id]);
    expectRow(told, 'CHANGED_AFTER_ENDORSEMENT', created.body.id);
    expect(told[0].body).toContain('antal elever');
  });

  it('ENDORSED: the principal’s endorsement tells the requester', async () => {
    const created = await cast.as.requester.post('/api/requests', newToolRequest(cast.unit.id));
    const told = await toldBy(() => move(cast.as.principal, created.body.id, { move: 'ENDORSE' }));
    expect(recipients(told)).toEqual([cast.accounts.requester.id]);
    expectRow(told, 'ENDORSED', created.body.id);
    expect(told[0].subject).toContain('tillstyrkt');
  });

  it('SUBMITTED: a submission tells every object specialist', async () => {
    const created = await cast.as.requester.post('/api/requests', newToolRequest(cast.unit.id));
    await move(cast.as.principal, created.body.id, { move: 'ENDORSE' });
    const told = await toldBy(() => move(cast.as.requester, created.body.id, { move: 'SUBMIT' }));
    expect(recipients(told)).toEqual(sorted(await activeWithRole('OBJECT_SPECIALIST')));
    expect(recipients(told)).toContain(otherSpecialist.id);
    expectRow(told, 'SUBMITTED', created.body.id);
  });

  it('REVIEW_WANTED: starting the review tells each reviewer whose review is missing, linking to their form', async () => {
    const id = await inTriage();
    let serviceId = '';
    const told = await toldBy(async () => {
      const after = await move(cast.as.specialist, id, {
        move: 'START_REVIEW',
        supplierOrganisationNumber: uniqueOrganisationNumber(),
        category: 'LEARNING_MATERIAL',
      });
      serviceId = after['serviceId'] as string;
    });
    expect(serviceId).toEqual(expect.any(String));
    const expected = await Promise.all(
      REVIEW_KINDS.map(async (kind) => (await activeWithRole(kind)).map((who) => [who, kind])),
    );
    expect(told.map((row) => [row.recipient_id, row.review_kind]).sort()).toEqual(
      expected.flat().sort(),
    );
    expectRow(told, 'REVIEW_WANTED', id);
    for (const row of told) expect(row.service_id).toBe(serviceId);
  });

  it('REVIEW_WANTED: a reviewer whose review of the service is valid is not told', async () => {
    const supplier = await createTestSupplier();
    const serviceId = (await createTestService(supplier.id)).id;
    const saved = await cast.as.dataProtection.post(
      `/api/services/${serviceId}/reviews`,
      passingReview('DATA_PROTECTION'),
    );
    expect(saved.status).toBe(201);
    const id = await requestInState(cast, 'IN_TRIAGE', { serviceId });
    const told = await toldBy(() => move(cast.as.specialist, id, { move: 'START_REVIEW' }));
    expect(sorted(told.map((row) => row.review_kind as string))).toEqual([
      'INFORMATION_SECURITY',
      'PROCUREMENT',
    ]);
    expect(recipients(told)).toEqual(
      sorted([cast.accounts.informationSecurity.id, cast.accounts.procurement.id]),
    );
  });

  it('REVIEW_DUE_AFTER_CHANGE: a reported change tells each reviewer whose review it made due', async () => {
    const serviceId = await newReviewedService();
    const told = await toldBy(async () => {
      const reported = await cast.as.specialist.post(`/api/services/${serviceId}/changes`, {
        kind: 'NEW_SUB_PROCESSOR',
        description: 'Ny driftleverantör i USA.',
      });
      expect(reported.status).toBe(201);
    });
    expect(told.map((row) => [row.recipient_id, row.review_kind]).sort()).toEqual(
      REVIEW_KINDS.map((kind) => [cast.accounts[REVIEWER[kind]].id, kind]).sort(),
    );
    expectRow(told, 'REVIEW_DUE_AFTER_CHANGE', null);
    for (const row of told) {
      expect(row.service_id).toBe(serviceId);
      expect(row.body).toContain('Ny driftleverantör i USA.');
    }
  });

  it('REVIEW_SAVED: a review tells the specialist in charge of the request, not the others', async () => {
    const { id, serviceId } = await inReview(asOtherSpecialist);
    const told = await toldBy(async () => {
      const saved = await cast.as.dataProtection.post(
        `/api/services/${serviceId}/reviews`,
        passingReview('DATA_PROTECTION'),
      );
      expect(saved.status).toBe(201);
    });
    expect(recipients(told)).toEqual([otherSpecialist.id]);
    expectRow(told, 'REVIEW_SAVED', id);
    expect(told[0].subject).toContain('Dataskyddsgranskning');
  });

  it('REVIEWS_COMPLETE: the last review wanted, with nothing blocking, tells the specialist in charge', async () => {
    const { id, serviceId } = await inReview(cast.as.specialist);
    for (const kind of ['DATA_PROTECTION', 'INFORMATION_SECURITY'] as const) {
      const saved = await cast.as[REVIEWER[kind]].post(
        `/api/services/${serviceId}/reviews`,
        passingReview(kind),
      );
      expect(saved.status).toBe(201);
    }
    const told = await toldBy(() =>
      cast.as.procurement.post(`/api/services/${serviceId}/reviews`, passingReview('PROCUREMENT')),
    );
    expect(recipients(told)).toEqual([cast.accounts.specialist.id]);
    expectRow(told, 'REVIEWS_COMPLETE', id);
    expect(told[0].subject).toContain('alla granskningar klara');
  });

  it('INFO_REQUESTED: a question tells the requester only', async () => {
    const id = await inTriage();
    const told = await toldBy(() =>
      move(cast.as.specialist, id, { move: 'ASK_FOR_INFO', text: 'Vilka årskurser?' }),
    );
    expect(recipients(told)).toEqual([cast.accounts.requester.id]);
    expectRow(told, 'INFO_REQUESTED', id);
    expect(told[0].body).toBe('Vilka årskurser?');
  });

  it('INFO_ANSWERED: the answer tells the specialist who asked', async () => {
    const id = await inTriage(asOtherSpecialist);
    await move(asOtherSpecialist, id, { move: 'ASK_FOR_INFO', text: 'Vilka årskurser?' });
    const told = await toldBy(() =>
      move(cast.as.requester, id, { move: 'ANSWER', text: 'Årskurs 7 till 9.' }),
    );
    expect(recipients(told)).toEqual([otherSpecialist.id]);
    expectRow(told, 'INFO_ANSWERED', id);
    expect(told[0].body).toContain('Årskurs 7 till 9.');
  });

  it('DECISION_PROPOSED: a proposal above the threshold tells every object manager', async () => {
    const serviceId = await newReviewedService(450_000);
    const id = await requestInState(cast, 'IN_REVIEW', { serviceId });
    const told = await toldBy(() =>
      move(cast.as.specialist, id, {
        move: 'PROPOSE_DECISION',
        outcome: 'APPROVED',
        text: 'Uppfyller behovet.',
      }),
    );
    expect(recipients(told)).toEqual(sorted(await activeWithRole('OBJECT_MANAGER')));
    expect(recipients(told)).toContain(secondManager.id);
    expectRow(told, 'DECISION_PROPOSED', id);
  });

  it('DECIDED: the decision tells the requester and the unit’s principals', async () => {
    const serviceId = await newReviewedService();
    const id = await requestInState(cast, 'IN_REVIEW', { serviceId });
    const told = await toldBy(() =>
      move(cast.as.specialist, id, {
        move: 'DECIDE',
        outcome: 'REJECTED',
        reasons: ['NEED'],
        text: 'Det finns redan ett likvärdigt verktyg.',
      }),
    );
    expect(recipients(told)).toEqual(
      sorted([cast.accounts.requester.id, cast.accounts.principal.id]),
    );
    expectRow(told, 'DECIDED', id);
    expect(told[0].subject).toContain('Avslagen');
    expect(told[0].body).not.toContain('[object Object]');
  });

  it('DECLINED: the principal’s decline tells the requester, with the reason', async () => {
    const created = await cast.as.requester.post('/api/requests', newToolRequest(cast.unit.id));
    const told = await toldBy(() =>
      move(cast.as.principal, created.body.id, {
        move: 'DECLINE',
        text: 'Vi har redan Matteboken.',
      }),
    );
    expect(recipients(told)).toEqual([cast.accounts.requester.id]);
    expectRow(told, 'DECLINED', created.body.id);
    expect(told[0].body).toContain('Vi har redan Matteboken.');
  });

  it('CHANGED_AFTER_DECLINE: the requester’s revision of a declined request tells the principals', async () => {
    const created = await cast.as.requester.post('/api/requests', newToolRequest(cast.unit.id));
    const declined = await move(cast.as.principal, created.body.id, {
      move: 'DECLINE',
      text: 'För många elever.',
    });
    const told = await toldBy(async () => {
      const edited = await cast.as.requester.patch(`/api/requests/${created.body.id}`, {
        version: declined.version,
        pupilCount: 25,
      });
      expect(edited.status).toBe(200);
    });
    expect(recipients(told)).toEqual([cast.accounts.principal.id]);
    expectRow(told, 'CHANGED_AFTER_DECLINE', created.body.id);
    expect(told[0].body).toContain('antal elever');
  });

  it('DECISION_CORRECTED: a corrected decision tells the requester and the unit’s principals again', async () => {
    const serviceId = await newReviewedService();
    const id = await requestInState(cast, 'IN_REVIEW', { serviceId });
    await move(cast.as.specialist, id, { move: 'DECIDE', outcome: 'APPROVED' });
    const told = await toldBy(() =>
      move(cast.as.manager, id, {
        move: 'CORRECT_DECISION',
        outcome: 'REJECTED',
        reasons: ['ECONOMY'],
        text: 'Kostnaden ryms inte.',
        correctionReason: 'Budgeten var felräknad.',
      }),
    );
    expect(recipients(told)).toEqual(
      sorted([cast.accounts.requester.id, cast.accounts.principal.id]),
    );
    expectRow(told, 'DECISION_CORRECTED', id);
    expect(told[0].subject).toContain('Avslagen');
    expect(told[0].body).toContain('Budgeten var felräknad.');
    expect(told[0].body).toContain('tidigare godkänd');
  });

  it('DECISION_REOPENED: a reopened decision tells the school and the specialist in charge', async () => {
    const serviceId = await newReviewedService();
    const id = await requestInState(cast, 'IN_TRIAGE', { serviceId });
    await move(asOtherSpecialist, id, { move: 'START_REVIEW' });
    await move(asOtherSpecialist, id, { move: 'DECIDE', outcome: 'APPROVED' });
    const told = await toldBy(() =>
      move(cast.as.manager, id, { move: 'REOPEN_DECISION', correctionReason: 'Ny uppgift.' }),
    );
    expect(recipients(told)).toEqual(
      sorted([cast.accounts.requester.id, cast.accounts.principal.id, otherSpecialist.id]),
    );
    expectRow(told, 'DECISION_REOPENED', id);
    expect(told[0].body).toContain('Ny uppgift.');
  });

  it('COVERED: finding the unit already covered tells the requester and the unit’s principals', async () => {
    const supplier = await createTestSupplier();
    const serviceId = (await createTestService(supplier.id)).id;
    const today = todayInSweden();
    const agreement = await cast.as.procurement.post(
      '/api/agreements',
      agreementBody(supplier.id, {
        signedOn: addMonths(today, -3),
        startsOn: addMonths(today, -3),
        endsOn: addMonths(today, 20),
      }),
    );
    expect(agreement.status).toBe(201);
    const licence = await cast.as.procurement.post('/api/licences', {
      agreementId: agreement.body.id,
      serviceId,
      scope: 'UNITS',
      unitIds: [cast.unit.id],
      startsOn: agreement.body.startsOn,
      endsOn: agreement.body.endsOn,
    });
    expect(licence.status).toBe(201);
    const id = await requestInState(cast, 'IN_TRIAGE', { serviceId });
    const told = await toldBy(() =>
      move(cast.as.specialist, id, { move: 'MARK_COVERED', licenceId: licence.body.id }),
    );
    expect(recipients(told)).toEqual(
      sorted([cast.accounts.requester.id, cast.accounts.principal.id]),
    );
    expectRow(told, 'COVERED', id);
  });

  it('IMPLEMENTED: the tool in use tells the requester, the unit’s principals and the joined units', async () => {
    const serviceId = await newReviewedService();
    const id = await requestInState(cast, 'DECIDED', { serviceId });
    const joiner = await createTestAccount(['REQUESTER'], { units: [cast.otherUnit.id] });
    const otherPrincipal = await createTestAccount(['PRINCIPAL'], { units: [cast.otherUnit.id] });
    await testDatabase().query(
      `INSERT INTO request_join (request_id, unit_id, account_id, pupil_count, need)
       VALUES ($1, $2, $3, 25, 'Samma behov')`,
      [id, cast.otherUnit.id, joiner.id],
    );
    const told = await toldBy(() =>
      move(cast.as.procurement, id, { move: 'IMPLEMENT', text: 'Konton skapas i augusti.' }),
    );
    expect(recipients(told)).toEqual(
      sorted([
        cast.accounts.requester.id,
        cast.accounts.principal.id,
        joiner.id,
        otherPrincipal.id,
      ]),
    );
    expectRow(told, 'IMPLEMENTED', id);
    expect(told[0].subject).toContain('är infört');
    expect(told[0].body).toContain('Konton skapas i augusti.');
  });

  it('a refused move tells nobody', async () => {
    const serviceId = await newReviewedService();
    const id = await requestInState(cast, 'IN_REVIEW', { serviceId });
    const told = await toldBy(async () => {
      // A rejection without its reasons is refused after the routine's checks.
      const current = await cast.as.specialist.get(`/api/requests/${id}`);
      const refused = await cast.as.specialist.post(`/api/requests/${id}/moves`, {
        version: current.body.version,
        move: 'DECIDE',
        outcome: 'REJECTED',
        text: 'Nej.',
      });
      expect(refused.status).toBe(400);
      const stale = await cast.as.specialist.post(`/api/requests/${id}/moves`, {
        version: current.body.version + 1,
        move: 'DECIDE',
        outcome: 'APPROVED',
      });
      expect(stale.status).toBe(409);
    });
    expect(told).toEqual([]);
  });
});
