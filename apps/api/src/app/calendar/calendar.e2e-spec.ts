import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import ICAL from 'ical.js';
import request from 'supertest';

import { addMonths, todayInSweden } from '@licensregistret/domain';

import {
  agreementBody,
  closeTestDatabase,
  createTestAccount,
  createTestService,
  createTestSupplier,
  testDatabase,
} from '../../test/factories';
import { passingReview } from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';
import { TestClient, signedIn } from '../../test/test-client';

interface ParsedEvent {
  uid: string;
  summary: string;
  start: string;
  allDay: boolean;
}

/** Parses the feed with ical.js (Thunderbird's parser), as a calendar program would. */
function eventsOf(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
    };
  });
}

describe('the personal calendar feed', () => {
  let app: NestFastifyApplication;
  let owner: TestClient;
  let ownerAccount: Awaited<ReturnType<typeof createTestAccount>>;
  const today = todayInSweden();

  beforeAll(async () => {
    app = await createTestApp();
    ownerAccount = await createTestAccount(['OBJECT_MANAGER']);
    owner = await signedIn(app, ownerAccount);
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  const fetchFeed = (path: string) =>
    request(app.getHttpServer())
      .get(path)
      .buffer(true)
      .parse((response, callback) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => callback(null, text));
      });

  it('lists the deadlines of the agreements a person owns, as all-day events that parse', async () => {
    const supplier = await createTestSupplier();
    const renewing = await owner.post(
      '/api/agreements',
      agreementBody(supplier.id, {
        ownerId: ownerAccount.id,
        signedOn: addMonths(today, -6),
        startsOn: addMonths(today, -6),
        endsOn: addMonths(today, 10),
        renewsAutomatically: true,
        extensionOptions: 0,
        extensionMonths: 0,
        noticePeriodMonths: 3,
      }),
    );
    const extending = await owner.post(
      '/api/agreements',
      agreementBody(supplier.id, {
        ownerId: ownerAccount.id,
        signedOn: addMonths(today, -6),
        startsOn: addMonths(today, -6),
        endsOn: addMonths(today, 12),
        nextExtensionDecisionBy: addMonths(today, 8),
      }),
    );
    const someoneElses = await owner.post('/api/agreements', agreementBody(supplier.id));
    expect([renewing.status, extending.status, someoneElses.status]).toEqual([201, 201, 201]);

    const created = await owner.post('/api/calendar/feed');
    expect(created.status).toBe(201);
    expect(created.body.path).toMatch(/^\/api\/calendar\/[\w-]{43}\/deadlines\.ics$/);
    const response = await fetchFeed(created.body.path);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const events = eventsOf(response.body);
    const number = (body: { agreementNumber: string }) => body.agreementNumber;
    expect(events.map((event) => [event.summary, event.start, event.allDay]).sort()).toEqual(
      [
        [
          `Slutdatum: avtal ${number(renewing.body)} (${supplier.name})`,
          renewing.body.endsOn,
          true,
        ],
        [
          `Sista dag för uppsägning: avtal ${number(renewing.body)} (${supplier.name})`,
          renewing.body.nextDeadline.date,
          true,
        ],
        [
          `Slutdatum: avtal ${number(extending.body)} (${supplier.name})`,
          extending.body.endsOn,
          true,
        ],
        [
          `Beslut om förlängning: avtal ${number(extending.body)} (${supplier.name})`,
          addMonths(today, 8),
          true,
        ],
      ].sort(),
    );
    expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
    expect(response.body).toContain('\r\n');
  });

  it('gives a reviewer the dates their current reviews must be redone', async () => {
    const reviewer = await createTestAccount(['INFORMATION_SECURITY']);
    const client = await signedIn(app, reviewer);
    const supplier = await createTestSupplier();
    const service = await createTestService(supplier.id);
    const redoBy = addMonths(today, 11);
    await client.post(
      `/api/services/${service.id}/reviews`,
      passingReview('INFORMATION_SECURITY', {}, { redoBy }),
    );
    const created = await client.post('/api/calendar/feed');
    const events = eventsOf((await fetchFeed(created.body.path)).body);
    expect(events).toContainEqual(
      expect.objectContaining({
        summary: `Informationssäkerhetsgranskning görs om: ${service.name}`,
        start: redoBy,
        allDay: true,
      }),
    );
  });

  it('a new address replaces the old one, and a revoked or unknown one is a 404', async () => {
    const first = await owner.post('/api/calendar/feed');
    const second = await owner.post('/api/calendar/feed');
    expect((await fetchFeed(first.body.path)).status).toBe(404);
    expect((await fetchFeed(second.body.path)).status).toBe(200);
    expect((await owner.get('/api/calendar/feed')).body).toMatchObject({
      active: true,
      path: null,
    });

    expect((await owner.delete('/api/calendar/feed')).status).toBe(204);
    expect((await fetchFeed(second.body.path)).status).toBe(404);
    expect((await owner.get('/api/calendar/feed')).body).toEqual({
      active: false,
      createdAt: null,
      path: null,
    });
    expect((await fetchFeed('/api/calendar/not-a-token/deadlines.ics')).status).toBe(404);
  });

  describe('revoked when the account changes hands', () => {
    /** An account with a working feed, and an administrator to change it. */
    const accountWithFeed = async () => {
      const account = await createTestAccount(['PROCUREMENT']);
      const { body: feed } = await (await signedIn(app, account)).post('/api/calendar/feed');
      expect((await fetchFeed(feed.path)).status).toBe(200);
      const admin = await signedIn(app, await createTestAccount(['ADMIN']));
      const { body: current } = await admin.get(`/api/accounts/${account.id}`);
      const change = (body: object) =>
        admin.patch(`/api/accounts/${account.id}`, { version: current.version, ...body });
      return { account, path: feed.path as string, change };
    };

    it.each([
      ['a password reset', { password: 'Ett-nytt-lösenord-2026' }],
      ['a change of roles', { roles: ['PROCUREMENT', 'OBJECT_SPECIALIST'] }],
      ['a change to fewer roles', { roles: ['READ_ONLY'] }],
      ['deactivation', { active: false }],
    ])('%s makes the old address a 404', async (_, body) => {
      const { account, path, change } = await accountWithFeed();
      expect((await change(body)).status).toBe(200);
      expect((await fetchFeed(path)).status).toBe(404);
      const { rows } = await testDatabase().query(
        `SELECT 1 FROM calendar_feed WHERE account_id = $1`,
        [account.id],
      );
      expect(rows).toHaveLength(0);
    });

    it('survives a change of name or e-mail, or the same roles given again', async () => {
      const { path, change } = await accountWithFeed();
      expect(
        (
          await change({
            displayName: 'Nytt Namn',
            email: 'nytt.namn@test.example',
            roles: ['PROCUREMENT'],
          })
        ).status,
      ).toBe(200);
      expect((await fetchFeed(path)).status).toBe(200);
    });
  });

  it('needs a session to make or revoke an address', async () => {
    const anonymous = new TestClient(app);
    await anonymous.get('/api/auth/config'); // the CSRF cookie, as the sign-in page gets it
    expect((await anonymous.post('/api/calendar/feed')).status).toBe(401);
    expect((await anonymous.delete('/api/calendar/feed')).status).toBe(401);
  });
});
