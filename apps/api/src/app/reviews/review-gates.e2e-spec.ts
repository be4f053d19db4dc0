import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { type ApprovalBlocker, addDays, todayInSweden } from '@licensregistret/domain';

import {
  closeTestDatabase,
  createTestService,
  createTestSupplier,
  testDatabase,
} from '../../test/factories';
import {
  REVIEWER,
  type RoutineCast,
  createRoutineCast,
  passingReview,
  requestInState,
  reviewAll,
} from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';

type Kind = keyof typeof REVIEWER;
const fields = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((error) => error.field).sort();

describe('service reviews and the approval gates', () => {
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

  async function newService(): Promise<string> {
    const supplier = await createTestSupplier();
    return (await createTestService(supplier.id, { catalogueStatus: 'UNDER_REVIEW' })).id;
  }

  async function review(serviceId: string, kind: Kind, findings = {}, overrides = {}) {
    const response = await cast.as[REVIEWER[kind]].post(
      `/api/services/${serviceId}/reviews`,
      passingReview(kind, findings, overrides),
    );
    expect(response.status).toBe(201);
    return response.body;
  }

  async function tryToApprove(serviceId: string) {
    const id = await requestInState(cast, 'IN_REVIEW', { serviceId });
    const response = await cast.as.specialist.post(`/api/requests/${id}/moves`, {
      move: 'DECIDE',
      version: 1,
      outcome: 'APPROVED',
    });
    return { id, response };
  }

  const codes = (blockers: ApprovalBlocker[]) =>
    blockers.map((blocker) =>
      'kind' in blocker ? `${blocker.code}:${blocker.kind}` : blocker.code,
    );

  it('approves once all three reviews pass, and the service becomes approved in the catalogue', async () => {
    const serviceId = await newService();
    await reviewAll(cast, serviceId);
    const { response } = await tryToApprove(serviceId);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ state: 'DECIDED', approvalBlockers: [] });
    expect(response.body.decision).toMatchObject({ outcome: 'APPROVED' });
    const { rows } = await testDatabase().query(
      `SELECT catalogue_status, status_decided_on FROM digital_service WHERE id = $1`,
      [serviceId],
    );
    expect(rows[0]).toEqual({ catalogue_status: 'APPROVED', status_decided_on: todayInSweden() });
  });

  it.each<Kind>(['DATA_PROTECTION', 'INFORMATION_SECURITY', 'PROCUREMENT'])(
    'a missing %s review blocks approval (409 naming it) but not a rejection',
    async (missing) => {
      const serviceId = await newService();
      for (const kind of Object.keys(REVIEWER) as Kind[]) {
        if (kind !== missing) await review(serviceId, kind);
      }
      const { id, response } = await tryToApprove(serviceId);
      expect(response.status).toBe(409);
      expect(codes(response.body.blockers)).toEqual([`REVIEW_MISSING:${missing}`]);
      const { rows } = await testDatabase().query(
        `SELECT state, version FROM request WHERE id = $1`,
        [id],
      );
      expect(rows[0]).toEqual({ state: 'IN_REVIEW', version: 1 });

      const rejection = await cast.as.specialist.post(`/api/requests/${id}/moves`, {
        move: 'DECIDE',
        version: 1,
        outcome: 'REJECTED',
        reasons: ['INFORMATION_SECURITY', 'AGREEMENT'],
        text: 'Tjänsten kan inte granskas färdigt.',
      });
      expect(rejection.status).toBe(200);
      expect(rejection.body.decision).toMatchObject({
        outcome: 'REJECTED',
        reasons: ['INFORMATION_SECURITY', 'AGREEMENT'],
      });
    },
  );

  it('a rejected review blocks approval', async () => {
    const serviceId = await newService();
    await reviewAll(cast, serviceId);
    await review(serviceId, 'INFORMATION_SECURITY', {}, { outcome: 'REJECTED' });
    const { response } = await tryToApprove(serviceId);
    expect(response.status).toBe(409);
    expect(codes(response.body.blockers)).toEqual(['REVIEW_REJECTED:INFORMATION_SECURITY']);
  });

  it('an expired review blocks approval from the day after its redo date, not on it', async () => {
    const serviceId = await newService();
    await reviewAll(cast, serviceId);
    const today = todayInSweden();
    const setRedoBy = (redoBy: string) =>
      testDatabase().query(
        `UPDATE service_review SET reviewed_on = $2::date - 365, redo_by = $2 WHERE service_id = $1 AND kind = 'PROCUREMENT'`,
        [serviceId, redoBy],
      );
    await setRedoBy(today);
    expect((await tryToApprove(serviceId)).response.status).toBe(200);
    await setRedoBy(addDays(today, -1));
    const { response } = await tryToApprove(serviceId);
    expect(response.status).toBe(409);
    expect(codes(response.body.blockers)).toEqual(['REVIEW_EXPIRED:PROCUREMENT']);
    const listed = await cast.as.specialist.get(`/api/services/${serviceId}/reviews`);
    expect(listed.body.current.PROCUREMENT.validity).toBe('EXPIRED');
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'no signed data processing agreement',
      { dataProcessingAgreementSigned: false },
      'NO_DATA_PROCESSING_AGREEMENT',
    ],
    [
      'two DPIA criteria without a DPIA',
      { dpiaCriteria: ['VULNERABLE_SUBJECTS', 'LARGE_SCALE'] },
      'DPIA_MISSING',
    ],
    [
      'storage outside the EU/EEA without a transfer mechanism',
      { storageLocation: 'OUTSIDE_EU_EEA' },
      'TRANSFER_WITHOUT_MECHANISM',
    ],
  ])('%s blocks approval even with an approved GDPR review', async (_title, findings, code) => {
    const serviceId = await newService();
    await reviewAll(cast, serviceId);
    await review(serviceId, 'DATA_PROTECTION', findings);
    const { response } = await tryToApprove(serviceId);
    expect(response.status).toBe(409);
    expect(codes(response.body.blockers)).toEqual([code]);
  });

  it('the GDPR stops lift when the facts allow: DPIA done, a transfer mechanism, no personal data', async () => {
    for (const findings of [
      { dpiaCriteria: ['VULNERABLE_SUBJECTS', 'LARGE_SCALE'], dpiaDone: true },
      { storageLocation: 'OUTSIDE_EU_EEA', transferMechanism: 'DATA_PRIVACY_FRAMEWORK' },
      { processesPersonalData: false, legalBasis: null, dataProcessingAgreementSigned: false },
    ]) {
      const serviceId = await newService();
      await reviewAll(cast, serviceId);
      await review(serviceId, 'DATA_PROTECTION', findings);
      expect((await tryToApprove(serviceId)).response.status).toBe(200);
    }
  });

  it('a later request for the same service reuses its valid reviews', async () => {
    const serviceId = await newService();
    await reviewAll(cast, serviceId);
    expect((await tryToApprove(serviceId)).response.status).toBe(200);
    const later = await requestInState(cast, 'IN_REVIEW', { serviceId });
    const detail = await cast.as.specialist.get(`/api/requests/${later}`);
    expect(detail.body.approvalBlockers).toEqual([]);
    expect(detail.body.reviews.DATA_PROTECTION).toMatchObject({
      validity: 'VALID',
      outcome: 'APPROVED',
    });
    const { rows } = await testDatabase().query(
      `SELECT count(*)::int AS n FROM service_review WHERE service_id = $1`,
      [serviceId],
    );
    expect(rows[0].n).toBe(3);
    expect((await tryToApprove(serviceId)).response.status).toBe(200);
  });

  it.each(['NEW_VERSION', 'MIGRATION', 'NEW_SUB_PROCESSOR'])(
    'a %s makes the service’s reviews due again until they are redone',
    async (kind) => {
      const serviceId = await newService();
      await reviewAll(cast, serviceId);
      const reported = await cast.as.dataProtection.post(`/api/services/${serviceId}/changes`, {
        kind,
        description: 'Leverantören byter molnleverantör.',
      });
      expect(reported.status).toBe(201);
      expect(codes(reported.body.approvalBlockers)).toEqual([
        'REVIEW_DUE_AGAIN:DATA_PROTECTION',
        'REVIEW_DUE_AGAIN:INFORMATION_SECURITY',
        'REVIEW_DUE_AGAIN:PROCUREMENT',
      ]);
      expect((await tryToApprove(serviceId)).response.status).toBe(409);
      await reviewAll(cast, serviceId);
      expect((await tryToApprove(serviceId)).response.status).toBe(200);
      const history = await cast.as.specialist.get(`/api/services/${serviceId}/history`);
      expect(history.body.map((entry: { kind: string }) => entry.kind)).toContain(
        'change-reported',
      );
    },
  );

  it('a request’s history shows the reviews and reported changes of its service, in Swedish', async () => {
    const serviceId = await newService();
    const id = await requestInState(cast, 'IN_REVIEW', { serviceId });
    await review(
      serviceId,
      'PROCUREMENT',
      {},
      { outcome: 'APPROVED_WITH_CONDITIONS', conditions: 'Avrop via Adda.' },
    );
    await cast.as.informationSecurity.post(`/api/services/${serviceId}/changes`, {
      kind: 'NEW_SUB_PROCESSOR',
      description: 'Nytt underbiträde för drift.',
    });
    const events = await cast.as.specialist.get(`/api/requests/${id}/events`);
    expect(
      events.body.map((event: { kind: string; text: string }) => [event.kind, event.text]),
    ).toEqual([
      ['REVIEW', 'Avtals- och kostnadsgranskning: Godkänd med villkor'],
      ['SERVICE_CHANGED', 'Nytt underbiträde: Nytt underbiträde för drift.'],
    ]);
  });

  it('refuses bad findings naming the field, and writes nothing', async () => {
    const serviceId = await newService();
    const cases: [Kind, Record<string, unknown>, Record<string, unknown>, string[]][] = [
      ['DATA_PROTECTION', { legalBasis: null }, {}, ['findings.legalBasis']],
      ['DATA_PROTECTION', { dpiaCriteria: ['GUESSWORK'] }, {}, ['findings.dpiaCriteria']],
      ['DATA_PROTECTION', { transferMechanism: 'HOPE' }, {}, ['findings.transferMechanism']],
      ['INFORMATION_SECURITY', { confidentiality: 5 }, {}, ['findings.confidentiality']],
      ['INFORMATION_SECURITY', { integrity: '2' }, {}, ['findings.integrity']],
      ['INFORMATION_SECURITY', { extra: true }, {}, ['findings.extra']],
      ['PROCUREMENT', { annualCost: -1 }, {}, ['findings.annualCost']],
      ['PROCUREMENT', {}, { redoBy: todayInSweden() }, ['redoBy']],
      ['PROCUREMENT', {}, { redoBy: '2027-02-30' }, ['redoBy']],
      ['PROCUREMENT', {}, { outcome: 'APPROVED_WITH_CONDITIONS' }, ['conditions']],
      ['PROCUREMENT', {}, { outcome: 'MAYBE' }, ['outcome']],
    ];
    for (const [kind, findings, overrides, expected] of cases) {
      const response = await cast.as[REVIEWER[kind]].post(
        `/api/services/${serviceId}/reviews`,
        passingReview(kind, findings, overrides),
      );
      expect({ findings, overrides, status: response.status }).toEqual({
        findings,
        overrides,
        status: 400,
      });
      expect(fields(response.body)).toEqual(expected);
    }
    const { rows } = await testDatabase().query(
      `SELECT count(*)::int AS n FROM service_review WHERE service_id = $1`,
      [serviceId],
    );
    expect(rows[0].n).toBe(0);
  });

  it('a review of an unknown service is a 404', async () => {
    const response = await cast.as.dataProtection.post(
      `/api/services/6f1c6a8e-0000-4000-8000-000000000000/reviews`,
      passingReview('DATA_PROTECTION'),
    );
    expect(response.status).toBe(404);
  });
});
