import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import {
  HAND_OFFS,
  type HandOffEvent,
  type HandOffFacts,
  REVIEW_ROLE,
  type ReviewKind,
} from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { NotificationsService, type Recipients } from './notifications.service';

/** The request a hand-off concerns, as far as the recipients need it. */
export interface HandOffRequest {
  id: string;
  requesterId: string;
  unitId: string;
}

export interface HandOffContext {
  actor: Actor;
  facts: Omit<HandOffFacts, 'actorName'>;
  /** The request told of; absent for a service's change that concerns no request. */
  request?: HandOffRequest;
  /** The service whose review forms REVIEW_FORM links lead to. */
  serviceId?: string | null;
  /** REVIEWERS_MISSING_OR_DUE: the reviews that are missing or due. */
  reviewKinds?: readonly ReviewKind[];
}

/** A specialist's moves that put them in charge of a request. */
const SPECIALIST_MOVES = ['START_TRIAGE', 'START_REVIEW', 'ASK_FOR_INFO', 'PROPOSE_DECISION'];

/**
 * Writes a hand-off's notifications (libs/shared/domain hand-offs.ts) in the caller's
 * transaction, so they exist exactly when the move does. Returns how many people were told.
 */
@Injectable()
export class HandOffsService {
  constructor(private readonly notifications: NotificationsService) {}

  async tell(
    manager: EntityManager,
    event: HandOffEvent,
    context: HandOffContext,
  ): Promise<number> {
    const handOff = HAND_OFFS[event];
    const base = { ...context.facts, actorName: context.actor.displayName };
    let told = 0;

    const recipients: Recipients = {};
    const accountIds: string[] = [];
    const units: string[] = [];
    for (const who of handOff.tell) {
      switch (who) {
        case 'REQUESTER':
          if (context.request) accountIds.push(context.request.requesterId);
          break;
        case 'UNIT_PRINCIPALS':
          if (context.request) units.push(context.request.unitId);
          break;
        case 'SPECIALISTS':
          recipients.role = 'OBJECT_SPECIALIST';
          break;
        case 'OBJECT_MANAGERS':
          recipients.role = 'OBJECT_MANAGER';
          break;
        case 'SPECIALIST_IN_CHARGE': {
          const inCharge = context.request
            ? await this.specialistInCharge(manager, context.request.id)
            : null;
          if (inCharge) accountIds.push(inCharge);
          else recipients.role = 'OBJECT_SPECIALIST';
          break;
        }
        case 'JOINED_UNITS':
          // The person who joined for each unit, and the unit's principals.
          for (const joined of context.request
            ? await this.joinedUnits(manager, context.request.id)
            : []) {
            accountIds.push(joined.account_id);
            units.push(joined.unit_id);
          }
          break;
        case 'REVIEWERS_MISSING_OR_DUE':
          for (const kind of context.reviewKinds ?? []) {
            const facts = { ...base, reviewKind: kind };
            told += await this.notifications.notify(
              manager,
              { role: REVIEW_ROLE[kind] },
              {
                kind: handOff.kind,
                subject: handOff.subject(facts),
                body: handOff.body(facts),
                requestId: context.request?.id ?? null,
                serviceId: handOff.link === 'REVIEW_FORM' ? (context.serviceId ?? null) : null,
                reviewKind: handOff.link === 'REVIEW_FORM' && context.serviceId ? kind : null,
                exceptAccountId: context.actor.id,
              },
            );
          }
          break;
      }
    }
    if (accountIds.length > 0) recipients.accountIds = accountIds;
    if (units.length > 0) recipients.principalsOfUnits = units;
    // One statement for everyone else, so a person the event concerns twice is told once.
    if (recipients.accountIds || recipients.role || recipients.principalsOfUnits) {
      told += await this.notifications.notify(manager, recipients, {
        kind: handOff.kind,
        subject: handOff.subject(base),
        body: handOff.body(base),
        requestId: context.request?.id ?? null,
        exceptAccountId: context.actor.id,
      });
    }
    return told;
  }

  private async joinedUnits(
    manager: EntityManager,
    requestId: string,
  ): Promise<{ unit_id: string; account_id: string }[]> {
    return (await manager.query(
      `SELECT j.unit_id, j.account_id FROM request_join j WHERE j.request_id = $1`,
      [requestId],
    )) as { unit_id: string; account_id: string }[];
  }

  /** The active object specialist who last triaged, reviewed, questioned or proposed on it. */
  private async specialistInCharge(
    manager: EntityManager,
    requestId: string,
  ): Promise<string | null> {
    const [row] = (await manager.query(
      `SELECT e.actor_id FROM event e JOIN account a ON a.id = e.actor_id
        WHERE e.subject_type = 'request' AND e.subject_id = $1 AND e.kind = ANY ($2::text[])
          AND a.active AND 'OBJECT_SPECIALIST' = ANY (a.roles)
        ORDER BY e.id DESC LIMIT 1`,
      [requestId, SPECIALIST_MOVES],
    )) as { actor_id: string }[];
    return row?.actor_id ?? null;
  }
}
