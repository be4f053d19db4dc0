import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { EVENT_KINDS, addMonths, todayInSweden } from '@licensregistret/domain';

import { pdfFile } from '../../test/document-files';
import {
  agreementBody,
  closeTestDatabase,
  createTestSupplier,
  testDatabase,
  uniqueOrganisationNumber,
} from '../../test/factories';
import {
  type RoutineCast,
  createApprovedService,
  createRoutineCast,
  move,
  newToolRequest,
  passingReview,
  reviewAll,
} from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';

/**
 * EVENT_KINDS (libs/shared/domain/src/lib/event-kinds.ts) is the one list of what the API writes
 * to the `event` table. This file's database is its own, so after driving every kind of change
 * through the API (each record's creation and change, a review and a reported change, and a
 * request through every move of the routine), the table holds exactly what the API wrote.
 */
describe('every kind of event the API writes is one of EVENT_KINDS', () => {
  let app: NestFastifyApplication;
  let cast: RoutineCast;
  const today = todayInSweden();

  beforeAll(async () => {
    app = await createTestApp();
    cast = await createRoutineCast(app);
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  async function ok<T = Record<string, unknown>>(
    response: Promise<{ status: number; body: T; text: string }>,
    status = 200,
  ): Promise<T> {
    const answered = await response;
    if (answered.status !== status) throw new Error(`${answered.status} ${answered.text}`);
    return answered.body;
  }

  it('drives every change through the API and finds only listed kinds, all of them', async () => {
    const { as } = cast;

    // The catalogue and the agreements: created and updated.
    const supplier = await ok<{ id: string; version: number }>(
      as.procurement.post('/api/suppliers', {
        name: 'Händelse AB',
        organisationNumber: uniqueOrganisationNumber(),
      }),
      201,
    );
    await ok(as.procurement.patch(`/api/suppliers/${supplier.id}`, { version: 1, name: 'Ny AB' }));
    const agreement = await ok<{ id: string }>(
      as.procurement.post(
        '/api/agreements',
        agreementBody((await createTestSupplier()).id, {
          signedOn: addMonths(today, -2),
          startsOn: addMonths(today, -1),
          endsOn: addMonths(today, 12),
        }),
      ),
      201,
    );
    await ok(
      as.procurement.patch(`/api/agreements/${agreement.id}`, { version: 1, caseNumber: 'KS 1' }),
    );
    // The agreement's lifecycle: notice, an extension used and one declined, a successor, an end.
    const act = async (agreementId: string, body: Record<string, unknown>) => {
      const current = await ok<{ version: number }>(
        as.procurement.get(`/api/agreements/${agreementId}`),
      );
      await ok(
        as.procurement.post(`/api/agreements/${agreementId}/actions`, {
          version: current.version,
          reason: 'Nämndens beslut',
          ...body,
        }),
      );
    };
    const lifecycle = async (overrides: Record<string, unknown>) =>
      (
        await ok<{ id: string }>(
          as.procurement.post(
            '/api/agreements',
            agreementBody((await createTestSupplier()).id, {
              signedOn: addMonths(today, -2),
              startsOn: addMonths(today, -1),
              endsOn: addMonths(today, 12),
              nextExtensionDecisionBy: addMonths(today, 6),
              ...overrides,
            }),
          ),
          201,
        )
      ).id;
    await act(await lifecycle({ renewsAutomatically: true }), {
      action: 'GIVE_NOTICE',
      date: today,
      caseNumber: 'KS 2',
    });
    const extended = await lifecycle({});
    await act(extended, { action: 'USE_EXTENSION' });
    await act(extended, { action: 'DECLINE_EXTENSION' });
    await act(extended, { action: 'REGISTER_SUCCESSOR', successorId: await lifecycle({}) });
    await act(extended, { action: 'END_EARLY', date: addMonths(today, 6) });

    const coveredService = await createApprovedService();
    const licence = await ok<{ id: string }>(
      as.procurement.post('/api/licences', {
        agreementId: agreement.id,
        serviceId: coveredService.id,
        scope: 'UNITS',
        unitIds: [cast.unit.id],
        startsOn: addMonths(today, -1),
        endsOn: addMonths(today, 12),
      }),
      201,
    );
    await ok(as.procurement.patch(`/api/licences/${licence.id}`, { version: 1, seatCount: 8 }));
    // A document added to the agreement, and removed.
    const document = await ok<{ id: string }>(
      as.procurement.postForm(
        `/api/agreements/${agreement.id}/documents`,
        { kind: 'OTHER' },
        {
          name: 'avtal.pdf',
          content: pdfFile(),
        },
      ),
      201,
    );
    await ok(as.procurement.delete(`/api/documents/${document.id}`), 204);

    // A request for a new tool: created, edited, commented on, and every move but the three below.
    const created = await ok<{ id: string; version: number }>(
      as.requester.post('/api/requests', newToolRequest(cast.unit.id)),
      201,
    );
    const id = created.id;
    await ok(as.requester.patch(`/api/requests/${id}`, { version: 1, pupilCount: 90 }));
    await ok(as.requester.post(`/api/requests/${id}/comments`, { text: 'En fråga' }), 201);
    // The principal declines, the requester revises, the principal endorses.
    await move(as.principal, id, { move: 'DECLINE', text: 'Beskriv behovet närmare.' });
    await move(as.principal, id, { move: 'ENDORSE' });
    await move(as.requester, id, { move: 'SUBMIT' });
    // Another unit joins its demand.
    await ok(
      as.otherRequester.post(`/api/requests/${id}/join`, {
        unitId: cast.otherUnit.id,
        pupilCount: 20,
        need: 'Samma behov',
      }),
    );
    await move(as.specialist, id, { move: 'START_TRIAGE' });
    await move(as.specialist, id, { move: 'QUEUE' });
    await move(as.specialist, id, { move: 'UNQUEUE' });
    await move(as.specialist, id, { move: 'ASK_FOR_INFO', text: 'Hur många?' });
    await move(as.requester, id, { move: 'ANSWER', text: 'Nittio' });
    // Starting the review enters a new supplier and the service into the catalogue.
    const inReview = await move(as.specialist, id, {
      move: 'START_REVIEW',
      supplierOrganisationNumber: uniqueOrganisationNumber(),
      category: 'SKILLS_TRAINING',
    });
    const serviceId = inReview['serviceId'] as string;
    await reviewAll(cast, serviceId);
    await ok(
      as.specialist.post(`/api/services/${serviceId}/changes`, {
        kind: 'NEW_VERSION',
        description: 'Version 2',
      }),
      201,
    );
    await reviewAll(cast, serviceId);
    // Above the confirmation threshold the specialist proposes and the manager decides.
    await ok(
      as.procurement.post(
        `/api/services/${serviceId}/reviews`,
        passingReview('PROCUREMENT', { annualCost: 500_000 }),
      ),
      201,
    );
    await move(as.specialist, id, { move: 'PROPOSE_DECISION', outcome: 'APPROVED' });
    await move(as.manager, id, { move: 'DECIDE', outcome: 'APPROVED' });
    // The object manager reopens the decision, decides again and corrects it.
    await move(as.manager, id, { move: 'REOPEN_DECISION', correctionReason: 'Nya uppgifter.' });
    await move(as.specialist, id, { move: 'PROPOSE_DECISION', outcome: 'APPROVED' });
    await move(as.manager, id, { move: 'DECIDE', outcome: 'APPROVED' });
    await move(as.manager, id, {
      move: 'CORRECT_DECISION',
      outcome: 'APPROVED_WITH_CONDITIONS',
      conditions: 'Endast skolans konton.',
      correctionReason: 'Villkoret saknades.',
    });
    await move(as.specialist, id, { move: 'IMPLEMENT' });
    // The municipality shares its decision and a review with the others.
    await ok(as.specialist.post(`/api/services/${serviceId}/decision/publish`), 201);
    const reviews = await ok<{ current: { DATA_PROTECTION: { id: string } } }>(
      as.specialist.get(`/api/services/${serviceId}/reviews`),
      200,
    );
    await ok(
      as.dataProtection.post(`/api/reviews/${reviews.current.DATA_PROTECTION.id}/publish`),
      201,
    );

    // One found already covered, one withdrawn.
    const covered = await ok<{ id: string }>(
      as.principal.post('/api/requests', {
        ...newToolRequest(cast.unit.id),
        serviceId: coveredService.id,
        newTool: null,
      }),
      201,
    );
    await move(as.principal, covered.id, { move: 'SUBMIT' });
    await move(as.specialist, covered.id, { move: 'START_TRIAGE' });
    await move(as.specialist, covered.id, { move: 'MARK_COVERED', licenceId: licence.id });
    const withdrawn = await ok<{ id: string }>(
      as.requester.post('/api/requests', newToolRequest(cast.unit.id)),
      201,
    );
    await move(as.requester, withdrawn.id, { move: 'WITHDRAW' });

    const { rows } = await testDatabase().query<{ kind: string }>(
      `SELECT DISTINCT kind FROM event ORDER BY kind`,
    );
    const written = rows.map((row) => row.kind);
    expect(written.filter((kind) => !(EVENT_KINDS as readonly string[]).includes(kind))).toEqual(
      [],
    );
    expect([...written].sort()).toEqual([...EVENT_KINDS].sort());
  });
});
