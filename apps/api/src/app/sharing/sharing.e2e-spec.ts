import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { addMonths, todayInSweden } from '@licensregistret/domain';

import {
  type TestMunicipality,
  closeTestDatabase,
  createTestMunicipality,
  createTestService,
  createTestSupplier,
  inMunicipality,
  testDatabase,
  unique,
} from '../../test/factories';
import { type RoutineCast, createRoutineCast, passingReview } from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';
import { TEST_MUNICIPALITY } from '../../test/test-databases';

/**
 * Municipalities share what they found about a tool (issue 18): A (the test municipality) and B
 * have the same tool (one supplier's organisation number, one name), each in its own catalogue.
 */
describe('sharing reviews and decisions between municipalities', () => {
  let app: NestFastifyApplication;
  let a: RoutineCast;
  let b: TestMunicipality;
  let castB: RoutineCast;

  beforeAll(async () => {
    app = await createTestApp();
    a = await createRoutineCast(app);
    b = await createTestMunicipality('Grannby kommun');
    castB = await inMunicipality(b, () => createRoutineCast(app));
  }, 60_000);

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  /** The same tool in A's catalogue and in B's. */
  async function sharedTool(): Promise<{ inA: string; inB: string; name: string }> {
    const name = unique('Polylino');
    const supplierA = await createTestSupplier('Polylino AB');
    const inA = (await createTestService(supplierA.id, { name })).id;
    const inB = await inMunicipality(b, async () => {
      const supplierB = await createTestSupplier(
        'Polylino Aktiebolag',
        supplierA.organisationNumber,
      );
      // Written with other spacing and case: still the same tool.
      return (await createTestService(supplierB.id, { name: ` ${name.toUpperCase()} ` })).id;
    });
    return { inA, inB, name };
  }

  async function reviewInB(serviceId: string, notes = 'Intern anteckning i Grannby') {
    const response = await castB.as.dataProtection.post(`/api/services/${serviceId}/reviews`, {
      ...passingReview('DATA_PROTECTION'),
      notes,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string };
  }

  it('publishes a review that the other municipality reads with its provenance, not its reviewer', async () => {
    const tool = await sharedTool();
    const review = await reviewInB(tool.inB);

    const published = await castB.as.dataProtection.post(`/api/reviews/${review.id}/publish`);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      kind: 'DATA_PROTECTION',
      municipality: { slug: b.slug, name: b.name },
      own: true,
      reviewerRole: 'DATA_PROTECTION',
      reviewedOn: todayInSweden(),
      serviceVersion: 1,
      outcome: 'APPROVED',
      adoptedFrom: null,
    });
    expect((await castB.as.dataProtection.post(`/api/reviews/${review.id}/publish`)).status).toBe(
      409,
    );

    const seen = await a.as.specialist.get(`/api/services/${tool.inA}/shared`);
    expect(seen.status).toBe(200);
    expect(seen.body.serviceVersion).toBe(1);
    expect(seen.body.reviews).toEqual([
      expect.objectContaining({
        id: published.body.id,
        municipality: { slug: b.slug, name: b.name },
        own: false,
        reviewerRole: 'DATA_PROTECTION',
        findings: passingReview('DATA_PROTECTION').findings,
      }),
    ]);
    const text = JSON.stringify(seen.body);
    expect(text).not.toContain('Intern anteckning');
    expect(text).not.toContain(castB.accounts.dataProtection.id);
    // The reviewer's own municipality sees its review marked published.
    const own = await castB.as.specialist.get(`/api/services/${tool.inB}/reviews`);
    expect(own.body.current.DATA_PROTECTION.publishedAt).toEqual(expect.any(String));
  });

  it('publishes a review only by the role that makes its kind', async () => {
    const tool = await sharedTool();
    const review = await reviewInB(tool.inB);
    const response = await castB.as.informationSecurity.post(`/api/reviews/${review.id}/publish`);
    expect(response.status).toBe(403);
  });

  it('adopts a published review as the start of the own review, signed by the own reviewer', async () => {
    const tool = await sharedTool();
    const review = await reviewInB(tool.inB);
    const published = await castB.as.dataProtection.post(`/api/reviews/${review.id}/publish`);
    const redoBy = addMonths(todayInSweden(), 12);

    const adopted = await a.as.dataProtection.post(
      `/api/published-reviews/${published.body.id}/adopt`,
      { serviceId: tool.inA, redoBy },
    );
    expect(adopted.status).toBe(201);
    expect(adopted.body).toMatchObject({
      serviceId: tool.inA,
      kind: 'DATA_PROTECTION',
      outcome: 'APPROVED',
      findings: passingReview('DATA_PROTECTION').findings,
      reviewedOn: todayInSweden(),
      redoBy,
      adoptedFrom: { id: published.body.id, municipality: { slug: b.slug, name: b.name } },
      publishedAt: null,
    });
    const { rows } = await testDatabase().query(
      `SELECT reviewer_id, municipality_id FROM service_review WHERE id = $1`,
      [adopted.body.id],
    );
    expect(rows[0]).toEqual({
      reviewer_id: a.accounts.dataProtection.id,
      municipality_id: TEST_MUNICIPALITY.id,
    });
    const current = await a.as.specialist.get(`/api/services/${tool.inA}/reviews`);
    expect(current.body.current.DATA_PROTECTION.id).toBe(adopted.body.id);

    // Published again by A, it says where it started.
    const republished = await a.as.dataProtection.post(`/api/reviews/${adopted.body.id}/publish`);
    expect(republished.body.adoptedFrom).toEqual({
      id: published.body.id,
      municipality: { slug: b.slug, name: b.name },
    });
  });

  it('adopts only into the own service of the same tool, by the role of the kind', async () => {
    const tool = await sharedTool();
    const review = await reviewInB(tool.inB);
    const published = await castB.as.dataProtection.post(`/api/reviews/${review.id}/publish`);
    const redoBy = addMonths(todayInSweden(), 12);
    const path = `/api/published-reviews/${published.body.id}/adopt`;
    const other = await createTestService((await createTestSupplier()).id);

    const otherTool = await a.as.dataProtection.post(path, { serviceId: other.id, redoBy });
    expect(otherTool.status).toBe(400);
    expect(otherTool.body.errors[0].field).toBe('serviceId');
    const theirs = await a.as.dataProtection.post(path, { serviceId: tool.inB, redoBy });
    expect(theirs.status).toBe(400);
    expect(theirs.body.errors[0].field).toBe('serviceId');
    expect(
      (await a.as.informationSecurity.post(path, { serviceId: tool.inA, redoBy })).status,
    ).toBe(403);
  });

  it('reaches every municipality with the tool when a change is reported: reviews due, reviewers told', async () => {
    const tool = await sharedTool();
    await reviewInB(tool.inB);
    const ownReview = await a.as.dataProtection.post(
      `/api/services/${tool.inA}/reviews`,
      passingReview('DATA_PROTECTION'),
    );
    expect(ownReview.status).toBe(201);

    const reported = await a.as.specialist.post(`/api/services/${tool.inA}/changes`, {
      kind: 'NEW_SUB_PROCESSOR',
      description: 'Ny lagringsleverantör i Irland',
    });
    expect(reported.status).toBe(201);
    expect(reported.body.current.DATA_PROTECTION.validity).toBe('DUE_AGAIN');

    const inB = await castB.as.specialist.get(`/api/services/${tool.inB}/reviews`);
    expect(inB.body.current.DATA_PROTECTION.validity).toBe('DUE_AGAIN');
    const told = await castB.as.dataProtection.get('/api/notifications');
    expect(told.body.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          subject: expect.stringContaining('ska göras om'),
          body: expect.stringContaining('Ny lagringsleverantör i Irland'),
        }),
      ]),
    );
    const shared = await castB.as.specialist.get(`/api/services/${tool.inB}/shared`);
    expect(shared.body.serviceVersion).toBe(2);
    // B's history says what changed, by nobody of B's.
    const { rows } = await testDatabase().query(
      `SELECT actor_id, message FROM event WHERE subject_id = $1 AND kind = 'change-reported'`,
      [tool.inB],
    );
    expect(rows).toEqual([{ actor_id: null, message: expect.stringContaining('Irland') }]);
  });

  it('shows another municipality’s published decision with its public text only', async () => {
    const tool = await sharedTool();
    await testDatabase().query(
      `UPDATE digital_service SET catalogue_status = 'APPROVED_WITH_CONDITIONS',
              status_decided_on = '2026-10-01', conditions = 'Internt: bara åk 7-9 efter samtal',
              public_conditions = 'Används utan elevkonton'
        WHERE id = $1`,
      [tool.inB],
    );
    const published = await castB.as.manager.post(`/api/services/${tool.inB}/decision/publish`);
    expect(published.status).toBe(201);

    const seen = await a.as.requester.get(`/api/services/${tool.inA}/shared`);
    expect(seen.body.decisions).toEqual([
      {
        id: published.body.id,
        municipality: { slug: b.slug, name: b.name },
        own: false,
        status: 'APPROVED_WITH_CONDITIONS',
        decidedOn: '2026-10-01',
        publicConditions: 'Används utan elevkonton',
        rejectionReasons: [],
        publishedAt: expect.any(String),
        serviceVersion: 1,
      },
    ]);
    expect(JSON.stringify(seen.body)).not.toContain('Internt');
  });

  it('publishes only a decided service’s decision (409)', async () => {
    const tool = await sharedTool();
    await testDatabase().query(
      `UPDATE digital_service SET catalogue_status = 'UNDER_REVIEW' WHERE id = $1`,
      [tool.inB],
    );
    const response = await castB.as.specialist.post(`/api/services/${tool.inB}/decision/publish`);
    expect(response.status).toBe(409);
  });
});
