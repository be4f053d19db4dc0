import type { EntityManager } from 'typeorm';

import {
  type IsoDate,
  REQUEST_WAITING_STATES,
  REVIEW_KIND_LABELS,
  REVIEW_ROLE,
  type ReminderKind,
  type ReminderSettings,
  type ReviewKind,
  addDays,
  dueStep,
  withInternalLead,
} from '@licensregistret/domain';

import type { Recipients } from '../notifications/notifications.service';

/** One reminder that is due today: what, about which record, for which deadline and step. */
export interface Candidate {
  kind: ReminderKind;
  subjectId: string;
  dueOn: IsoDate;
  step: number;
  recipients: Recipients[];
  subject: string;
  body: string;
  requestId?: string;
}

const PROCUREMENT: Recipients = { role: 'PROCUREMENT' };

/** An agreement's owner, or procurement when it has none. */
const responsibleFor = (ownerId: string | null): Recipients[] =>
  ownerId ? [{ accountIds: [ownerId] }] : [PROCUREMENT];

const inDays = (from: IsoDate, to: IsoDate) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Notice and extension deadlines whose lead time has come. */
async function agreementDeadlines(
  manager: EntityManager,
  today: IsoDate,
  settings: ReminderSettings,
): Promise<Candidate[]> {
  const rows = (await manager.query(
    `SELECT a.id, a.agreement_number, s.name AS supplier_name, a.next_deadline_kind, a.next_deadline,
            a.internal_lead_days, a.owner_id, a.renews_automatically
       FROM agreement a JOIN supplier s ON s.id = a.supplier_id
      WHERE a.signed_on IS NOT NULL AND a.terminated_on IS NULL
        AND a.next_deadline BETWEEN $1::date AND $1::date + 800`,
    [today],
  )) as {
    id: string;
    agreement_number: string;
    supplier_name: string;
    next_deadline_kind: 'NOTICE' | 'EXTENSION';
    next_deadline: IsoDate;
    internal_lead_days: number;
    owner_id: string | null;
    renews_automatically: boolean;
  }[];
  return rows.flatMap((row): Candidate[] => {
    const kind = row.next_deadline_kind === 'EXTENSION' ? 'EXTENSION_DECISION' : 'NOTICE_DEADLINE';
    // An agreement that ends by itself needs no notice: only an extension decision reminds.
    if (kind === 'NOTICE_DEADLINE' && !row.renews_automatically) return [];
    const step = dueStep(
      row.next_deadline,
      today,
      withInternalLead(settings.leadDays[kind], row.internal_lead_days),
    );
    if (step === null) return [];
    const what =
      kind === 'EXTENSION_DECISION' ? 'beslut om förlängning' : 'sista dag för uppsägning';
    return [
      {
        kind,
        subjectId: row.id,
        dueOn: row.next_deadline,
        step,
        recipients: responsibleFor(row.owner_id),
        subject: `Avtal ${row.agreement_number} (${row.supplier_name}): ${what} ${row.next_deadline}`,
        body:
          kind === 'EXTENSION_DECISION'
            ? `Beslut om att förlänga avtal ${row.agreement_number} med ${row.supplier_name} ska fattas senast ${row.next_deadline}, om ${inDays(today, row.next_deadline)} dagar.`
            : `Avtal ${row.agreement_number} med ${row.supplier_name} förnyas av sig självt om det inte sägs upp senast ${row.next_deadline}, om ${inDays(today, row.next_deadline)} dagar.`,
      },
    ];
  });
}

/** Agreements that end by themselves with nothing to follow them. */
async function expiringAgreements(
  manager: EntityManager,
  today: IsoDate,
  settings: ReminderSettings,
): Promise<Candidate[]> {
  const rows = (await manager.query(
    `SELECT a.id, a.agreement_number, s.name AS supplier_name, a.ends_on, a.owner_id
       FROM agreement a JOIN supplier s ON s.id = a.supplier_id
      WHERE a.signed_on IS NOT NULL AND a.terminated_on IS NULL AND NOT a.renews_automatically
        AND a.next_deadline_kind = 'NOTICE'
        AND a.ends_on BETWEEN $1::date AND $1::date + 800
        AND NOT EXISTS (SELECT 1 FROM agreement f WHERE f.follows_id = a.id)`,
    [today],
  )) as {
    id: string;
    agreement_number: string;
    supplier_name: string;
    ends_on: IsoDate;
    owner_id: string | null;
  }[];
  return rows.flatMap((row): Candidate[] => {
    const step = dueStep(row.ends_on, today, settings.leadDays.AGREEMENT_EXPIRING);
    if (step === null) return [];
    return [
      {
        kind: 'AGREEMENT_EXPIRING',
        subjectId: row.id,
        dueOn: row.ends_on,
        step,
        recipients: responsibleFor(row.owner_id),
        subject: `Avtal ${row.agreement_number} (${row.supplier_name}) löper ut ${row.ends_on}`,
        body: `Avtal ${row.agreement_number} med ${row.supplier_name} löper ut ${row.ends_on}, om ${inDays(today, row.ends_on)} dagar, och inget avtal tar vid efter det.`,
      },
    ];
  });
}

