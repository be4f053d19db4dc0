import type { EntityManager } from 'typeorm';

import {
  type IsoDate,
  type RequestState,
  addDays,
  addMonths,
  luhnCheckDigit,
  stateAfter,
} from '@licensregistret/domain';

import { DEMO_REQUESTS, DEMO_REVIEWS, type DemoRequest } from './demo-requests';

/**
 * Seeds the demo's requests with their history and the reviews of demo services, so the queue,
 * the demand view and a school's list have something to show. Written straight in SQL with the
 * same events the API writes, dated back from today.
 */
export async function seedDemoRequests(manager: EntityManager, today: IsoDate): Promise<void> {
  const ids = async (table: 'account' | 'school_unit' | 'digital_service', column: string) => {
    const rows = (await manager.query(`SELECT id, ${column} AS key FROM ${table}`)) as {
      id: string;
      key: string;
    }[];
    return new Map(rows.map((row) => [row.key, row.id]));
  };
  const accounts = await ids('account', 'username');
  const units = await ids('school_unit', 'name');
  const services = await ids('digital_service', 'name');
  const needed = DEMO_REQUESTS.flatMap((demo) => [
    demo.requester,
    ...demo.moves.map((step) => step.by),
  ]);
  if (
    !needed.every((username) => accounts.has(username)) ||
    !DEMO_REQUESTS.every((demo) => units.has(demo.unit))
  ) {
    return; // Not the demo organisation: nothing to attach the demo's requests to.
  }
  const at = (daysAgo: number) => `${addDays(today, -daysAgo)}T09:00:00+01:00`;

  for (const demo of DEMO_REQUESTS) {
    let serviceId = demo.service ? (services.get(demo.service) ?? null) : null;
    if (demo.createdService && demo.newTool) {
      const decidedOn = addDays(today, -(demo.daysAgo - demo.moves.length));
      serviceId = await createReviewedService(
        manager,
        demo,
        accounts.get('specialist') ?? null,
        decidedOn,
      );
      services.set(demo.newTool.name, serviceId);
    }
    const events: {
      kind: string;
      by: string | undefined;
      from: RequestState | null;
      to: RequestState;
      text?: string;
      daysAgo: number;
    }[] = [{ kind: 'CREATED', by: demo.requester, from: null, to: 'DRAFT', daysAgo: demo.daysAgo }];
    let state: RequestState = 'DRAFT';
    demo.moves.forEach((step, index) => {
      const to = stateAfter(step.move, {
        state,
        stateBeforeInfo: null,
        unitId: '',
        endorsed: false,
        proposedOutcome: null,
        decidedOutcome: null,
        annualCost: null,
      });
      events.push({
        kind: step.move,
        by: step.by,
        from: state,
        to,
        text: step.text,
        daysAgo: demo.daysAgo - index - 1,
      });
      state = to;
    });
    const submitted = events.find((event) => event.kind === 'SUBMIT');
    // Endorsed by the principal's ENDORSE, or by a principal's own submission.
    const endorsement =
      demo.moves.find((step) => step.move === 'ENDORSE') ??
      demo.moves.find((step) => step.move === 'SUBMIT');
    const decided = events.find((event) => event.kind === 'DECIDE');
    const [{ id }] = (await manager.query(
      `INSERT INTO request (unit_id, requester_id, service_id, new_tool_name, new_tool_supplier, new_tool_web_address,
         need, subjects, target_group, school_forms, pupil_count, staff_count, personal_data,
         personal_data_description, wanted_from, state, endorsed_by, endorsed_at, submitted_at,
         decision_outcome, decision_reasons, decision_text, decided_by, decided_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
               $20, $21, $22, $23, $24, $25, $25)
       RETURNING id`,
      [
        units.get(demo.unit),
        accounts.get(demo.requester),
        serviceId,
        demo.newTool?.name ?? null,
        demo.newTool?.supplierName ?? null,
        demo.newTool?.webAddress ?? null,
        demo.need,
        demo.subjects,
        demo.targetGroup,
        demo.schoolForms,
        demo.pupilCount,
        demo.staffCount,
        demo.personalData,
        demo.personalDataDescription,
        addMonths(today, 2),
        demo.state,
        endorsement ? accounts.get(endorsement.by) : null,
        endorsement ? at(demo.daysAgo - 1) : null,
        submitted ? at(submitted.daysAgo) : null,
        demo.decision?.outcome ?? null,
        demo.decision?.reasons ?? [],
        demo.decision?.text ?? null,
        decided ? accounts.get(decided.by ?? '') : null,
        decided ? at(decided.daysAgo) : null,
        at(demo.daysAgo),
      ],
    )) as { id: string }[];
    for (const event of events) {
      await manager.query(
        `INSERT INTO event (occurred_at, actor_id, subject_type, subject_id, kind, from_state, to_state, message, changes)
         VALUES ($1, $2, 'request', $3, $4, $5, $6, $7, '{}')`,
        [
          at(event.daysAgo),
          accounts.get(event.by ?? ''),
          id,
          event.kind,
          event.from,
          event.to,
          event.text ?? null,
        ],
      );
    }
  }

  for (const { service, by, review } of DEMO_REVIEWS) {
    await manager.query(
      `INSERT INTO service_review (service_id, kind, outcome, conditions, notes, findings, reviewer_id, reviewed_on, redo_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        services.get(service),
        review.kind,
        review.outcome,
        review.conditions ?? '',
        review.notes ?? '',
        JSON.stringify(review.findings),
        accounts.get(by),
        addDays(today, -20),
        addMonths(today, 12),
      ],
    );
  }
  // The approved catalogue was decided before the registry existed; date it at its agreements.
  await manager.query(
    `UPDATE digital_service d SET status_decided_on = coalesce(
        (SELECT min(a.signed_on) FROM licence l JOIN agreement a ON a.id = l.agreement_id WHERE l.service_id = d.id),
        $1::date)
      WHERE d.status_decided_on IS NULL AND d.catalogue_status <> 'UNDER_REVIEW'`,
    [addDays(today, -365)],
  );
}

async function createReviewedService(
  manager: EntityManager,
  demo: DemoRequest,
  actorId: string | null,
  decidedOn: IsoDate,
): Promise<string> {
  const tool = demo.newTool as NonNullable<DemoRequest['newTool']>;
  const created = demo.createdService as NonNullable<DemoRequest['createdService']>;
  const nine = created.supplierOrganisationNumber;
  const [supplier] = (await manager.query(
    `INSERT INTO supplier (name, organisation_number, web_address) VALUES ($1, $2, $3) RETURNING id`,
    [
      tool.supplierName,
      `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`,
      tool.webAddress,
    ],
  )) as { id: string }[];
  const rejected = demo.decision?.outcome === 'REJECTED';
  const [service] = (await manager.query(
    `INSERT INTO digital_service (name, supplier_id, category, description, school_forms, web_address,
       sign_in_method, personal_data, data_location, catalogue_status, status_decided_on)
     VALUES ($1, $2, $3, $4, $5, $6, 'OWN_ACCOUNTS', $7, 'OUTSIDE_EU_EEA', $8, $9) RETURNING id`,
    [
      tool.name,
      supplier.id,
      created.category,
      // The catalogue's description is the specialist's to write, not the school's need.
      '',
      demo.schoolForms,
      tool.webAddress,
      demo.personalData,
      rejected ? 'REJECTED' : 'UNDER_REVIEW',
      rejected ? decidedOn : null,
    ],
  )) as { id: string }[];
  await manager.query(
    `INSERT INTO event (actor_id, subject_type, subject_id, kind, changes) VALUES ($1, 'service', $2, 'created', '{}')`,
    [actorId, service.id],
  );
  return service.id;
}
