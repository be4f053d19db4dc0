import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { closeTestDatabase, unique, uniqueOrganisationNumber } from '../../test/factories';
import {
  REVIEWER,
  type RoutineCast,
  createRoutineCast,
  move,
  newToolRequest,
  passingReview,
} from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';

/**
 * What the records say after a new tool is approved: the specialist's and data protection's
 * words, never the school's need text; sign-in and data location as the reviews found them;
 * the approval's conditions in the catalogue, the public list and the record of processing.
 */
describe('records written by the routine, not copied from the request', () => {
  let app: NestFastifyApplication;
  let cast: RoutineCast;
  const need = unique('Eleverna behöver träna glosor hemma');
  let serviceId: string;
  let toolName: string;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await createRoutineCast(app);
    const body = newToolRequest(cast.unit.id, { need });
    toolName = body.newTool.name;
    const created = await cast.as.principal.post('/api/requests', body);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await move(cast.as.principal, id, { move: 'SUBMIT' });
    await move(cast.as.specialist, id, { move: 'START_TRIAGE' });
    const reviewing = await move(cast.as.specialist, id, {
      move: 'START_REVIEW',
      supplierOrganisationNumber: uniqueOrganisationNumber(),
      category: 'SKILLS_TRAINING',
      description: 'Glosträning med ordlistor som läraren delar med klassen.',
    });
    serviceId = reviewing['serviceId'] as string;
    for (const [kind, findings] of [
      ['DATA_PROTECTION', { storageLocation: 'EU_EEA', purpose: 'Elevernas glosträning.' }],
      ['INFORMATION_SECURITY', { signInMethod: 'FEDERATION' }],
      ['PROCUREMENT', {}],
    ] as const) {
      const review = await cast.as[REVIEWER[kind]].post(
        `/api/services/${serviceId}/reviews`,
        passingReview(kind, findings),
      );
      expect(review.status).toBe(201);
    }
    await move(cast.as.specialist, id, {
      move: 'DECIDE',
      outcome: 'APPROVED_WITH_CONDITIONS',
      conditions: 'Endast med skolkonto; inga elevnamn i ordlistornas titlar (se PUB-bilaga 2).',
      publicConditions: 'Används bara med elevens skolkonto.',
    });
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  it('the catalogue describes the service in the specialist’s words, with sign-in and storage from the reviews', async () => {
    const service = await cast.as.specialist.get(`/api/services/${serviceId}`);
    expect(service.status).toBe(200);
    expect(service.body).toMatchObject({
      catalogueStatus: 'APPROVED_WITH_CONDITIONS',
      description: 'Glosträning med ordlistor som läraren delar med klassen.',
      signInMethod: 'FEDERATION',
      dataLocation: 'EU_EEA',
      conditions: 'Endast med skolkonto; inga elevnamn i ordlistornas titlar (se PUB-bilaga 2).',
      publicConditions: 'Används bara med elevens skolkonto.',
    });
  });

  it('the requester’s need text is in none of /api/services, /api/catalogue, /api/public/services and the record of processing', async () => {
    const q = encodeURIComponent(toolName);
    const answers = [
      await cast.as.specialist.get(`/api/services?q=${q}`),
      await cast.as.requester.get(`/api/catalogue?q=${q}`),
      await cast.as.requester.get('/api/public/services'),
      await cast.as.dataProtection.get('/api/record-of-processing'),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.text).toContain(toolName);
      expect(answer.text).not.toContain(need);
    }
  });

  it('schools read the conditions in the catalogue', async () => {
    const catalogue = await cast.as.requester.get(
      `/api/catalogue?q=${encodeURIComponent(toolName)}`,
    );
    expect(catalogue.body.rows).toEqual([
      expect.objectContaining({
        id: serviceId,
        signInMethod: 'FEDERATION',
        conditions: 'Endast med skolkonto; inga elevnamn i ordlistornas titlar (se PUB-bilaga 2).',
      }),
    ]);
  });

  it('the public list shows the public conditions text only', async () => {
    const response = await cast.as.requester.get('/api/public/services');
    const published = response.body.find((row: { id: string }) => row.id === serviceId);
    expect(published).toEqual(
      expect.objectContaining({
        status: 'APPROVED_WITH_CONDITIONS',
        publicConditions: 'Används bara med elevens skolkonto.',
      }),
    );
    expect(response.text).not.toContain('PUB-bilaga 2');
  });

  it('the record of processing has the review’s purpose and the approval’s conditions', async () => {
    const response = await cast.as.dataProtection.get('/api/record-of-processing');
    const entry = response.body.entries.find(
      (candidate: { serviceId: string }) => candidate.serviceId === serviceId,
    );
    expect(entry).toMatchObject({
      purpose: 'Elevernas glosträning.',
      conditions: 'Endast med skolkonto; inga elevnamn i ordlistornas titlar (se PUB-bilaga 2).',
      storageLocation: 'EU_EEA',
    });
  });

  it('the decision keeps the public text beside the school’s conditions', async () => {
    const requests = await cast.as.requester.get(`/api/requests?serviceId=${serviceId}`);
    const detail = await cast.as.requester.get(`/api/requests/${requests.body.rows[0].id}`);
    expect(detail.body.decision).toMatchObject({
      outcome: 'APPROVED_WITH_CONDITIONS',
      publicConditions: 'Används bara med elevens skolkonto.',
    });
  });

  it('a data protection review processing personal data names its purpose: 400 naming findings.purpose', async () => {
    const response = await cast.as.dataProtection.post(
      `/api/services/${serviceId}/reviews`,
      passingReview('DATA_PROTECTION', { purpose: '  ' }),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'findings.purpose',
    ]);
  });
});
