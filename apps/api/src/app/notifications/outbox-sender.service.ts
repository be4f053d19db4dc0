import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type Transporter, createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';

import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.provider';

/** After this many failed attempts a notification is left FAILED (shown in the UI still). */
export const MAX_EMAIL_ATTEMPTS = 8;
const BATCH_SIZE = 20;

interface OutboxRow {
  id: string;
  email_to: string;
  subject: string;
  body: string;
  email_attempts: number;
}

/**
 * Delivers the notification outbox by SMTP when `SMTP_URL` is set. Each batch is claimed with
 * `FOR UPDATE SKIP LOCKED` and marked in the same transaction, so two API instances never send
 * one notification both; a failure is retried later with a growing pause. The Message-ID is the
 * notification's id, so a receiver can drop the rare duplicate of a crash between send and commit.
 */
@Injectable()
export class OutboxSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxSender.name);
  private transporter: Transporter | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.mail) return;
    this.transporter = createTransport(this.config.mail.smtpUrl);
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
    return this.dataSource.transaction(async (manager) => {
      const due = (await manager.query(
        `SELECT id, email_to, subject, body, email_attempts FROM notification
          WHERE email_state = 'PENDING' AND email_next_attempt_at <= now()
          ORDER BY email_next_attempt_at, id
          LIMIT ${BATCH_SIZE}
          FOR UPDATE SKIP LOCKED`,
      )) as OutboxRow[];
      let sent = 0;
      let failed = 0;
      for (const row of due) {
        try {
          await transporter.sendMail({
            from: mail.from,
            to: row.email_to,
            subject: row.subject,
            text: row.body,
            messageId: `<${row.id}@licensregistret>`,
          });
          await manager.query(
            `UPDATE notification SET email_state = 'SENT', email_sent_at = now(),
                    email_attempts = email_attempts + 1, email_last_error = NULL WHERE id = $1`,
            [row.id],
          );
          sent += 1;
        } catch (error) {
          failed += 1;
          const attempts = row.email_attempts + 1;
          await manager.query(
            `UPDATE notification SET email_attempts = $2, email_last_error = $3,
                    email_state = CASE WHEN $2 >= ${MAX_EMAIL_ATTEMPTS} THEN 'FAILED' ELSE 'PENDING' END,
                    email_next_attempt_at = now() + make_interval(secs => $4)
              WHERE id = $1`,
            [
              row.id,
              attempts,
              String((error as Error).message).slice(0, 500),
              retryDelaySeconds(attempts),
            ],
          );
          this.logger.warn(
            { notificationId: row.id, attempts },
            'e-mail not delivered; will retry',
          );
        }
      }
      return { sent, failed };
    });
  }
}

/** 30 s, 1 min, 2 min ... at most an hour between attempts. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(30 * 2 ** (attempts - 1), 3600);
}
