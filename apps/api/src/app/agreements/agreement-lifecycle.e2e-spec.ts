import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';

import {
  type Agreement,
  type HistoryEntry,
  type IsoDate,
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
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';
import { ReminderScanner } from '../reminders/reminder-scanner.service';

/**
 * Every lifecycle action from a state that allows it and from one that refuses it (409 naming
 * why), what it carries (400 naming the field), the stale version, and what follows at once:
 * status, licences, the history, the calendar feed and the reminders.
 */
describe('POST /api/agreements/:id/actions', () => {
  let app: NestFastifyApplication;
  let procurement: TestClient;
  let manager: TestClient;
  let managerAccount: Awaited<ReturnType<typeof createTestAccount>>;
  let supplierId: string;
  const today = todayInSweden();
  const reason = 'Beslut i nämnden';

  beforeAll(async () => {
    app = await createTestApp();
    procurement = await signedIn(app, await createTestAccount(['PROCUREMENT']));
    managerAccount = await createTestAccount(['OBJECT_MANAGER']);
    manager = await signedIn(app, managerAccount);
    supplierId = (await createTestSupplier()).id;
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  async function agreement(overrides: Record<string, unknown> = {}): Promise<Agreement> {
    const response = await procurement.post(
      '/api/agreements',
      agreementBody(supplierId, {
        signedOn: addMonths(today, -12),
        startsOn: addMonths(today, -12),
        ...overrides,
      }),
    );
    expect({
      status: response.status,
      body: response.status === 201 ? null : response.body,
    }).toEqual({ status: 201, body: null });
    return response.body as Agreement;
  }

  /** Renews by itself, notice due in 20 days: "Åtgärd krävs". */
  const renewing = (overrides: Record<string, unknown> = {}) =>
    agreement({
      endsOn: addMonths(addDays(today, 20), 3),
      noticePeriodMonths: 3,
      renewsAutomatically: true,
      extensionOptions: 0,
      extensionMonths: 0,
      ...overrides,
    });

  /** Two options of 12 months, the first decided within 30 days. */
  const withOptions = (overrides: Record<string, unknown> = {}) =>
    agreement({
      endsOn: addMonths(today, 6),
      nextExtensionDecisionBy: addDays(today, 30),
      ...overrides,
    });

  const act = (client: TestClient, target: Agreement, body: Record<string, unknown>) =>
    client.post(`/api/agreements/${target.id}/actions`, {
      version: target.version,
      reason,
      ...body,
    });

  async function history(id: string): Promise<HistoryEntry[]> {
    return (await procurement.get(`/api/agreements/${id}/history`)).body as HistoryEntry[];
  }

  async function licence(target: Agreement, startsOn: IsoDate, endsOn: IsoDate) {
    const service = await createTestService(supplierId);
    const response = await procurement.post('/api/licences', {
      agreementId: target.id,
      serviceId: service.id,
      scope: 'MUNICIPALITY',
      startsOn,
      endsOn,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; serviceName: string };
  }

  /** The agreement's row and history count, to see that a refusal wrote nothing. */
  async function footprint(id: string) {
    const { rows } = await testDatabase().query(
      `SELECT a.version, a.ends_on::text, a.terminated_on::text, a.extension_options_used,
              (SELECT count(*)::int FROM event e WHERE e.subject_id = a.id) AS events,
              (SELECT count(*)::int FROM agreement f WHERE f.follows_id = a.id) AS followers
         FROM agreement a WHERE a.id = $1`,
      [id],
    );
    return rows[0] as Record<string, unknown>;
  }

  async function expectRefused(
    client: TestClient,
    target: Agreement,
    body: Record<string, unknown>,
    status: number,
    expected: RegExp | string,
  ) {
    const before = await footprint(target.id);
    const response = await act(client, target, body);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (status === 400) {
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
        expected,
      ]);
    } else {
      expect(response.body.detail).toMatch(expected);
    }
    expect(await footprint(target.id)).toEqual(before);
    return response;
  }

  describe('GIVE_NOTICE', () => {
    it('terminates a renewing agreement on the notice date, with who, when, why and the case number', async () => {
      const target = await renewing();
      expect(target.status).toBe('ACTION_NEEDED');
      expect(target.availableActions).toEqual([
        'GIVE_NOTICE',
        'REGISTER_SUCCESSOR',
        'END_EARLY',
        'CORRECT',
      ]);
      const response = await act(procurement, target, {
        action: 'GIVE_NOTICE',
        date: today,
        caseNumber: ' Bou 2026/777 ',
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'TERMINATED',
        terminatedOn: today,
        endsOn: target.endsOn,
        version: target.version + 1,
        availableActions: ['REGISTER_SUCCESSOR', 'CORRECT'],
      });
      const entries = await history(target.id);
      expect(entries.at(-1)).toMatchObject({
        kind: 'GIVE_NOTICE',
        actorName: expect.stringMatching(/^Test procurement/),
        message: reason,
        changes: {
          terminatedOn: { old: null, new: today },
          noticeCaseNumber: { old: null, new: 'Bou 2026/777' },
        },
      });
      expect(Date.parse(entries.at(-1)?.occurredAt as string)).toBeGreaterThan(Date.now() - 60_000);

      await expectRefused(
        procurement,
        response.body,
        { action: 'GIVE_NOTICE', date: today, caseNumber: 'x' },
        409,
        /terminated on/,
      );
      await expectRefused(
        procurement,
        response.body,
        { action: 'END_EARLY', date: today },
        409,
        /terminated on/,
      );
    });

    it('is refused on an agreement that ends by itself, and once the last day has passed', async () => {
      await expectRefused(
        procurement,
        await withOptions(),
        { action: 'GIVE_NOTICE', date: today, caseNumber: 'x' },
        409,
        /does not renew by itself/,
      );
      const passed = await renewing({ endsOn: addMonths(addDays(today, -1), 3) });
      expect(passed.status).toBe('NOTICE_WINDOW_PASSED');
      expect(passed.availableActions).not.toContain('GIVE_NOTICE');
      await expectRefused(
        procurement,
        passed,
        { action: 'GIVE_NOTICE', date: addDays(today, -2), caseNumber: 'x' },
        409,
        `GIVE_NOTICE refused: the last day to give notice, ${addDays(today, -1)}, has passed`,
      );
    });

    it('names the missing or wrong field', async () => {
      const target = await renewing();
      await expectRefused(
        procurement,
        target,
        { action: 'GIVE_NOTICE', caseNumber: 'x' },
        400,
        'date',
      );
      await expectRefused(
        procurement,
        target,
        { action: 'GIVE_NOTICE', date: today },
        400,
        'caseNumber',
      );
      await expectRefused(
        procurement,
        target,
        { action: 'GIVE_NOTICE', date: addDays(today, 1), caseNumber: 'x' },
        400,
        'date',
      );
      await expectRefused(
        procurement,
        target,
        { action: 'GIVE_NOTICE', date: today, caseNumber: 'x', reason: '  ' },
        400,
        'reason',
      );
      await expectRefused(
        procurement,
        target,
        { action: 'GIVE_NOTICE', date: '2026-02-30', caseNumber: 'x' },
        400,
        'date',
      );
    });
  });

  describe('USE_EXTENSION and DECLINE_EXTENSION', () => {
    it('use an option: the end and the licences running to it move, the next decision is set, then cleared', async () => {
      const target = await withOptions();
      const runsToEnd = await licence(target, target.startsOn, target.endsOn);
      const endsBefore = await licence(target, target.startsOn, addDays(target.endsOn, -10));
      const first = await act(manager, target, { action: 'USE_EXTENSION' });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        endsOn: addMonths(target.endsOn, 12),
        extensionOptionsUsed: 1,
        extensionOptionsLeft: 1,
        nextExtensionDecisionBy: addMonths(addDays(today, 30), 12),
        nextDeadline: { kind: 'EXTENSION', date: addMonths(addDays(today, 30), 12) },
        status: 'ACTIVE',
      });
      const licences = await procurement.get(`/api/licences?agreementId=${target.id}`);
      const endOf = (id: string) =>
        licences.body.rows.find((row: { id: string }) => row.id === id).endsOn;
      expect([endOf(runsToEnd.id), endOf(endsBefore.id)]).toEqual([
        addMonths(target.endsOn, 12),
        addDays(target.endsOn, -10),
      ]);
      const licenceHistory = await procurement.get(`/api/licences/${runsToEnd.id}/history`);
      expect(licenceHistory.body.at(-1)).toMatchObject({
        kind: 'updated',
        message: reason,
        changes: { endsOn: { old: target.endsOn, new: addMonths(target.endsOn, 12) } },
      });
      expect((await history(target.id)).at(-1)).toMatchObject({
        kind: 'USE_EXTENSION',
        message: reason,
        changes: {
          endsOn: { old: target.endsOn, new: addMonths(target.endsOn, 12) },
          extensionOptionsUsed: { old: 0, new: 1 },
        },
      });

      const chosenDate = addDays(today, 60);
      const second = await act(manager, first.body, {
        action: 'USE_EXTENSION',
        nextExtensionDecisionBy: chosenDate,
      });
      expect(second.status).toBe(400);
      expect(second.body.errors[0].field).toBe('nextExtensionDecisionBy');
      const last = await act(manager, first.body, { action: 'USE_EXTENSION' });
      expect(last.body).toMatchObject({
        endsOn: addMonths(target.endsOn, 24),
        extensionOptionsUsed: 2,
        nextExtensionDecisionBy: null,
        nextDeadline: { kind: 'NOTICE' },
      });
      expect(last.body.availableActions).not.toContain('USE_EXTENSION');
      await expectRefused(
        manager,
        last.body,
        { action: 'USE_EXTENSION' },
        409,
        /no extension option is left/,
      );
    });

    it('use an option with a chosen next decision date', async () => {
      const target = await withOptions();
      const chosen = addMonths(today, 9);
      const response = await act(procurement, target, {
        action: 'USE_EXTENSION',
        nextExtensionDecisionBy: chosen,
      });
      expect(response.body).toMatchObject({ nextExtensionDecisionBy: chosen });
    });

    it('decline an option: the options left lapse and the agreement ends at its end', async () => {
      const target = await withOptions({ endsOn: addMonths(today, 2) });
      expect(target.status).toBe('ACTION_NEEDED');
      const response = await act(procurement, target, { action: 'DECLINE_EXTENSION' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        endsOn: target.endsOn,
        extensionOptions: 0,
        extensionOptionsLeft: 0,
        nextExtensionDecisionBy: null,
        status: 'EXPIRING',
      });
      expect((await history(target.id)).at(-1)).toMatchObject({
        kind: 'DECLINE_EXTENSION',
        message: reason,
        changes: {
          extensionOptions: { old: 2, new: 0 },
          nextExtensionDecisionBy: { old: addDays(today, 30), new: null },
        },
      });
      await expectRefused(
        procurement,
        response.body,
        { action: 'DECLINE_EXTENSION' },
        409,
        /no extension option is left/,
      );
    });

    it('are refused once the decision date has passed, or with no decision date', async () => {
      const passed = await withOptions({ nextExtensionDecisionBy: addDays(today, -1) });
      for (const action of ['USE_EXTENSION', 'DECLINE_EXTENSION']) {
        await expectRefused(
          procurement,
          passed,
          { action },
          409,
          `${action} refused: the decision date of the extension, ${addDays(today, -1)}, has passed`,
        );
      }
      await expectRefused(
        procurement,
        await withOptions({ nextExtensionDecisionBy: null }),
        { action: 'USE_EXTENSION' },
        409,
        /no decision date/,
      );
    });
  });

  describe('REGISTER_SUCCESSOR', () => {
    it('links the following agreement both ways, so the ending one is no longer "expiring"', async () => {
      const ending = await agreement({
        endsOn: addDays(today, 40),
        extensionOptions: 0,
        extensionMonths: 0,
      });
      expect(ending.status).toBe('EXPIRING');
      const next = await agreement({
        startsOn: addDays(today, 41),
        signedOn: today,
        endsOn: addMonths(today, 30),
      });
      const response = await act(procurement, ending, {
        action: 'REGISTER_SUCCESSOR',
        successorId: next.id,
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        followedById: next.id,
        status: 'ACTIVE',
        version: ending.version + 1,
      });
      expect(response.body.availableActions).not.toContain('REGISTER_SUCCESSOR');
      const successor = await procurement.get(`/api/agreements/${next.id}`);
      expect(successor.body).toMatchObject({ followsId: ending.id, version: next.version + 1 });
      expect((await history(ending.id)).at(-1)).toMatchObject({
        kind: 'REGISTER_SUCCESSOR',
        message: reason,
        changes: { followedById: { old: null, new: next.id } },
      });
      expect((await history(next.id)).at(-1)).toMatchObject({
        kind: 'REGISTER_SUCCESSOR',
        changes: { followsId: { old: null, new: ending.id } },
      });

      await expectRefused(
        procurement,
        response.body,
        { action: 'REGISTER_SUCCESSOR', successorId: (await agreement()).id },
        409,
        /already registered/,
      );
    });

    it('also after notice, for the re-procurement that replaces it', async () => {
      const target = await renewing({ terminatedOn: addDays(today, -3) });
      expect(target.availableActions).toEqual(['REGISTER_SUCCESSOR', 'CORRECT']);
      const next = await agreement({ startsOn: today });
      const response = await act(procurement, target, {
        action: 'REGISTER_SUCCESSOR',
        successorId: next.id,
      });
      expect(response.status).toBe(200);
    });

    it('refuses one already following another, one earlier in the chain, itself, an unknown one', async () => {
      const first = await agreement();
      const second = await agreement();
      const linked = await act(procurement, first, {
        action: 'REGISTER_SUCCESSOR',
        successorId: second.id,
      });
      expect(linked.status).toBe(200);
      const third = await agreement();
      await expectRefused(
        procurement,
        third,
        { action: 'REGISTER_SUCCESSOR', successorId: second.id },
        409,
        /already follows another agreement/,
      );
      const secondNow = (await procurement.get(`/api/agreements/${second.id}`)).body as Agreement;
      await expectRefused(
        procurement,
        secondNow,
        { action: 'REGISTER_SUCCESSOR', successorId: first.id },
        409,
        /comes before this one in its chain/,
      );
      await expectRefused(
        procurement,
        third,
        { action: 'REGISTER_SUCCESSOR', successorId: third.id },
        400,
        'successorId',
      );
      await expectRefused(
        procurement,
        third,
        { action: 'REGISTER_SUCCESSOR', successorId: '00000000-0000-4000-8000-000000000000' },
        400,
        'successorId',
      );
      await expectRefused(procurement, third, { action: 'REGISTER_SUCCESSOR' }, 400, 'successorId');
      const earlier = await agreement({
        startsOn: addMonths(today, -13),
        signedOn: addMonths(today, -13),
      });
      await expectRefused(
        procurement,
        third,
        { action: 'REGISTER_SUCCESSOR', successorId: earlier.id },
        400,
        'successorId',
      );
    });
  });

  describe('END_EARLY', () => {
    it('ends on the date and cuts the licences running past it', async () => {
      const target = await agreement({ endsOn: addMonths(today, 18), noticePeriodMonths: 1 });
      const cut = await licence(target, target.startsOn, target.endsOn);
      const endDate = addDays(today, 10);
      const response = await act(procurement, target, { action: 'END_EARLY', date: endDate });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        endsOn: endDate,
        terminatedOn: endDate,
        status: 'TERMINATED',
        nextExtensionDecisionBy: null,
      });
      const licenceNow = await procurement.get(`/api/licences/${cut.id}`);
      expect(licenceNow.body.endsOn).toBe(endDate);
      expect((await history(target.id)).at(-1)).toMatchObject({
        kind: 'END_EARLY',
        message: reason,
        changes: {
          endsOn: { old: target.endsOn, new: endDate },
          terminatedOn: { old: null, new: endDate },
        },
      });
    });

    it('refuses a date outside the agreement, shorter than its notice period, or before a licence starts', async () => {
      const target = await agreement({ endsOn: addMonths(today, 18), noticePeriodMonths: 1 });
      await expectRefused(procurement, target, { action: 'END_EARLY' }, 400, 'date');
      await expectRefused(
        procurement,
        target,
        { action: 'END_EARLY', date: target.endsOn },
        400,
        'date',
      );
      await expectRefused(
        procurement,
        target,
        { action: 'END_EARLY', date: addDays(target.startsOn, -1) },
        400,
        'date',
      );
      await expectRefused(
        procurement,
        target,
        { action: 'END_EARLY', date: addDays(target.startsOn, 10) },
        400,
        'date',
      );
      const late = await licence(target, addMonths(today, 2), target.endsOn);
      const response = await expectRefused(
        procurement,
        target,
        { action: 'END_EARLY', date: addMonths(today, 1) },
        400,
        'date',
      );
      expect(response.body.errors[0].messages[0]).toContain(late.serviceName);
    });
  });

  describe('every action', () => {
    it('is refused on a stale version with the current agreement', async () => {
      const target = await renewing();
      const changed = await procurement.patch(`/api/agreements/${target.id}`, {
        version: target.version,
        annualCost: 1,
      });
      expect(changed.status).toBe(200);
      const response = await expectRefused(
        procurement,
        target,
        { action: 'GIVE_NOTICE', date: today, caseNumber: 'x' },
        409,
        /changed by someone else/,
      );
      expect(response.body.type).toMatch(/stale/i);
      expect(response.body.current).toMatchObject({ id: target.id, version: target.version + 1 });
    });

    it('on a draft only the correction is offered; every other action is refused naming why', async () => {
      const draft = await renewing({ signedOn: null });
      expect(draft.availableActions).toEqual(['CORRECT']);
      for (const action of [
        'GIVE_NOTICE',
        'USE_EXTENSION',
        'DECLINE_EXTENSION',
        'REGISTER_SUCCESSOR',
        'END_EARLY',
      ]) {
        await expectRefused(
          procurement,
          draft,
          { action, date: today, caseNumber: 'x' },
          409,
          /is a draft/,
        );
      }
    });

    it('is refused once the agreement has ended', async () => {
      const ended = await agreement({
        startsOn: addMonths(today, -24),
        signedOn: addMonths(today, -24),
        endsOn: addDays(today, -1),
        noticePeriodMonths: 1,
      });
      expect(ended.availableActions).toEqual(['REGISTER_SUCCESSOR', 'CORRECT']);
      await expectRefused(
        procurement,
        ended,
        { action: 'END_EARLY', date: addDays(today, -2) },
        409,
        /ended on/,
      );
    });

    it('is for procurement and the object manager only, and offered to no one else', async () => {
      const target = await renewing();
      for (const roles of [['OBJECT_SPECIALIST'], ['READ_ONLY'], ['ADMIN']] as const) {
        const client = await signedIn(app, await createTestAccount([...roles]));
        const read = await client.get(`/api/agreements/${target.id}`);
        expect(read.body.availableActions).toEqual([]);
        await expectRefused(
          client,
          target,
          { action: 'GIVE_NOTICE', date: today, caseNumber: 'x' },
          403,
          /./,
        );
      }
    });

    it('names a wrong action, CORRECT (the edit form) and unknown fields', async () => {
      const target = await renewing();
      for (const action of ['CORRECT', 'RENEW', undefined]) {
        await expectRefused(procurement, target, { action }, 400, 'action');
      }
      const extra = await act(procurement, target, {
        action: 'END_EARLY',
        date: today,
        endsOn: today,
      });
      expect(extra.status).toBe(400);
    });
  });

  describe('what follows at once', () => {
    it('notice takes the notice deadline out of the calendar feed and stops its reminders', async () => {
      const owned = await renewing({ ownerId: managerAccount.id });
      const feed = await manager.post('/api/calendar/feed');
      const read = async () =>
        (
          await request(app.getHttpServer())
            .get(feed.body.path)
            .buffer(true)
            .parse((response, callback) => {
              let text = '';
              response.setEncoding('utf8');
              response.on('data', (chunk: string) => (text += chunk));
              response.on('end', () => callback(null, text));
            })
        ).body as string;
      expect(await read()).toContain(`Sista dag för uppsägning: avtal ${owned.agreementNumber}`);

      const noticed = await act(manager, owned, {
        action: 'GIVE_NOTICE',
        date: today,
        caseNumber: 'Bou 2026/1',
      });
      expect(noticed.status).toBe(200);
      const after = await read();
      expect(after).not.toContain(`Sista dag för uppsägning: avtal ${owned.agreementNumber}`);
      expect(after).toContain(`Slutdatum (uppsagt): avtal ${owned.agreementNumber}`);

      await app.get(ReminderScanner).scan(today);
      const { rows } = await testDatabase().query(`SELECT 1 FROM reminder WHERE subject_id = $1`, [
        owned.id,
      ]);
      expect(rows).toEqual([]);
    });

    it('"Att göra" asks no longer once notice is given or a successor is registered', async () => {
      const waiting = async () =>
        (
          (await procurement.get('/api/todo?action=AGREEMENT_DEADLINE')).body as {
            rows: { agreementId: string }[];
          }
        ).rows.map((row) => row.agreementId);
      const noticed = await renewing();
      const ending = await agreement({ endsOn: addDays(today, 40), extensionOptions: 0 });
      const next = await agreement({ startsOn: addDays(today, 41), endsOn: addMonths(today, 30) });
      expect(await waiting()).toEqual(expect.arrayContaining([noticed.id, ending.id]));

      await act(procurement, noticed, { action: 'GIVE_NOTICE', date: today, caseNumber: 'x' });
      await act(procurement, ending, { action: 'REGISTER_SUCCESSOR', successorId: next.id });
      const after = await waiting();
      expect(after).not.toContain(noticed.id);
      expect(after).not.toContain(ending.id);
    });

    it('an extension reminds of the new decision date, not the old one', async () => {
      const owned = await withOptions({ ownerId: managerAccount.id, internalLeadDays: 30 });
      const extended = await act(manager, owned, { action: 'USE_EXTENSION' });
      expect(extended.status).toBe(200);
      const newDecision = extended.body.nextExtensionDecisionBy as IsoDate;
      await app.get(ReminderScanner).scan(addDays(newDecision, -30));
      const { rows } = await testDatabase().query(
        `SELECT kind, due_on::text FROM reminder WHERE subject_id = $1`,
        [owned.id],
      );
      expect(rows).toEqual([{ kind: 'EXTENSION_DECISION', due_on: newDecision }]);
    });
  });
});