/** The current review of each kind of a service in use that must be redone soon, or is due again. */
async function reviewsDue(
  manager: EntityManager,
  today: IsoDate,
  settings: ReminderSettings,
): Promise<Candidate[]> {
  const rows = (await manager.query(
    `SELECT DISTINCT ON (r.service_id, r.kind) r.id, r.kind, r.redo_by, r.due_again_since,
            d.name AS service_name
       FROM service_review r JOIN digital_service d ON d.id = r.service_id
      WHERE d.catalogue_status IN ('APPROVED', 'APPROVED_WITH_CONDITIONS', 'UNDER_REVIEW')
      ORDER BY r.service_id, r.kind, r.created_at DESC`,
  )) as {
    id: string;
    kind: ReviewKind;
    redo_by: IsoDate;
    due_again_since: Date | null;
    service_name: string;
  }[];
  return rows.flatMap((row): Candidate[] => {
    const label = REVIEW_KIND_LABELS[row.kind];
    const recipients = [{ role: REVIEW_ROLE[row.kind] }];
    if (row.due_again_since !== null) {
      return [
        {
          kind: 'REVIEW_DUE',
          subjectId: row.id,
          dueOn: row.redo_by,
          step: 0,
          recipients,
          subject: `${row.service_name}: ${label} ska göras om efter en ändring`,
          body: `En ny version, migrering eller ett nytt underbiträde gör att ${label.toLowerCase()} av ${row.service_name} ska göras om.`,
        },
      ];
    }
    const step = dueStep(row.redo_by, today, settings.leadDays.REVIEW_DUE);
    if (step === null) return [];
    return [
      {
        kind: 'REVIEW_DUE',
        subjectId: row.id,
        dueOn: row.redo_by,
        step,
        recipients,
        subject: `${row.service_name}: ${label} ska göras om senast ${row.redo_by}`,
        body: `${label} av ${row.service_name} ska göras om senast ${row.redo_by}, om ${inDays(today, row.redo_by)} dagar.`,
      },
    ];
  });
}

/** Licences in force for a service with personal data, under an agreement without a signed DPA. */
async function licencesWithoutDpa(manager: EntityManager, today: IsoDate): Promise<Candidate[]> {
  const rows = (await manager.query(
    `SELECT l.id, l.starts_on, a.agreement_number, d.name AS service_name
       FROM licence l
       JOIN agreement a ON a.id = l.agreement_id
       JOIN digital_service d ON d.id = l.service_id
      WHERE l.starts_on <= $1::date AND l.ends_on >= $1::date
        AND a.signed_on IS NOT NULL AND a.terminated_on IS NULL
        AND NOT a.dpa_signed AND d.personal_data <> 'NONE'`,
    [today],
  )) as { id: string; starts_on: IsoDate; agreement_number: string; service_name: string }[];
  return rows.map((row) => ({
    kind: 'LICENCE_WITHOUT_DPA' as const,
    subjectId: row.id,
    dueOn: row.starts_on,
    step: 0,
    recipients: [{ role: 'DATA_PROTECTION' }, PROCUREMENT],
    subject: `${row.service_name} används utan undertecknat biträdesavtal`,
    body: `${row.service_name} behandlar personuppgifter och har en licens i kraft under avtal ${row.agreement_number}, men avtalet har inget undertecknat personuppgiftsbiträdesavtal.`,
  }));
}

/** Open requests (but queued ones: see REQUEST_WAITING_STATES) waiting in one state too long. */
async function requestsWaiting(
  manager: EntityManager,
  today: IsoDate,
  settings: ReminderSettings,
): Promise<Candidate[]> {
  const days = settings.requestWaitingDays;
  const rows = (await manager.query(
    `SELECT r.id, r.number, r.state, r.requester_id, coalesce(d.name, r.new_tool_name) AS tool_name,
            (SELECT max(e.occurred_at AT TIME ZONE 'Europe/Stockholm')::date FROM event e
              WHERE e.subject_type = 'request' AND e.subject_id = r.id
                AND e.to_state IS DISTINCT FROM e.from_state) AS since
       FROM request r LEFT JOIN digital_service d ON d.id = r.service_id
      WHERE r.state = ANY ($1::text[])`,
    [REQUEST_WAITING_STATES],
  )) as {
    id: string;
    number: number;
    state: string;
    requester_id: string;
    tool_name: string;
    since: IsoDate | null;
  }[];
  return rows.flatMap((row): Candidate[] => {
    if (row.since === null || addDays(row.since, days) > today) return [];
    const withSchool = row.state === 'NEEDS_INFO';
    return [
      {
        kind: 'REQUEST_WAITING',
        subjectId: row.id,
        dueOn: row.since,
        step: days,
        recipients: withSchool
          ? [{ accountIds: [row.requester_id] }]
          : [{ role: 'OBJECT_SPECIALIST' }],
        subject: `Begäran ${row.number} (${row.tool_name}) har väntat i ${days} dagar`,
        body: withSchool
          ? `Begäran ${row.number} väntar på att skolan svarar på en fråga sedan ${row.since}.`
          : `Begäran ${row.number} om ${row.tool_name} har legat i samma läge sedan ${row.since}.`,
        requestId: row.id,
      },
    ];
  });
}

/** Every reminder that is due today, of every kind. */
export async function dueReminders(
  manager: EntityManager,
  today: IsoDate,
  settings: ReminderSettings,
): Promise<Candidate[]> {
  return [
    ...(await agreementDeadlines(manager, today, settings)),
    ...(await expiringAgreements(manager, today, settings)),
    ...(await reviewsDue(manager, today, settings)),
    ...(await licencesWithoutDpa(manager, today)),
    ...(await requestsWaiting(manager, today, settings)),
  ];
}
