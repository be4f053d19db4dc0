import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';

import { closeTestDatabase, createTestService, createTestSupplier } from '../../test/factories';
import {
  type RoutineCast,
  createRoutineCast,
  requestInState,
  reviewAll,
} from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';

describe('GET /api/public/services', () => {
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

  it('lists approved, rejected and retired services with the decision date, to anyone, with no personal data', async () => {
    const supplier = await createTestSupplier();
    const decided = await createTestService(supplier.id, { catalogueStatus: 'UNDER_REVIEW' });
    await reviewAll(cast, decided.id);
    const id = await requestInState(cast, 'IN_REVIEW', { serviceId: decided.id });
    const decision = await cast.as.specialist.post(`/api/requests/${id}/moves`, {
      move: 'DECIDE',
      version: 1,
      outcome: 'APPROVED',
      text: 'Godkänd.',
    });
    expect(decision.status).toBe(200);
    const underReview = await createTestService(supplier.id, { catalogueStatus: 'UNDER_REVIEW' });
    const retired = await createTestService(supplier.id, { catalogueStatus: 'RETIRED' });

    const response = await request(app.getHttpServer()).get('/api/public/services');
    expect(response.status).toBe(200);
    const byId = new Map(response.body.map((row: { id: string }) => [row.id, row]));
    expect(byId.get(decided.id)).toEqual({
      id: decided.id,
      name: decided.name,
      supplierName: supplier.name,
      category: 'LEARNING_MATERIAL',
      schoolForms: ['GR'],
      status: 'APPROVED',
      decidedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      publicConditions: '',
      rejectionReasons: [],
    });
    expect(byId.get(retired.id)).toMatchObject({ status: 'RETIRED' });
    expect(byId.has(underReview.id)).toBe(false);

    const text = response.text;
    for (const account of Object.values(cast.accounts)) {
      expect(text).not.toContain(account.username);
    }
    expect(text).not.toContain(cast.unit.name);
    expect(text).not.toMatch(/@/);
    for (const row of response.body as Record<string, unknown>[]) {
      expect(Object.keys(row).sort()).toEqual([
        'category',
        'decidedOn',
        'id',
        'name',
        'publicConditions',
        'rejectionReasons',
        'schoolForms',
        'status',
        'supplierName',
      ]);
    }
  });

  it('names the grounds of a rejection, and not the explanation written to the school', async () => {
    const supplier = await createTestSupplier();
    const rejected = await createTestService(supplier.id, { catalogueStatus: 'UNDER_REVIEW' });
    await reviewAll(cast, rejected.id);
    const id = await requestInState(cast, 'IN_REVIEW', { serviceId: rejected.id });
    const decision = await cast.as.specialist.post(`/api/requests/${id}/moves`, {
      move: 'DECIDE',
      version: 1,
      outcome: 'REJECTED',
      reasons: ['ECONOMY', 'NEED'],
      text: 'Hemlig motivering till skolan.',
    });
    expect(decision.status).toBe(200);

    const response = await request(app.getHttpServer()).get('/api/public/services');
    const row = (response.body as { id: string }[]).find((service) => service.id === rejected.id);
    expect(row).toMatchObject({ status: 'REJECTED', rejectionReasons: ['ECONOMY', 'NEED'] });
    expect(response.text).not.toContain('Hemlig motivering');
  });
});
