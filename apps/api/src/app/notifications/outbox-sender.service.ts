import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';

import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.provider';
import { MunicipalitiesService } from '../municipalities/municipalities.service';

/** After this many failed attempts a notification is left FAILED (shown in the UI still). */
export const MAX_EMAIL_ATTEMPTS = 8;
const BATCH_SIZE = 20;
/**
 * How long a claimed message stays the sender's before another may take it over. Renewed just
 * before each message is sent, so it only has to outlast one message, which the transport's
 * timeouts bound well below it.
 */
const LEASE_SECONDS = 300;
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

interface OutboxRow {
  id: string;
  email_to: string;
  subject: string;
  body: string;
  email_attempts: number;
}

/**
 * Delivers the notification outbox by SMTP when `SMTP_URL` is set. A round claims a batch with a
 * lease (`email_claim`, `email_claimed_until`) in one short statement, sends outside any
 * transaction, and marks each message after, so a slow SMTP server holds neither a pooled
 * connection nor a row lock. Two API instances never send one notification both: a message is
 * sent only while its claim is the round's and its lease unexpired. A failure is retried later
 * with a growing pause. The Message-ID is the notification's id, so a receiver can drop the rare
 * duplicate of a crash between sending and marking (the lease then runs out and another round
 * sends again).
 */
@Injectable()
export class OutboxSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxSender.name);
  private transporter: Transporter | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalitiesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.mail) return;
    // Loaded only where mail is configured, not at every start.
    const { createTransport } = await import('nodemailer');
    this.transporter = createTransport({ url: this.config.mail.smtpUrl, ...SMTP_TIMEOUTS });
    if (this.config.mail.pollSeconds === 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.deliverDue()
        .catch((error: unknown) => this.logger.error({ err: error }, 'outbox delivery failed'))
        .finally(() => (this.running = null));
    }, this.config.mail.pollSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.transporter?.close();
  }

  /** Sends what is due now; returns how many were sent and how many failed this round. */
  async deliverDue(): Promise<{ sent: number; failed: number }> {
    const transporter = this.transporter;
    const mail = this.config.mail;
    if (!transporter || !mail) return { sent: 0, failed: 0 };
    const rounds = await this.municipalities.forEach(() => this.deliverDueIn(transporter, mail));
    return {
      sent: rounds.reduce((sum, round) => sum + round.sent, 0),
      failed: rounds.reduce((sum, round) => sum + round.failed, 0),
    };
  }

  /** What is due of the current municipality's outbox. */
  private async deliverDueIn(
    transporter: Transporter,
    mail: NonNullable<AppConfig['mail']>,
  ): Promise<{ sent: number; failed: number }> {
    const claim = randomUUID();
    const due = await this.claimBatch(claim);
    let sent = 0;
    let failed = 0;
    for (const row of due) {
      // A message whose lease ran out while earlier ones were slow may be another round's now.
      if (!(await this.renewLease(row.id, claim))) continue;
      try {
        await transporter.sendMail({
          from: mail.from,
          to: row.email_to,
          subject: row.subject,
          text: row.body,
          messageId: `<${row.id}@licensregistret>`,
        });
      } catch (error) {
        failed += 1;
        await this.markFailed(row, claim, error);
        continue;
      }
      await this.markSent(row.id, claim);
      sent += 1;
    }
    return { sent, failed };
  }

  private async claimBatch(claim: string): Promise<OutboxRow[]> {
    // One statement, so one short transaction: the row locks end with it. TypeORM answers an
    // UPDATE with [rows, affected count].
    const [claimed] = (await this.dataSource.query(
      `UPDATE notification
          SET email_claim = $1, email_claimed_until = now() + make_interval(secs => $2)
        WHERE id IN (
          SELECT id FROM notification
           WHERE email_state = 'PENDING' AND email_next_attempt_at <= now()
             AND (email_claimed_until IS NULL OR email_claimed_until < now())
           ORDER BY email_next_attempt_at, id
           LIMIT ${BATCH_SIZE}
           FOR UPDATE SKIP LOCKED)
       RETURNING id, email_to, subject, body, email_attempts`,
      [claim, LEASE_SECONDS],
    )) as [OutboxRow[], number];
    return claimed;
  }

  private async renewLease(id: string, claim: string): Promise<boolean> {
    const [, renewed] = (await this.dataSource.query(
      `UPDATE notification SET email_claimed_until = now() + make_interval(secs => $3)
        WHERE id = $1 AND email_claim = $2 AND email_claimed_until > now()
          AND email_state = 'PENDING'`,
      [id, claim, LEASE_SECONDS],
    )) as [unknown[], number];
    return renewed === 1;
  }

  private async markSent(id: string, claim: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification SET email_state = 'SENT', email_sent_at = now(),
              email_attempts = email_attempts + 1, email_last_error = NULL,
              email_claim = NULL, email_claimed_until = NULL
        WHERE id = $1 AND email_claim = $2`,
      [id, claim],
    );
  }

  private async markFailed(row: OutboxRow, claim: string, error: unknown): Promise<void> {
    const attempts = row.email_attempts + 1;
    await this.dataSource.query(
      `UPDATE notification SET email_attempts = $3, email_last_error = $4,
              email_state = CASE WHEN $3 >= ${MAX_EMAIL_ATTEMPTS} THEN 'FAILED' ELSE 'PENDING' END,
              email_next_attempt_at = now() + make_interval(secs => $5),
              email_claim = NULL, email_claimed_until = NULL
        WHERE id = $1 AND email_claim = $2`,
      [
        row.id,
        claim,
        attempts,
        String((error as Error).message).slice(0, 500),
        retryDelaySeconds(attempts),
      ],
    );
    this.logger.warn({ notificationId: row.id, attempts }, 'e-mail not delivered; will retry');
  }
}

/** 30 s, 1 min, 2 min ... at most an hour between attempts. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(30 * 2 ** (attempts - 1), 3600);
}
