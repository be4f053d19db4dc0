import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { EventKind, HistoryEntry } from '@licensregistret/domain';

export type SubjectType = 'supplier' | 'service' | 'agreement' | 'licence' | 'request';
export type Changes = Record<string, { old: unknown; new: unknown }>;

/** The fields whose values differ between two versions of a record, with old and new values. */
export function changedFields<T extends object>(
  before: T | null,
  after: T,
  fields: readonly (keyof T)[],
): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    const old = before ? before[field] : null;
    if (JSON.stringify(old) !== JSON.stringify(after[field])) {
      changes[field as string] = { old, new: after[field] };
    }
  }
  return changes;
}

/** An event to record. */
export interface EventRecord {
  /** Null for what nobody of this municipality did (a change another municipality reported). */
  actorId: string | null;
  subjectType: SubjectType;
  subjectId: string;
  /** One of the domain's EVENT_KINDS (see event-kinds.ts for why their naming is mixed). */
  kind: EventKind;
  changes: Changes;
  /** A move's states, and its text (a question, an answer, a decision's explanation). */
  fromState?: string | null;
  toState?: string | null;
  message?: string | null;
}

/** The INSERT of an event, its values placed by `param` (which returns a placeholder). */
export function insertEventSql(event: EventRecord, param: (value: unknown) => string): string {
  const values = [
    event.actorId,
    event.subjectType,
    event.subjectId,
    event.kind,
    JSON.stringify(event.changes),
    event.fromState ?? null,
    event.toState ?? null,
    event.message ?? null,
  ].map(param);
  return `INSERT INTO event (actor_id, subject_type, subject_id, kind, changes, from_state, to_state, message)
       VALUES (${values.join(', ')})`;
}

/**
 * Writes to and reads from the append-only `event` table. Writes take the caller's transaction
 * manager, so a change and its history are committed together or not at all.
 */
@Injectable()
export class EventLogService {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, event: EventRecord): Promise<void> {
    const parameters: unknown[] = [];
    await manager.query(
      insertEventSql(event, (value) => `$${parameters.push(value)}`),
      parameters,
    );
  }

  async history(subjectType: SubjectType, subjectId: string): Promise<HistoryEntry[]> {
    const rows: {
      id: string;
      occurred_at: Date;
      actor_name: string | null;
      kind: string;
      changes: HistoryEntry['changes'];
      message: string | null;
    }[] = await this.dataSource.query(
      `SELECT e.id::text, e.occurred_at, a.display_name AS actor_name, e.kind, e.changes, e.message
           FROM event e LEFT JOIN account a ON a.id = e.actor_id
          WHERE e.subject_type = $1 AND e.subject_id = $2
          ORDER BY e.id`,
      [subjectType, subjectId],
    );
    return rows.map((row) => ({
      id: row.id,
      occurredAt: row.occurred_at.toISOString(),
      actorName: row.actor_name,
      kind: row.kind,
      changes: row.changes,
      message: row.message,
    }));
  }
}
