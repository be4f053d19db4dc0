import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import {
  type ProcessingRecordEntry,
  type RecordOfProcessing,
  todayInSweden,
} from '@licensregistret/domain';

import { download, readCsv, readXlsx } from '../../test/download';
import {
  agreementBody,
  closeTestDatabase,
  createTestAccount,
  createTestService,
  createTestSupplier,
  createTestUnit,
  testDatabase,
} from '../../test/factories';
import { passingReview } from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';

describe('/api/record-of-processing', () => {
  let app: NestFastifyApplication;
  let dataProtection: TestClient;
  let procurement: TestClient;
  /** The test's services by what makes them qualify or not. */
  const services: Record<string, { id: string; name: string }> = {};

  async function review(serviceId: string, findings: Record<string, unknown>): Promise<void> {
    const response = await dataProtection.post(
      `/api/services/${serviceId}/reviews`,
      passingReview('DATA_PROTECTION', findings),
    );
    expect(response.status).toBe(201);
  }

  /** The record's entries for this test's services only (other tests share the database). */
  const ours = (entries: ProcessingRecordEntry[]) => {
    const ids = new Set(Object.values(services).map((service) => service.id));
    return entries.filter((entry) => ids.has(entry.serviceId));
  };

  beforeAll(async () => {
    app = await createTestApp();
    dataProtection = await signedIn(app, await createTestAccount(['DATA_PROTECTION']));
    procurement = await signedIn(app, await createTestAccount(['PROCUREMENT']));
    const supplier = await createTestSupplier();
    const make = async (key: string, catalogueStatus = 'APPROVED') => {
      services[key] = await createTestService(supplier.id, {
        name: `${key}-${supplier.name}`,
        catalogueStatus,
      });
    };
    await make('a-personal');
    await make('b-conditions', 'APPROVED_WITH_CONDITIONS');
    await make('c-no-personal-data');
    await make('d-under-review', 'UNDER_REVIEW');
    await make('e-latest-says-no');
    await make('f-latest-says-yes');
    await make('g-no-review');
    // The catalogue's description is not the record's purpose: the review's is.
    await testDatabase().query(
      `UPDATE digital_service SET description = 'Läromedel i alla ämnen för grundskolan.' WHERE id = $1`,
      [services['a-personal']?.id],
    );
    await testDatabase().query(
      `UPDATE digital_service SET conditions = 'Endast med elevens skolkonto.' WHERE id = $1`,
      [services['b-conditions']?.id],
    );

    await review(services['a-personal']?.id ?? '', {
      purpose: 'Elevernas arbete med läromedlet och lärarens uppföljning.',
      dataCategories: ['IDENTITY', 'USAGE'],
      dataSubjects: ['PUPILS', 'STAFF'],
      legalBasis: 'PUBLIC_INTEREST',
      storageLocation: 'OUTSIDE_EU_EEA',
      transferMechanism: 'DATA_PRIVACY_FRAMEWORK',
      subProcessors: ['Moln AB'],
      retention: 'Gallras ett år efter att eleven slutat',
    });
    await review(services['b-conditions']?.id ?? '', { subProcessors: [] });
    await review(services['c-no-personal-data']?.id ?? '', { processesPersonalData: false });
    await review(services['d-under-review']?.id ?? '', {});
    await review(services['e-latest-says-no']?.id ?? '', {});
    await review(services['e-latest-says-no']?.id ?? '', { processesPersonalData: false });
    await review(services['f-latest-says-yes']?.id ?? '', { processesPersonalData: false });
    await review(services['f-latest-says-yes']?.id ?? '', {});

    // An agreement licenses the first service today, its data processing agreement signed.
    const agreement = await procurement.post(
      '/api/agreements',
      agreementBody(supplier.id, {
        startsOn: '2025-01-01',
        endsOn: '2099-12-31',
        signedOn: '2024-12-01',
        noticePeriodMonths: 3,
        dataProcessingAgreement: {
          signed: true,
          signedOn: '2024-12-15',
          subProcessors: ['Drift AB', 'Moln AB'],
        },
      }),
    );
    expect(agreement.status).toBe(201);
    const licence = await procurement.post('/api/licences', {
      agreementId: agreement.body.id,
      serviceId: services['a-personal']?.id,
      // A unit of this test's own: other tests' units never see this licence.
      scope: 'UNITS',
      unitIds: [(await createTestUnit()).id],
      startsOn: '2025-01-01',
      endsOn: '2099-12-31',
    });
    expect(licence.status).toBe(201);
    services['agreement'] = { id: agreement.body.id, name: agreement.body.agreementNumber };
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  it('lists the approved services whose current data protection review says they process personal data', async () => {
    const response = await dataProtection.get('/api/record-of-processing');

    expect(response.status).toBe(200);
    const record = response.body as RecordOfProcessing;
    expect(record.readOn).toBe(todayInSweden());
    const names = ours(record.entries).map((entry) => entry.serviceId);
    expect(names).toEqual(
      ['a-personal', 'b-conditions', 'f-latest-says-yes'].map((key) => services[key]?.id),
    );
  });

  it('tells purpose, data, people, legal basis, the signed agreement, sub-processors, storage and retention', async () => {
    const response = await dataProtection.get('/api/record-of-processing');
    const entry = ours(response.body.entries).find(
      (candidate: ProcessingRecordEntry) => candidate.serviceId === services['a-personal']?.id,
    );
    expect(entry).toMatchObject({
      serviceName: services['a-personal']?.name,
      catalogueStatus: 'APPROVED',
      purpose: 'Elevernas arbete med läromedlet och lärarens uppföljning.',
      conditions: '',
      dataCategories: ['IDENTITY', 'USAGE'],
      dataSubjects: ['PUPILS', 'STAFF'],
      legalBasis: 'PUBLIC_INTEREST',
      dataProcessingAgreementSigned: true,
      agreements: [
        {
          agreementId: services['agreement']?.id,
          agreementNumber: services['agreement']?.name,
          signed: true,
          signedOn: '2024-12-15',
          subProcessors: ['Drift AB', 'Moln AB'],
        },
      ],
      subProcessors: ['Moln AB', 'Drift AB'],
      storageLocation: 'OUTSIDE_EU_EEA',
      transferMechanism: 'DATA_PRIVACY_FRAMEWORK',
      retention: 'Gallras ett år efter att eleven slutat',
      review: { outcome: 'APPROVED', reviewedOn: todayInSweden(), validity: 'VALID' },
    });
  });

  it('says why every other approved service has no entry', async () => {
    const response = await dataProtection.get('/api/record-of-processing');
    const record = response.body as RecordOfProcessing;
    const ids = new Set(Object.values(services).map((service) => service.id));
    const omitted = record.omitted.filter((omission) => ids.has(omission.serviceId));
    expect(omitted).toEqual([
      expect.objectContaining({
        serviceId: services['c-no-personal-data']?.id,
        reason: 'NO_PERSONAL_DATA',
      }),
      expect.objectContaining({
        serviceId: services['e-latest-says-no']?.id,
        reason: 'NO_PERSONAL_DATA',
      }),
      expect.objectContaining({
        serviceId: services['g-no-review']?.id,
        reason: 'NO_DATA_PROTECTION_REVIEW',
      }),
    ]);
    // Under review is not approved: neither an entry nor an omission.
    expect(record.omitted.map((omission) => omission.serviceId)).not.toContain(
      services['d-under-review']?.id,
    );
  });

  it('shows the conditions of an approval with conditions', async () => {
    const response = await dataProtection.get('/api/record-of-processing');
    const entry = ours(response.body.entries).find(
      (candidate: ProcessingRecordEntry) => candidate.serviceId === services['b-conditions']?.id,
    );
    expect(entry?.conditions).toBe('Endast med elevens skolkonto.');
  });

  it('exports the record as Excel, one row per processing under Swedish headings', async () => {
    const response = await download(
      app,
      dataProtection,
      '/api/record-of-processing/export?format=xlsx',
    );

    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="registerforteckning-${todayInSweden()}.xlsx"`,
    );
    const { name, rows } = await readXlsx(response.body);
    expect(name).toBe('Registerförteckning');
    const [header, ...data] = rows as [string[], ...unknown[][]];
    expect(header).toEqual(
      expect.arrayContaining([
        'Tjänst',
        'Ändamål',
        'Villkor',
        'Kategorier av personuppgifter',
        'Kategorier av registrerade',
        'Rättslig grund',
        'Personuppgiftsbiträdesavtal',
        'Underbiträden',
        'Lagringsplats',
        'Överföring till tredje land',
        'Lagringstid och gallring',
      ]),
    );
    const mine = new Set(Object.values(services).map((service) => service.name));
    const rowsOfOurs = data.filter((row) => mine.has(row[0] as string));
    expect(rowsOfOurs.map((row) => row[0])).toEqual(
      ['a-personal', 'b-conditions', 'f-latest-says-yes'].map((key) => services[key]?.name),
    );
    const first = rowsOfOurs[0] ?? [];
    const cell = (title: string) => first[header.indexOf(title)];
    expect(cell('Kategorier av personuppgifter')).toBe('Namn och identitet, Användning och loggar');
    expect(cell('Kategorier av registrerade')).toBe('Elever, Personal');
    expect(cell('Rättslig grund')).toBe('Uppgift av allmänt intresse');
    expect(cell('Personuppgiftsbiträdesavtal')).toBe(
      `Undertecknat enligt granskningen. Avtal ${services['agreement']?.name}: undertecknat 2024-12-15`,
    );
    expect(cell('Underbiträden')).toBe('Moln AB, Drift AB');
    expect(cell('Lagringsplats')).toBe('Utanför EU/EES');
    expect(cell('Överföring till tredje land')).toBe(
      'EU-US Data Privacy Framework (certifierat företag)',
    );
  });

  it('exports the record as CSV', async () => {
    const response = await download(
      app,
      dataProtection,
      '/api/record-of-processing/export?format=csv',
    );
    expect(response.status).toBe(200);
    const { bom, rows } = readCsv(response.body);
    expect(bom).toBe(true);
    expect(rows[0]?.[0]).toBe('Tjänst');
    const names = rows.slice(1).map((row) => row[0]);
    expect(names).toContain(services['b-conditions']?.name);
    expect(names).not.toContain(services['c-no-personal-data']?.name);
  });

  it('refuses a bad format: 400 naming format', async () => {
    const response = await dataProtection.get('/api/record-of-processing/export?format=ods');
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['format']);
  });

  it('is for the governance roles only', async () => {
    const requester = await signedIn(app, await createTestAccount(['REQUESTER']));
    expect((await requester.get('/api/record-of-processing')).status).toBe(403);
    expect((await requester.get('/api/record-of-processing/export?format=csv')).status).toBe(403);
    const readOnly = await signedIn(app, await createTestAccount(['READ_ONLY']));
    expect((await readOnly.get('/api/record-of-processing')).status).toBe(200);
  });
});
