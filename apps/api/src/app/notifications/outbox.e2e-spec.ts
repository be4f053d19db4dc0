import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { closeTestDatabase, testDatabase } from '../../test/factories';
import {
  type RoutineCast,
  createRoutineCast,
  move,
  newToolRequest,
  requestInState,
  reviewAll,
} from '../../test/request-fixtures';
import { type TestSmtpServer, startSmtpServer } from '../../test/smtp-server';
import { createTestApp } from '../../test/test-app';
import { OutboxSender } from './outbox-sender.service';

describe('the notification outbox and its SMTP sender', () => {
  let smtp: TestSmtpServer;
  let apps: NestFastifyApplication[];
  let cast: RoutineCast;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // No timer: the test delivers when it asks, so the rounds it counts are its own.
    const mail = {
      smtpUrl: smtp.url,
      from: 'Licensregistret <noreply@test.example>',
      pollSeconds: 0,
    };
    apps = await Promise.all([createTestApp({ mail }), createTestApp({ mail })]);
    cast = await createRoutineCast(apps[0]);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await smtp.close();
    await closeTestDatabase();
  });

  const sender = (index = 0) => apps[index].get(OutboxSender);

  /** Rounds of one sender until a round finds nothing due; what they sent and failed, summed. */
  async function drain(index = 0): Promise<{ sent: number; failed: number }> {
    const total = { sent: 0, failed: 0 };
    for (;;) {
      const { sent, failed } = await sender(index).deliverDue();
      if (sent === 0 && failed === 0) return total;
      total.sent += sent;
      total.failed += failed;
    }
  }

  async function deliverAll(): Promise<void> {
    await drain();
  }

  it('tells the requester and the principal of a decision, in the UI and by e-mail', async () => {
    await deliverAll();
    smtp.received.length = 0;
    const id = await requestInState(cast, 'IN_REVIEW');
    const { rows } = await testDatabase().query(`SELECT service_id FROM request WHERE id = $1`, [
      id,
    ]);
    await reviewAll(cast, rows[0].service_id);
    await move(cast.as.specialist, id, {
      move: 'DECIDE',
      outcome: 'APPROVED_WITH_CONDITIONS',
      conditions: 'Endast med kommunens inloggning.',
      text: 'Godkänd för hela enheten.',
    });

    for (const role of ['requester', 'principal'] as const) {
      const inbox = await cast.as[role].get('/api/notifications');
      expect(inbox.body.unread).toBeGreaterThanOrEqual(1);
      expect(inbox.body.rows[0]).toMatchObject({
        kind: 'REQUEST_DECIDED',
        requestId: id,
        subject: expect.stringContaining('Godkänd med villkor'),
        readAt: null,
      });
    }
    // The specialist was told of the reviews (the hand-offs), not of their own decision.
    const specialistInbox = await cast.as.specialist.get('/api/notifications');
    expect(
      specialistInbox.body.rows
        .filter((row: { kind: string }) => row.kind === 'REQUEST_DECIDED')
        .map((row: { requestId: string }) => row.requestId),
    ).not.toContain(id);

    await deliverAll();
    const decided = smtp.received.filter((mail) => mail.subject.includes('Godkänd med villkor'));
    expect(decided.map((mail) => mail.to).sort()).toEqual(
      [cast.accounts.requester.username, cast.accounts.principal.username]
        .map((username) => `${username}@test.example`)
        .sort(),
    );
    expect(decided[0].text).toContain('Endast med kommunens inloggning.');
    const { rows: states } = await testDatabase().query(
      `SELECT email_state, count(*)::int AS n FROM notification
        WHERE request_id = $1 AND kind = 'REQUEST_DECIDED' GROUP BY 1`,
      [id],
    );
    expect(states).toEqual([{ email_state: 'SENT', n: 2 }]);
  });

  it('tells the specialists of a new submission', async () => {
    const created = await cast.as.principal.post('/api/requests', newToolRequest(cast.unit.id));
    await move(cast.as.principal, created.body.id, { move: 'SUBMIT' });
    const inbox = await cast.as.specialist.get('/api/notifications?unread=true');
    expect(inbox.body.rows[0]).toMatchObject({
      kind: 'REQUEST_SUBMITTED',
      requestId: created.body.id,
    });
  });

  it('retries a refused message later and sends each notification exactly once, with two senders at once', async () => {
    await deliverAll();
    smtp.received.length = 0;
    const ids: string[] = [];
    for (let index = 0; index < 6; index += 1) {
      const created = await cast.as.principal.post('/api/requests', newToolRequest(cast.unit.id));
      await move(cast.as.principal, created.body.id, { move: 'SUBMIT' });
      ids.push(created.body.id);
    }
    const { rows: pending } = await testDatabase().query(
      `SELECT id FROM notification WHERE request_id = ANY ($1) AND email_state = 'PENDING'`,
      [ids],
    );
    expect(pending.length).toBeGreaterThanOrEqual(6);

    smtp.refuse(2);
    // However many batches the pending messages make, the two senders share them.
    const rounds = await Promise.all([drain(0), drain(1)]);
    expect(rounds.reduce((sum, round) => sum + round.sent + round.failed, 0)).toBe(pending.length);
    expect(rounds.reduce((sum, round) => sum + round.failed, 0)).toBe(2);
    const { rows: retrying } = await testDatabase().query(
      `SELECT email_attempts, email_last_error FROM notification
        WHERE request_id = ANY ($1) AND email_state = 'PENDING'`,
      [ids],
    );
    expect(retrying).toHaveLength(2);
    expect(retrying[0].email_attempts).toBe(1);
    expect(retrying[0].email_last_error).toMatch(/Try again later/);

    // Not before its time: the retry waits.
    expect(await sender(0).deliverDue()).toEqual({ sent: 0, failed: 0 });
    await testDatabase().query(
      `UPDATE notification SET email_next_attempt_at = now() WHERE request_id = ANY ($1) AND email_state = 'PENDING'`,
      [ids],
    );
    await Promise.all([drain(0), drain(1)]);

    const { rows: sent } = await testDatabase().query(
      `SELECT id FROM notification WHERE request_id = ANY ($1) AND email_state = 'SENT'`,
      [ids],
    );
    expect(sent).toHaveLength(pending.length);
    const messageIds = smtp.received.map((mail) => mail.messageId);
    expect(new Set(messageIds).size).toBe(messageIds.length);
    expect(messageIds.sort()).toEqual(
      sent.map((row: { id: string }) => `<${row.id}@licensregistret>`).sort(),
    );
  });

  it('marks one or all of a person’s own notifications read, and no one else’s', async () => {
    for (let index = 0; index < 2; index += 1) {
      const created = await cast.as.principal.post('/api/requests', newToolRequest(cast.unit.id));
      await move(cast.as.principal, created.body.id, { move: 'SUBMIT' });
    }
    const inbox = await cast.as.specialist.get('/api/notifications?unread=true');
    const [first] = inbox.body.rows;
    expect((await cast.as.requester.post(`/api/notifications/${first.id}/read`)).status).toBe(404);
    const read = await cast.as.specialist.post(`/api/notifications/${first.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const all = await cast.as.specialist.post('/api/notifications/read-all');
    expect(all.body.updated).toBe(inbox.body.unread - 1);
    expect((await cast.as.specialist.get('/api/notifications')).body.unread).toBe(0);
  });
});
