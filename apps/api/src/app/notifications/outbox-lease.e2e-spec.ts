import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { closeTestDatabase, testDatabase } from '../../test/factories';
import {
  type RoutineCast,
  createRoutineCast,
  move,
  newToolRequest,
} from '../../test/request-fixtures';
import { type TestSmtpServer, startSmtpServer } from '../../test/smtp-server';
import { createTestApp } from '../../test/test-app';
import { OutboxSender } from './outbox-sender.service';

/** An SMTP server that takes 5 s over every message, as a slow or overloaded relay does. */
const SMTP_DELAY_MS = 5000;

describe('the outbox sender against a slow SMTP server', () => {
  let smtp: TestSmtpServer;
  let app: NestFastifyApplication;
  let cast: RoutineCast;

  beforeAll(async () => {
    smtp = await startSmtpServer({ delayMs: SMTP_DELAY_MS });
    const mail = {
      smtpUrl: smtp.url,
      from: 'Licensregistret <noreply@test.example>',
      pollSeconds: 0,
    };
    app = await createTestApp({ mail });
    cast = await createRoutineCast(app);
  });

  afterAll(async () => {
    await app.close();
    await smtp.close();
    await closeTestDatabase();
  });

  const sender = () => app.get(OutboxSender);

  /** Submits a new request: the specialist is told, by e-mail too. */
  async function submitRequest(): Promise<string> {
    const created = await cast.as.principal.post('/api/requests', newToolRequest(cast.unit.id));
    await move(cast.as.principal, created.body.id, { move: 'SUBMIT' });
    return created.body.id;
  }

  async function pendingFor(requestId: string): Promise<{ id: string; recipient_id: string }[]> {
    const { rows } = await testDatabase().query(
      `SELECT id, recipient_id FROM notification WHERE request_id = $1 AND email_state = 'PENDING'`,
      [requestId],
    );
    return rows;
  }

  it('holds no transaction while it sends, so the API can change the rows being sent', async () => {
    const requestId = await submitRequest();
    const pending = await pendingFor(requestId);
    expect(pending.length).toBeGreaterThanOrEqual(1);
    const specialistsOwn = pending.find((row) => row.recipient_id === cast.accounts.specialist.id);
    expect(specialistsOwn).toBeDefined();

    const firstMessage = smtp.messageStarted();
    let deliveryDone = false;
    const delivery = sender()
      .deliverDue()
      .finally(() => (deliveryDone = true));
    await firstMessage;

    // While the SMTP server holds the first message: no open transaction on this database but
    // the query asking, and the specialist marks the very notification being sent read.
    const { rows: open } = await testDatabase().query(
      `SELECT state, query FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`,
    );
    expect(open).toEqual([]);
    const read = await cast.as.specialist.post(`/api/notifications/${specialistsOwn?.id}/read`);
    expect(read.status).toBe(200);
    expect(deliveryDone).toBe(false);

    expect(await delivery).toEqual({ sent: pending.length, failed: 0 });
    const { rows: after } = await testDatabase().query(
      `SELECT email_state, email_claim, email_claimed_until, read_at IS NOT NULL AS read
         FROM notification WHERE id = $1`,
      [specialistsOwn?.id],
    );
    expect(after).toEqual([
      { email_state: 'SENT', email_claim: null, email_claimed_until: null, read: true },
    ]);
  }, 60_000);

  it('leaves a message another round holds the lease of, and takes over one whose lease ran out', async () => {
    const [held] = await pendingFor(await submitRequest());
    const [expired] = await pendingFor(await submitRequest());
    // Another round claimed these: one is still sending, the other's sender crashed long ago.
    await testDatabase().query(
      `UPDATE notification SET email_claim = gen_random_uuid(),
              email_claimed_until = now() + CASE WHEN id = $1 THEN interval '5 minutes'
                                                 ELSE interval '-1 second' END
        WHERE id = ANY ($2)`,
      [held.id, [held.id, expired.id]],
    );
    smtp.received.length = 0;

    expect(await sender().deliverDue()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received.map((mail) => mail.messageId)).toContain(
      `<${expired.id}@licensregistret>`,
    );
    expect(smtp.received.map((mail) => mail.messageId)).not.toContain(
      `<${held.id}@licensregistret>`,
    );
    const { rows } = await testDatabase().query(
      `SELECT id, email_state FROM notification WHERE id = ANY ($1)`,
      [[held.id, expired.id]],
    );
    expect(Object.fromEntries(rows.map((row) => [row.id, row.email_state]))).toEqual({
      [held.id]: 'PENDING',
      [expired.id]: 'SENT',
    });
  }, 60_000);
});
