import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { addMonths, todayInSweden } from '@licensregistret/domain';

import {
  agreementBody,
  closeTestDatabase,
  createTestService,
  createTestSupplier,
  createTestUnit,
  testDatabase,
} from '../../test/factories';
import {
  type RoutineCast,
  createRoutineCast,
  move,
  requestInState,
} from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';

const fields = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((error) => error.field).sort();

/**
 * "Licensiera" (POST /api/licences/from-requests): a licence for approved requests of one
 * service, the requests IMPLEMENTED through the routine and the schools told, in one
 * transaction; every refusal leaves the database as it was.
 */
describe('licensing approved requests', () => {
  let app: NestFastifyApplication;
  let cast: RoutineCast;
  const today = todayInSweden();
  const period = { startsOn: addMonths(today, -3), endsOn: addMonths(today, 20) };

  beforeAll(async () => {
    app = await createTestApp();
    cast = await createRoutineCast(app);
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  /** A supplier with a service (GR) and a signed agreement in force; override the agreement. */
  async function serviceWithAgreement(
    overrides: Record<string, unknown> = {},
  ): Promise<{ serviceId: string; supplierId: string; agreementId: string }> {
    const supplier = await createTestSupplier();
    const service = await createTestService(supplier.id);
    const agreement = await cast.as.procurement.post(
      '/api/agreements',
      agreementBody(supplier.id, { signedOn: period.startsOn, ...period, ...overrides }),
    );
    expect(agreement.status).toBe(201);
    return { serviceId: service.id, supplierId: supplier.id, agreementId: agreement.body.id };
  }

  /** An approved request of the cast's unit, or of `unitId` by the other requester. */
  async function approved(serviceId: string, unitId?: string): Promise<string> {
    const id = await requestInState(cast, 'DECIDED', { serviceId });
    if (unitId) {
      await testDatabase().query(
        `UPDATE request SET unit_id = $2, requester_id = $3 WHERE id = $1`,
        [id, unitId, cast.accounts.otherRequester.id],
      );
    }
    return id;
  }

  async function refs(...ids: string[]): Promise<{ id: string; version: number }[]> {
    const { rows } = await testDatabase().query(
      `SELECT id, version FROM request WHERE id = ANY ($1::uuid[])`,
      [ids],
    );
    return ids.map((id) => ({ id, version: rows.find((row) => row.id === id).version as number }));
  }

  /** Licences, request states and notifications: what a refused call must leave alone. */
  async function snapshot(): Promise<string> {
    const { rows } = await testDatabase().query(
      `SELECT (SELECT count(*) FROM licence) AS licences,
              (SELECT count(*) FROM notification) AS notifications,
              (SELECT count(*) FROM event) AS events,
              (SELECT json_agg(json_build_object('id', id, 'state', state, 'version', version) ORDER BY id)
                 FROM request) AS requests`,
    );
    return JSON.stringify(rows[0]);
  }

  it('makes the licence, implements every chosen request, records both histories and tells the schools', async () => {
    const { serviceId, agreementId } = await serviceWithAgreement();
    const own = await approved(serviceId);
    const other = await approved(serviceId, cast.otherUnit.id);
    const joiningUnit = await createTestUnit({ schoolForms: ['GR'] });
    await testDatabase().query(
      `INSERT INTO request_join (request_id, unit_id, account_id, pupil_count, need)
       VALUES ($1, $2, $3, 40, 'Samma behov')`,
      [own, joiningUnit.id, cast.accounts.otherRequester.id],
    );

    const answer = await cast.as.procurement.post('/api/licences/from-requests', {
      requests: await refs(own, other),
      agreementId,
      scope: 'UNITS',
      unitIds: [cast.unit.id, cast.otherUnit.id, joiningUnit.id],
      seatCount: 300,
      startsOn: today,
      endsOn: period.endsOn,
      text: 'Inloggning sker med skolfederationen.',
    });
    expect(answer.status).toBe(201);
    const licence = answer.body.licence;
    expect(licence).toMatchObject({ agreementId, serviceId, scope: 'UNITS', seatCount: 300 });
    expect(licence.units.map((unit: { id: string }) => unit.id).sort()).toEqual(
      [cast.unit.id, cast.otherUnit.id, joiningUnit.id].sort(),
    );
    expect(answer.body.requests.map((row: { id: string }) => row.id).sort()).toEqual(
      [own, other].sort(),
    );

    for (const id of [own, other]) {
      const request = await cast.as.procurement.get(`/api/requests/${id}`);
      expect(request.body.state).toBe('IMPLEMENTED');
      expect(request.body.implementedBy).toMatchObject({
        licenceId: licence.id,
        agreementId,
        startsOn: today,
        endsOn: period.endsOn,
      });
      const events = await cast.as.procurement.get(`/api/requests/${id}/events`);
      const implement = events.body.find((event: { kind: string }) => event.kind === 'IMPLEMENT');
      expect(implement).toMatchObject({
        fromState: 'DECIDED',
        toState: 'IMPLEMENTED',
        text: 'Inloggning sker med skolfederationen.',
      });
    }
    const history = await cast.as.procurement.get(`/api/licences/${licence.id}/history`);
    expect(history.body.map((entry: { kind: string }) => entry.kind)).toEqual(['created']);
    const { rows: licenceEvents } = await testDatabase().query(
      `SELECT message FROM event WHERE subject_type = 'licence' AND subject_id = $1`,
      [licence.id],
    );
    expect(licenceEvents[0].message).toMatch(/^Licensierad från begäran \d+, begäran \d+$/);

    const { rows: told } = await testDatabase().query(
      `SELECT recipient_id, request_id, subject, body FROM notification
        WHERE kind = 'REQUEST_IMPLEMENTED' ORDER BY request_id, recipient_id`,
    );
    const toldAbout = (id: string) =>
      told
        .filter((row) => row.request_id === id)
        .map((row) => row.recipient_id as string)
        .sort();
    expect(toldAbout(own)).toEqual(
      [
        cast.accounts.requester.id,
        cast.accounts.principal.id,
        cast.accounts.otherRequester.id,
      ].sort(),
    );
    expect(toldAbout(other)).toEqual([cast.accounts.otherRequester.id]);
    for (const row of told.filter((row) => [own, other].includes(row.request_id))) {
      expect(row.body).toContain(licence.agreementNumber);
      expect(row.body).toContain('Inloggning sker med skolfederationen.');
    }

    // The catalogue's "Din enhet har den här tjänsten" reads the unit's licences.
    const ofUnit = await cast.as.requester.get(`/api/school-units/${cast.unit.id}/licences`);
    expect(ofUnit.body.map((row: { serviceId: string }) => row.serviceId)).toContain(serviceId);
  });

  it('licenses for school forms or the whole municipality when those reach every unit that asked', async () => {
    const { serviceId, agreementId } = await serviceWithAgreement();
    const forms = await cast.as.procurement.post('/api/licences/from-requests', {
      requests: await refs(await approved(serviceId)),
      agreementId,
      scope: 'SCHOOL_FORMS',
      schoolForms: ['GR'],
      ...period,
    });
    expect(forms.status).toBe(201);
    const municipality = await cast.as.procurement.post('/api/licences/from-requests', {
      requests: await refs(await approved(serviceId, cast.otherUnit.id)),
      agreementId,
      scope: 'MUNICIPALITY',
      ...period,
    });
    expect(municipality.status).toBe(201);
    expect(municipality.body.licence.scope).toBe('MUNICIPALITY');
  });

  it('two licensings of the same request at once: one licence, the other refused as stale', async () => {
    const { serviceId, agreementId } = await serviceWithAgreement();
    const id = await approved(serviceId);
    const body = {
      requests: await refs(id),
      agreementId,
      scope: 'UNITS',
      unitIds: [cast.unit.id],
      ...period,
    };
    const answers = await Promise.all([
      cast.as.procurement.post('/api/licences/from-requests', body),
      cast.as.procurement.post('/api/licences/from-requests', body),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const { rows } = await testDatabase().query(
      `SELECT count(*)::int AS n FROM licence WHERE service_id = $1`,
      [serviceId],
    );
    expect(rows[0].n).toBe(1);
  });

  describe('refuses, and leaves everything as it was', () => {
    async function refused(
      body: Record<string, unknown>,
      status: number,
    ): Promise<{ fields: string[]; detail: string }> {
      const before = await snapshot();
      const answer = await cast.as.procurement.post('/api/licences/from-requests', body);
      expect(answer.status).toBe(status);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(await snapshot()).toBe(before);
      const messages = (answer.body.errors ?? []).flatMap(
        (error: { messages: string[] }) => error.messages,
      );
      return {
        fields: fields(answer.body),
        detail: [answer.body.detail ?? '', ...messages].join(' '),
      };
    }

    const unitsBody = async (requests: string[], agreementId: string) => ({
      requests: await refs(...requests),
      agreementId,
      scope: 'UNITS',
      unitIds: [cast.unit.id, cast.otherUnit.id],
      ...period,
    });

    it('a rejected decision: 409, and nothing of the other chosen request either', async () => {
      const { serviceId, agreementId } = await serviceWithAgreement();
      const good = await approved(serviceId);
      const rejected = await approved(serviceId, cast.otherUnit.id);
      await testDatabase().query(
        `UPDATE request SET decision_outcome = 'REJECTED', decision_reasons = '{NEED}' WHERE id = $1`,
        [rejected],
      );
      const { detail } = await refused(await unitsBody([good, rejected], agreementId), 409);
      expect(detail).toContain('rejected');
    });

    it('a request not decided yet, or already implemented: 409', async () => {
      const { serviceId, agreementId } = await serviceWithAgreement();
      const inReview = await requestInState(cast, 'IN_REVIEW', { serviceId });
      expect((await refused(await unitsBody([inReview], agreementId), 409)).detail).toContain(
        'IN_REVIEW',
      );
      const done = await requestInState(cast, 'IMPLEMENTED', { serviceId });
      await refused(await unitsBody([done], agreementId), 409);
    });

    it('a stale version of the second request: 409, the first not implemented', async () => {
      const { serviceId, agreementId } = await serviceWithAgreement();
      const first = await approved(serviceId);
      const second = await approved(serviceId, cast.otherUnit.id);
      const body = await unitsBody([first, second], agreementId);
      (body.requests[1] as { version: number }).version += 1;
      const before = await snapshot();
      const answer = await cast.as.procurement.post('/api/licences/from-requests', body);
      expect(answer.status).toBe(409);
      expect(answer.body.type).toContain('stale-version');
      expect(await snapshot()).toBe(before);
    });

    it('an agreement not signed, ended, or given notice: 409 naming agreementId', async () => {
      for (const overrides of [
        { signedOn: null },
        {
          startsOn: addMonths(today, -30),
          signedOn: addMonths(today, -30),
          endsOn: addMonths(today, -1),
        },
        { terminatedOn: addMonths(today, -1) },
        // Notice given today: it still runs, but is being wound down.
        { terminatedOn: today },
      ]) {
        const { serviceId, agreementId } = await serviceWithAgreement(overrides);
        const id = await approved(serviceId);
        const { fields: named } = await refused(
          {
            requests: await refs(id),
            agreementId,
            scope: 'MUNICIPALITY',
            startsOn: today,
            endsOn: today,
          },
          409,
        );
        expect(named).toEqual(['agreementId']);
      }
    });

    it('an agreement that covers none of the service’s school forms: 409 naming agreementId', async () => {
      const { serviceId, agreementId } = await serviceWithAgreement({ scopeSchoolForms: ['GY'] });
      const id = await approved(serviceId);
      const problem = await refused(
        {
          requests: await refs(id),
          agreementId,
          scope: 'SCHOOL_FORMS',
          schoolForms: ['GY'],
          ...period,
        },
        409,
      );
      expect(problem.fields).toEqual(['agreementId']);
      expect(problem.detail).toContain('GY');
    });

    it('a scope that leaves out a unit that asked: 400 naming unitIds or schoolForms', async () => {
      const { serviceId, agreementId } = await serviceWithAgreement();
      const own = await approved(serviceId);
      const other = await approved(serviceId, cast.otherUnit.id);
      const named = await refused(
        {
          requests: await refs(own, other),
          agreementId,
          scope: 'UNITS',
          unitIds: [cast.unit.id],
          ...period,
        },
        400,
      );
      expect(named.fields).toEqual(['unitIds']);
      expect(named.detail).toContain(cast.otherUnit.name);
      const forms = await refused(
        {
          requests: await refs(own),
          agreementId,
          scope: 'SCHOOL_FORMS',
          schoolForms: ['GY'],
          ...period,
        },
        400,
      );
      expect(forms.fields).toEqual(['schoolForms']);
    });

    it('requests for two services, a request twice, an unknown agreement: 400 naming the field', async () => {
      const first = await serviceWithAgreement();
      const second = await serviceWithAgreement();
      const a = await approved(first.serviceId);
      const b = await approved(second.serviceId, cast.otherUnit.id);
      expect((await refused(await unitsBody([a, b], first.agreementId), 400)).fields).toEqual([
        'requests',
      ]);
      const twice = await unitsBody([a], first.agreementId);
      twice.requests = [...twice.requests, ...twice.requests];
      expect((await refused(twice, 400)).fields).toEqual(['requests']);
      expect(
        (await refused(await unitsBody([a], '00000000-0000-4000-8000-000000000000'), 400)).fields,
      ).toEqual(['agreementId']);
    });

    it('a licence that runs past its agreement, or has already ended: 400 naming endsOn', async () => {
      const { serviceId, agreementId } = await serviceWithAgreement();
      const id = await approved(serviceId);
      const base = { requests: await refs(id), agreementId, scope: 'MUNICIPALITY' };
      expect(
        (await refused({ ...base, startsOn: today, endsOn: addMonths(period.endsOn, 1) }, 400))
          .fields,
      ).toEqual(['endsOn']);
      expect(
        (await refused({ ...base, startsOn: period.startsOn, endsOn: addMonths(today, -1) }, 400))
          .fields,
      ).toEqual(['endsOn']);
    });

    it('malformed bodies: 400 naming each field', async () => {
      const { agreementId } = await serviceWithAgreement();
      expect(
        (await refused({ requests: [], agreementId, scope: 'X', startsOn: '2026-13-01' }, 400))
          .fields,
      ).toEqual(['endsOn', 'requests', 'scope', 'startsOn']);
      expect(
        (
          await refused(
            {
              requests: [{ id: 'nope', version: 0 }],
              agreementId,
              scope: 'MUNICIPALITY',
              ...period,
            },
            400,
          )
        ).fields,
      ).toEqual(['requests.0.id', 'requests.0.version']);
    });

    it('roles other than procurement: 403', async () => {
      const { serviceId, agreementId } = await serviceWithAgreement();
      const body = await unitsBody([await approved(serviceId)], agreementId);
      for (const role of ['manager', 'specialist', 'requester'] as const) {
        const before = await snapshot();
        const answer = await cast.as[role].post('/api/licences/from-requests', body);
        expect(answer.status).toBe(403);
        expect(await snapshot()).toBe(before);
      }
    });
  });

  describe('the plain IMPLEMENT move', () => {
    it('names a licence only if it reaches every unit that asked', async () => {
      const { serviceId, agreementId } = await serviceWithAgreement();
      const narrow = await cast.as.procurement.post('/api/licences', {
        agreementId,
        serviceId,
        scope: 'UNITS',
        unitIds: [cast.otherUnit.id],
        ...period,
      });
      expect(narrow.status).toBe(201);
      const id = await approved(serviceId);
      const current = await cast.as.procurement.get(`/api/requests/${id}`);
      const refusedMove = await cast.as.procurement.post(`/api/requests/${id}/moves`, {
        move: 'IMPLEMENT',
        version: current.body.version,
        licenceId: narrow.body.id,
      });
      expect(refusedMove.status).toBe(400);
      expect(fields(refusedMove.body)).toEqual(['licenceId']);
      const after = await move(cast.as.specialist, id, { move: 'IMPLEMENT' });
      expect(after.state).toBe('IMPLEMENTED');
      expect(after['implementedBy']).toBeNull();
    });
  });
});
