import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { IsoDate } from '@licensregistret/domain';

import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.provider';
import { ClockService } from '../common/clock.service';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { NotificationsService } from '../notifications/notifications.service';
import { dueReminders } from './reminder-candidates';

/**
 * Held, with the municipality's, for the transaction scanning it: one instance scans a
 * municipality at a time, the others skip it this round.
 */
const SCAN_LOCK_KEY = 7_466_111;

export interface ScanResult {
  /** False when another instance held the scan. */
  scanned: boolean;
  /** Reminders sent this round (each to one or more people). */
  sent: number;
}

/**
 * Finds what needs someone today and tells them, once: each reminder is a row keyed by kind,
 * record, deadline and step, inserted with its notifications in one transaction, so a restart or
 * a second instance never sends it again. Runs just after start-up and then every
 * REMINDER_SCAN_MINUTES, for each municipality in turn.
 */
@Injectable()
export class ReminderScanner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderScanner.name);
  private timer: NodeJS.Timeout | null = null;
  private firstRound: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly municipalities: MunicipalitiesService,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.config.reminders.scanMinutes;
    if (minutes === 0) return;
    const run = () => {
      this.running ??= this.scan(this.clock.today())
        .then(({ sent }) => sent > 0 && this.logger.log({ sent }, 'reminders sent'))
        .catch((error: unknown) => this.logger.error({ err: error }, 'reminder scan failed'))
        .finally(() => (this.running = null));
    };
    // The first round shortly after start-up, once the demo seed (also run at bootstrap) is in.
    this.firstRound = setTimeout(run, 10_000);
    this.firstRound.unref();
    this.timer = setInterval(run, minutes * 60_000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.firstRound) clearTimeout(this.firstRound);
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Scans every municipality, each in a transaction and a scope of its own. */
  async scan(today: IsoDate): Promise<ScanResult> {
    const results = await this.municipalities.forEach((id) => this.scanMunicipality(id, today));
    return {
      scanned: results.every((result) => result.scanned),
      sent: results.reduce((sum, result) => sum + result.sent, 0),
    };
  }

  private scanMunicipality(municipalityId: string, today: IsoDate): Promise<ScanResult> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = (await manager.query(
        `SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked`,
        [SCAN_LOCK_KEY, municipalityId],
      )) as { locked: boolean }[];
      if (!locked) return { scanned: false, sent: 0 };
      let sent = 0;
      for (const candidate of await dueReminders(manager, today, this.config.reminders)) {
        const inserted = (await manager.query(
          `INSERT INTO reminder (kind, subject_id, due_on, step, sent_on, recipients)
           VALUES ($1, $2, $3, $4, $5, 0)
           ON CONFLICT (kind, subject_id, due_on, step) DO NOTHING
           RETURNING id`,
          [candidate.kind, candidate.subjectId, candidate.dueOn, candidate.step, today],
        )) as { id: string }[];
        if (inserted.length === 0) continue;
        let recipients = 0;
        for (const group of candidate.recipients) {
          recipients += await this.notifications.notify(manager, group, {
            kind: 'REMINDER',
            subject: candidate.subject,
            body: candidate.body,
            requestId: candidate.requestId ?? null,
          });
        }
        await manager.query(`UPDATE reminder SET recipients = $2 WHERE id = $1`, [
          inserted[0].id,
          recipients,
        ]);
        sent += 1;
      }
      return { scanned: true, sent };
    });
  }
}
