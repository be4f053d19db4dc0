import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';

import { CONTRACT_STATUSES, NETWORK_GROUPS } from '@licensregistret/domain';

import { DEMO_ACCESSIBILITY_CONTACT } from '../../config/app-config';
import { createTestApp } from '../../test/test-app';
import { TestClient, demoAccount } from '../../test/test-client';
import {
  DEMO_ACCOUNTS,
  DEMO_MUNICIPALITY,
  DEMO_NEIGHBOURS,
  DEMO_PASSWORD,
  DEMO_UNITS,
} from './demo-data';
import { DemoSeederService } from './demo-seeder.service';

describe('the demo municipality', () => {
  let databaseUrl: string;
  let db: Client;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    databaseUrl = process.env['DATABASE_URL'] as string;
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    app = await createTestApp({ demoData: true }, databaseUrl);
  });

  afterAll(async () => {
    await app.close();
    await db.end();
  });

  it('is seeded at start-up: about 40 units in six network groups', async () => {
    const { rows } = await db.query(
      `SELECT u.name, u.network_group FROM school_unit u
         JOIN municipality m ON m.id = u.municipality_id WHERE m.slug = $1`,
      [DEMO_MUNICIPALITY.slug],
    );
    expect(rows).toHaveLength(DEMO_UNITS.length);
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((row) => row.network_group))).toEqual(new Set(NETWORK_GROUPS));
    expect(rows.map((row) => row.name)).toEqual(
      expect.arrayContaining([
        'Mellringeskolan 7-9',
        'Björkhagaskolan F-3',
        'Gumaeliusskolan 7-9',
        'Wallerska skolan F-6',
        'Mellringeskolan F-6',
        'Hagaskolan F-6',
      ]),
    );
  });

  it('shares the registry with two neighbours: their own schools, the same demo user names', async () => {
    const municipalities = await new TestClient(app).get('/api/municipalities');
    expect(municipalities.body).toEqual(
      expect.arrayContaining(
        [DEMO_MUNICIPALITY, ...DEMO_NEIGHBOURS].map(({ name, slug }) => ({ name, slug })),
      ),
    );
    for (const neighbour of DEMO_NEIGHBOURS) {
      const skola = await new TestClient(app).signIn(demoAccount('skola', neighbour.slug));
      const me = await skola.get('/api/auth/me');
      expect(me.body.schoolUnits.map((unit: { name: string }) => unit.name)).toEqual(
        neighbour.accountUnits['skola'],
      );
      const specialist = await new TestClient(app).signIn(
        demoAccount('specialist', neighbour.slug),
      );
      const units = await specialist.get('/api/school-units?limit=100');
      expect(units.body.rows.map((unit: { name: string }) => unit.name).sort()).toEqual(
        neighbour.units.map((unit) => unit.name).sort(),
      );
      const agreements = await specialist.get('/api/agreements?limit=100');
      expect(agreements.body.total).toBe(neighbour.agreements.length);
      expect((await specialist.get('/api/requests')).body.total).toBe(0);
    }
  });

  it('shares: Örebro’s published reviews and decisions, and Kumla’s review adopted from Örebro’s', async () => {
    const kumla = await new TestClient(app).signIn(demoAccount('dataskydd', 'kumla'));
    const services = await kumla.get('/api/services?limit=100');
    const polylino = services.body.rows.find((row: { name: string }) => row.name === 'Polylino');
    const shared = await kumla.get(`/api/services/${polylino.id}/shared`);
    expect(shared.body.reviews).toEqual([
      expect.objectContaining({
        kind: 'DATA_PROTECTION',
        municipality: DEMO_MUNICIPALITY,
        own: false,
        reviewerRole: 'DATA_PROTECTION',
      }),
    ]);
    expect(shared.body.decisions).toEqual([
      expect.objectContaining({ municipality: DEMO_MUNICIPALITY, status: 'APPROVED' }),
    ]);
    const reviews = await kumla.get(`/api/services/${polylino.id}/reviews`);
    expect(reviews.body.current.DATA_PROTECTION).toMatchObject({
      reviewerName: 'Dan Dataskydd',
      adoptedFrom: { id: shared.body.reviews[0].id, municipality: DEMO_MUNICIPALITY },
    });
  });

  it('has the demo accounts, signing in with the demo password', async () => {
    const expected: Record<string, string[]> = {
      skola: ['REQUESTER'],
      rektor: ['PRINCIPAL'],
      rektorhaga: ['PRINCIPAL'],
      specialist: ['OBJECT_SPECIALIST'],
      objektledare: ['OBJECT_MANAGER'],
      upphandlare: ['PROCUREMENT'],
      dataskydd: ['DATA_PROTECTION'],
      infosak: ['INFORMATION_SECURITY'],
      admin: ['ADMIN'],
      lasare: ['READ_ONLY'],
    };
    expect(
      Object.fromEntries(DEMO_ACCOUNTS.map((account) => [account.username, account.roles])),
    ).toEqual(expected);

    const skola = await new TestClient(app).signIn(demoAccount('skola'));
    const me = await skola.get('/api/auth/me');
    expect(me.body).toMatchObject({
      roles: ['REQUESTER'],
      schoolUnits: [{ name: 'Mellringeskolan 7-9' }],
    });
    const units = await skola.get('/api/school-units');
    expect(
      units.body.rows.map((unit: { name: string; principalName: string }) => [
        unit.name,
        unit.principalName,
      ]),
    ).toEqual([['Mellringeskolan 7-9', 'Rolf Rektorsson']]);

    const admin = await new TestClient(app).signIn(demoAccount('admin'));
    expect((await admin.get('/api/accounts?limit=50')).body.total).toBe(DEMO_ACCOUNTS.length);
  });

  it('has the municipality-wide agreements, with every contract status on screen', async () => {
    const procurement = await new TestClient(app).signIn(demoAccount('upphandlare'));
    const { body } = await procurement.get('/api/agreements?limit=50');
    expect(new Set(body.rows.map((agreement: { status: string }) => agreement.status))).toEqual(
      new Set(CONTRACT_STATUSES),
    );
    const services = body.rows.flatMap((agreement: { services: { name: string }[] }) =>
      agreement.services.map((service) => service.name),
    );
    expect(services).toEqual(
      expect.arrayContaining([
        'NE',
        'Begreppa',
        'Polylino',
        'Inläsningstjänst (ILT)',
        'Widgit Online',
      ]),
    );
    const history = await procurement.get(`/api/agreements/${body.rows[0].id}/history`);
    expect(history.body).toEqual([
      expect.objectContaining({ kind: 'created', actorName: 'Ulla Upphandlare' }),
    ]);
  });

  it('shows skola which approved services Mellringeskolan 7-9 already has', async () => {
    const skola = await new TestClient(app).signIn(demoAccount('skola'));
    const { body } = await skola.get('/api/catalogue?limit=50');
    const licensed = Object.fromEntries(
      body.rows.map((entry: { name: string; licensedUnits: unknown[] }) => [
        entry.name,
        entry.licensedUnits.length > 0,
      ]),
    );
    expect(licensed).toEqual({
      Begreppa: true,
      'Inläsningstjänst (ILT)': true,
      NE: true,
      Polylino: true,
      'Widgit Online': true,
    });
  });

  it('has requests in the routine: demand from two units, a blocked approval, a rejection with reasons', async () => {
    const specialist = await new TestClient(app).signIn(demoAccount('specialist'));
    const demand = await specialist.get('/api/requests/demand');
    expect(demand.body[0]).toMatchObject({
      toolName: 'Book Creator',
      unitCount: 2,
      requestCount: 2,
    });

    const queue = await specialist.get('/api/requests?state=IN_REVIEW');
    const [inReview] = queue.body.rows;
    expect(inReview).toMatchObject({ toolName: 'Räknestugan', unitName: 'Hagaskolan F-6' });
    const detail = await specialist.get(`/api/requests/${inReview.id}`);
    expect(detail.body.approvalBlockers).toEqual([
      { code: 'REVIEW_MISSING', kind: 'PROCUREMENT' },
      { code: 'TRANSFER_WITHOUT_MECHANISM' },
    ]);
    const history = await specialist.get(`/api/requests/${inReview.id}/events`);
    expect(history.body.map((event: { kind: string }) => event.kind)).toEqual([
      'CREATED',
      'SUBMIT',
      'START_TRIAGE',
      'START_REVIEW',
    ]);

    const school = await new TestClient(app).signIn(demoAccount('skola'));
    const mine = await school.get('/api/requests?mine=true&sort=createdAt:asc');
    expect(
      mine.body.rows.map(
        (row: { toolName: string; state: string }) => `${row.toolName} ${row.state}`,
      ),
    ).toEqual(['Quizlet DECIDED', 'Book Creator SUBMITTED', 'GeoGebra DRAFT']);
    const quizlet = await school.get(`/api/requests/${mine.body.rows[0].id}`);
    expect(quizlet.body.decision).toMatchObject({
      outcome: 'REJECTED',
      reasons: ['INFORMATION_SECURITY', 'AGREEMENT'],
      decidedByName: 'Stina Objektspecialist',
    });
    const published = await new TestClient(app).get(
      `/api/public/services?municipality=${DEMO_MUNICIPALITY.slug}`,
    );
    expect(published.body.find((row: { name: string }) => row.name === 'Quizlet')).toMatchObject({
      status: 'REJECTED',
      decidedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });

  it('shows the demo password on the sign-in page only in demo mode', async () => {
    const response = await new TestClient(app).get('/api/auth/config');
    expect(response.body.demoPassword).toBe(DEMO_PASSWORD);

    const plain = await createTestApp({ demoData: false }, databaseUrl);
    try {
      expect((await new TestClient(plain).get('/api/auth/config')).body.demoPassword).toBeNull();
    } finally {
      await plain.close();
    }
  });

  it('names an accessibility contact: the demo one, the configured one, or none', async () => {
    const response = await new TestClient(app).get('/api/auth/config');
    expect(response.body.accessibilityContact).toBe(DEMO_ACCESSIBILITY_CONTACT);

    const plain = await createTestApp({ demoData: false }, databaseUrl);
    const configured = await createTestApp(
      { demoData: false, accessibilityContact: 'tillganglighet@kommun.example.se' },
      databaseUrl,
    );
    try {
      expect(
        (await new TestClient(plain).get('/api/auth/config')).body.accessibilityContact,
      ).toBeNull();
      expect(
        (await new TestClient(configured).get('/api/auth/config')).body.accessibilityContact,
      ).toBe('tillganglighet@kommun.example.se');
    } finally {
      await plain.close();
      await configured.close();
    }
  });

  it('is seeded once: a restart, or a second instance, adds nothing', async () => {
    expect(await app.get(DemoSeederService).seed()).toBe(false);
    const second = await createTestApp({ demoData: true }, databaseUrl);
    try {
      const admin = await new TestClient(second).signIn(demoAccount('admin'));
      expect((await admin.get('/api/school-units')).body.total).toBe(DEMO_UNITS.length);
    } finally {
      await second.close();
    }
  });
});
