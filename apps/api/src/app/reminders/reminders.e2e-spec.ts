import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import {
  type IsoDate,
  REQUEST_WAITING_STATES,
  addDays,
  addMonths,
  todayInSweden,
} from '@licensregistret/domain';

import {
  agreementBody,
  closeTestDatabase,
  createTestAccount,
  createTestService,
  createTestSupplier,
  testDatabase,
} from '../../test/factories';
import {
  type RoutineCast,
  createRoutineCast,
  passingReview,
  requestInState,
} from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';
import { ReminderScanner } from './reminder-scanner.service';

/**
 * Every reminder kind on its day and not the day before, once per record, deadline and step,
 * across a restart and across two API instances scanning at the same moment. The scan covers
 * the whole of the file's database, so each test looks only at its own records.
 */
describe('reminders', () => {
  let apps: NestFastifyApplication[];
  let cast: RoutineCast;
  let owner: Awaited<ReturnType<typeof createTestAccount>>;
  let ownerClient: TestClient;
  const today = todayInSweden();

  beforeAll(async () => {
    apps = await Promise.all([createTestApp(), createTestApp()]);
    cast = await createRoutineCast(apps[0]);
    // An agreement's owner is an object manager (the API checks it).
    owner = await createTestAccount(['OBJECT_MANAGER']);
    ownerClient = await signedIn(apps[0], owner);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await closeTestDatabase();
  });

  const scan = (day: IsoDate, index = 0) => apps[index].get(ReminderScanner).scan(day);

  async function remindersOf(subjectId: string) {
    const { rows } = await testDatabase().query(
      `SELECT kind, due_on, step, sent_on, recipients FROM reminder WHERE subject_id = $1 ORDER BY created_at, step DESC`,
      [subjectId],
    );
    return rows as {
      kind: string;
      due_on: IsoDate;
      step: number;
      sent_on: IsoDate;
      recipients: number;
    }[];
  }

  async function notificationsOf(accountId: string, containing: string): Promise<string[]> {
    const { rows } = await testDatabase().query(
      `SELECT subject FROM notification WHERE recipient_id = $1 AND kind = 'REMINDER' AND subject LIKE $2 ORDER BY created_at`,
      [accountId, `%${containing}%`],
    );
    return rows.map((row: { subject: string }) => row.subject);
  }

  async function agreement(overrides: Record<string, unknown>) {
    const supplier = await createTestSupplier();
    const response = await ownerClient.post(
      '/api/agreements',
      agreementBody(supplier.id, { ownerId: owner.id, ...overrides }),
    );
    expect({
      status: response.status,
      body: response.status === 201 ? null : response.body,
    }).toEqual({ status: 201, body: null });
    return response.body as {
      id: string;
      agreementNumber: string;
      nextDeadline: { kind: string; date: IsoDate };
    };
  }

  it('a notice deadline reminds the owner on each lead day (120, 60, the internal 45, 30), not the day before', async () => {
    const created = await agreement({
      startsOn: addMonths(today, -12),
      signedOn: addMonths(today, -12),
      endsOn: addMonths(today, 9),
      renewsAutomatically: true,
      extensionOptions: 0,
      extensionMonths: 0,
      noticePeriodMonths: 3,
      internalLeadDays: 45,
    });
    const deadline = created.nextDeadline.date;
    expect(created.nextDeadline.kind).toBe('NOTICE');

    const stepsSeen: number[] = [];
    for (const lead of [120, 60, 45, 30]) {
      await scan(addDays(deadline, -lead - 1));
      expect((await remindersOf(created.id)).map((row) => row.step)).toEqual(stepsSeen);
      await scan(addDays(deadline, -lead));
      stepsSeen.push(lead);
      expect((await remindersOf(created.id)).map((row) => row.step)).toEqual(stepsSeen);
    }
    const subjects = await notificationsOf(owner.id, created.agreementNumber);
    expect(subjects).toHaveLength(4);
    expect(subjects[0]).toBe(
      `Avtal ${created.agreementNumber} (${await supplierOf(created.id)}): sista dag för uppsägning ${deadline}`,
    );
    // After the deadline, nothing more.
    await scan(addDays(deadline, 1));
    expect(await remindersOf(created.id)).toHaveLength(4);
  });

  async function supplierOf(agreementId: string): Promise<string> {
    const { rows } = await testDatabase().query(
      `SELECT s.name FROM agreement a JOIN supplier s ON s.id = a.supplier_id WHERE a.id = $1`,
      [agreementId],
    );
    return rows[0].name;
  }

  it('an agreement that ends by itself reminds of the extension decision, not of notice', async () => {
    const decisionBy = addMonths(today, 5);
    const created = await agreement({
      startsOn: addMonths(today, -12),
      signedOn: addMonths(today, -12),
      endsOn: addMonths(today, 8),
      renewsAutomatically: false,
      extensionOptions: 2,
      extensionMonths: 12,
      extensionOptionsUsed: 0,
      nextExtensionDecisionBy: decisionBy,
      internalLeadDays: 30,
    });
    await scan(addDays(decisionBy, -121));
    expect(await remindersOf(created.id)).toEqual([]);
    await scan(addDays(decisionBy, -120));
    expect(await remindersOf(created.id)).toEqual([
      expect.objectContaining({
        kind: 'EXTENSION_DECISION',
        due_on: decisionBy,
        step: 120,
        recipients: 1,
      }),
    ]);
  });

  it('an agreement expiring without a follow-up reminds at 90 and 30 days; one with a successor does not', async () => {
    const endsOn = addMonths(today, 6);
    const terms = {
      startsOn: addMonths(today, -12),
      signedOn: addMonths(today, -12),
      endsOn,
      renewsAutomatically: false,
      extensionOptions: 0,
      extensionMonths: 0,
      noticePeriodMonths: 0,
    };
    const alone = await agreement(terms);
    const followed = await agreement(terms);
    const supplier = await createTestSupplier();
    const successor = await ownerClient.post(
      '/api/agreements',
      agreementBody(supplier.id, {
        followsId: followed.id,
        startsOn: addDays(endsOn, 1),
        signedOn: today,
        endsOn: addMonths(endsOn, 24),
      }),
    );
    expect(successor.status).toBe(201);
    await scan(addDays(endsOn, -91));
    expect(await remindersOf(alone.id)).toEqual([]);
    await scan(addDays(endsOn, -90));
    await scan(addDays(endsOn, -30));
    expect((await remindersOf(alone.id)).map((row) => [row.kind, row.step])).toEqual([
      ['AGREEMENT_EXPIRING', 90],
      ['AGREEMENT_EXPIRING', 30],
    ]);
    expect(await remindersOf(followed.id)).toEqual([]);
  });

  it('a review to be redone reminds its reviewers at 60 and 30 days, and at once when a change makes it due', async () => {
    const supplier = await createTestSupplier();
    const service = await createTestService(supplier.id);
    const redoBy = addMonths(today, 4);
    const created = await cast.as.dataProtection.post(
      `/api/services/${service.id}/reviews`,
      passingReview('DATA_PROTECTION', {}, { redoBy }),
    );
    await scan(addDays(redoBy, -61));
    expect(await remindersOf(created.body.id)).toEqual([]);
    await scan(addDays(redoBy, -60));
    expect(await remindersOf(created.body.id)).toEqual([
      expect.objectContaining({ kind: 'REVIEW_DUE', step: 60 }),
    ]);
    expect(await notificationsOf(cast.accounts.dataProtection.id, service.name)).toEqual([
      `${service.name}: Dataskyddsgranskning (GDPR) ska göras om senast ${redoBy}`,
    ]);
    await cast.as.dataProtection.post(`/api/services/${service.id}/changes`, {
      kind: 'MIGRATION',
      description: 'Flytt till ny molntjänst.',
    });
    await scan(addDays(redoBy, -59));
    expect((await remindersOf(created.body.id)).map((row) => row.step)).toEqual([60, 0]);
  });

  it('a licence in force for personal data without a signed DPA reminds data protection and procurement once', async () => {
    const supplier = await createTestSupplier();
    const service = await createTestService(supplier.id);
    const created = await agreement({
      startsOn: addMonths(today, -2),
      signedOn: addMonths(today, -2),
      endsOn: addMonths(today, 30),
      dataProcessingAgreement: { signed: false, signedOn: null, subProcessors: [] },
    });
    const licence = await ownerClient.post('/api/licences', {
      agreementId: created.id,
      serviceId: service.id,
      scope: 'UNITS',
      unitIds: [cast.unit.id],
      startsOn: addMonths(today, -1),
      endsOn: addMonths(today, 12),
    });
    expect(licence.status).toBe(201);
    // The day before the licence starts, it is not in force yet.
    await scan(addDays(addMonths(today, -1), -1));
    expect(await remindersOf(licence.body.id)).toEqual([]);
    await scan(today);
    await scan(addDays(today, 1));
    const [reminder, ...more] = await remindersOf(licence.body.id);
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({ kind: 'LICENCE_WITHOUT_DPA', step: 0 });
    expect(await notificationsOf(cast.accounts.dataProtection.id, service.name)).toHaveLength(1);
    expect(await notificationsOf(cast.accounts.procurement.id, service.name)).toHaveLength(1);
  });

  it('a request waiting 14 days in one state reminds the specialists, or the school when it is asked', async () => {
    const waiting = await requestInState(cast, 'IN_TRIAGE');
    const asked = await requestInState(cast, 'NEEDS_INFO');
    const since = addDays(today, -20);
    for (const [id, state] of [
      [waiting, 'IN_TRIAGE'],
      [asked, 'NEEDS_INFO'],
    ]) {
      await testDatabase().query(
        `INSERT INTO event (occurred_at, subject_type, subject_id, kind, from_state, to_state, changes)
         VALUES ($2::date + time '10:00', 'request', $1, 'X', 'SUBMITTED', $3, '{}')`,
        [id, since, state],
      );
    }
    await scan(addDays(since, 13));
    expect(await remindersOf(waiting)).toEqual([]);
    await scan(addDays(since, 14));
    expect(await remindersOf(waiting)).toEqual([
      expect.objectContaining({ kind: 'REQUEST_WAITING', due_on: since, step: 14 }),
    ]);
    const { rows } = await testDatabase().query(
      `SELECT recipient_id FROM notification WHERE request_id = $1 AND kind = 'REMINDER'`,
      [asked],
    );
    expect(rows).toEqual([{ recipient_id: cast.accounts.requester.id }]);
  });

  it('leaves a queued request alone however long it waits, until it is taken up again', async () => {
    // QUEUED waits for the specialists' joint assessment by design (REQUEST_WAITING_STATES).
    expect(REQUEST_WAITING_STATES).not.toContain('QUEUED');
    const queued = await requestInState(cast, 'QUEUED');
    const since = addDays(today, -40);
    await testDatabase().query(
      `INSERT INTO event (occurred_at, subject_type, subject_id, kind, from_state, to_state, changes)
       VALUES ($2::date + time '10:00', 'request', $1, 'QUEUE', 'IN_TRIAGE', 'QUEUED', '{}')`,
      [queued, since],
    );
    await scan(today);
    expect(await remindersOf(queued)).toEqual([]);
    // The same request and wait in a state that reminds: the scan does see it.
    await testDatabase().query(`UPDATE request SET state = 'IN_TRIAGE' WHERE id = $1`, [queued]);
    await scan(addDays(today, 1));
    expect(await remindersOf(queued)).toEqual([
      expect.objectContaining({ kind: 'REQUEST_WAITING', due_on: since, step: 14 }),
    ]);
  });

  it('is sent exactly once across a restart and two instances scanning at once', async () => {
    const created = await agreement({
      startsOn: addMonths(today, -12),
      signedOn: addMonths(today, -12),
      endsOn: addMonths(today, 7),
      renewsAutomatically: true,
      noticePeriodMonths: 3,
      internalLeadDays: 30,
      extensionOptions: 0,
      extensionMonths: 0,
    });
    const day = addDays(created.nextDeadline.date, -60);
    const results = await Promise.all([scan(day, 0), scan(day, 1), scan(day, 0), scan(day, 1)]);
    expect(results.some((result) => result.scanned)).toBe(true);
    const restarted = await createTestApp();
    try {
      await restarted.get(ReminderScanner).scan(day);
    } finally {
      await restarted.close();
    }
    expect(await remindersOf(created.id)).toEqual([expect.objectContaining({ step: 60 })]);
    expect(await notificationsOf(owner.id, created.agreementNumber)).toHaveLength(1);
  });
});
