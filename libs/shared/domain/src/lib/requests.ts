import type {
  CatalogueStatus,
  DigitalService,
  PersonalDataKind,
  ServiceCategory,
  UnitLicensed,
} from './catalogue';
import type { DecisionReason } from './decision-reasons';
import type { RequestEventKind } from './event-kinds';
import type { IsoDate } from './iso-date';
import type { ListQuery } from './list-query';
import type { DecisionOutcome, RequestMove, RequestState } from './request-routine';
import type { ApprovalBlocker, CurrentReviews } from './reviews';
import type { SchoolForm } from './school-forms';

/** The tool a request asks for when it is not in the catalogue. */
export interface NewToolProposal {
  name: string;
  supplierName: string;
  webAddress: string;
}

/** What a school writes: the need, the tool, and what personal data it would handle. */
export interface RequestContent {
  unitId: string;
  /** A catalogue service; or null with `newTool` set. */
  serviceId: string | null;
  newTool: NewToolProposal | null;
  need: string;
  subjects: string[];
  targetGroup: string;
  schoolForms: SchoolForm[];
  pupilCount: number;
  staffCount: number;
  personalData: PersonalDataKind;
  personalDataDescription: string;
  wantedFrom: IsoDate | null;
}

/** What a school writes besides the content when it asks again for a rejected tool. */
export interface AskingAgain {
  /** What has changed since the rejection: needed when the tool is rejected in the catalogue. */
  whatChanged?: string | null;
}

export type CreateRequestRequest = RequestContent & AskingAgain;
export type UpdateRequestRequest = Partial<RequestContent> & AskingAgain & { version: number };

/** Asking again for a tool whose catalogue status is this needs a "what has changed" text. */
export function needsWhatChanged(catalogueStatus: CatalogueStatus | null | undefined): boolean {
  return catalogueStatus === 'REJECTED';
}

/** A unit joining another unit's open request for the same tool, with its own pupils and need. */
export interface JoinRequestRequest {
  unitId: string;
  pupilCount: number;
  need: string;
}

/** A unit that joined a request's demand. */
export interface JoinedUnit {
  unitId: string;
  unitName: string;
  pupilCount: number;
  need: string;
  joinedByName: string;
  joinedAt: string;
}

export interface RequestDecision {
  outcome: DecisionOutcome;
  reasons: DecisionReason[];
  /** The explanation the school reads. */
  text: string;
  conditions: string;
  /** The conditions as written for the public list. */
  publicConditions: string;
  decidedByName: string;
  decidedAt: string;
}

/** The principal's decline: why, by whom, when; shown until the request is endorsed. */
export interface RequestDecline {
  text: string;
  declinedByName: string;
  declinedAt: string;
}

export interface RequestProposal {
  outcome: DecisionOutcome;
  reasons: DecisionReason[];
  text: string;
  conditions: string;
  publicConditions?: string;
  proposedByName: string;
  proposedAt: string;
}

/** A request as a grid row. */
export interface RequestSummary {
  id: string;
  /** A short running number people can say on the phone: "begäran 123". */
  number: number;
  state: RequestState;
  unitId: string;
  unitName: string;
  requesterName: string;
  serviceId: string | null;
  /** The catalogue service's name, or the proposed new tool's. */
  toolName: string;
  schoolForms: SchoolForm[];
  pupilCount: number;
  createdAt: string;
  submittedAt: string | null;
  /** Whole days since submission (null for drafts). */
  ageDays: number | null;
  /** Open requests (submitted, not closed) for the same tool, this one included. */
  demandCount: number;
  decisionOutcome: DecisionOutcome | null;
  decisionReasons: DecisionReason[];
  version: number;
}

/** A licence as a request names it: under which agreement, for which period. */
export interface RequestLicence {
  licenceId: string;
  agreementId: string;
  agreementNumber: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

/** A request in full, with what the caller may do next. */
export interface RequestDetail extends RequestSummary, RequestContent {
  requesterId: string;
  endorsedByName: string | null;
  endorsedAt: string | null;
  /** The principal's latest decline, until the request is endorsed or submitted again. */
  decline: RequestDecline | null;
  stateBeforeInfo: RequestState | null;
  /** The open question while the state is NEEDS_INFO. */
  openQuestion: string | null;
  service: DigitalService | null;
  /** The licence named when the request was already covered. */
  coveredBy: { licenceId: string; agreementNumber: string; endsOn: IsoDate; text: string } | null;
  /** The licence that implemented the request ("Licensiera"), when one was named. */
  implementedBy: RequestLicence | null;
  proposal: RequestProposal | null;
  decision: RequestDecision | null;
  /** Whether the decision must be made by an object manager (cost above the threshold). */
  needsManagerConfirmation: boolean;
  /** The service's current reviews (reused from earlier requests while valid). */
  reviews: CurrentReviews | null;
  /** What stops an approval today (empty when nothing does). */
  approvalBlockers: ApprovalBlocker[];
  /** Asking again for a rejected tool: what the school says has changed since. */
  whatChanged: string | null;
  /** Other units that joined this request's demand, each with its own pupils and need. */
  joinedUnits: JoinedUnit[];
  /** The moves the caller may make now: the UI shows exactly these. */
  availableMoves: RequestMove[];
  /** Whether the caller may edit the content now. */
  editable: boolean;
}

export interface RequestListQuery extends ListQuery {
  /** One or more states, comma-separated in the query string. */
  state?: string;
  unitId?: string;
  serviceId?: string;
  /** Submitted at least this many days ago. */
  minAgeDays?: number;
  /** At least this many open requests for the same tool. */
  minDemand?: number;
  /** Only the caller's own units' requests (the school's "my unit's requests"). */
  mine?: boolean;
}

/** The sort keys of the request list. */
export const REQUEST_SORTS = [
  'number',
  'submittedAt',
  'createdAt',
  'state',
  'unitName',
  'toolName',
  'demandCount',
] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];

/** A move as the client sends it: the version it saw, and what the move carries. */
export interface MoveRequest {
  move: RequestMove;
  version: number;
  text?: string;
  outcome?: DecisionOutcome;
  reasons?: DecisionReason[];
  conditions?: string;
  /** MARK_COVERED: the licence that already serves the unit. */
  licenceId?: string;
  /** START_REVIEW of a new tool: link an existing catalogue service instead of creating one. */
  serviceId?: string;
  /** START_REVIEW of a new tool: its supplier, an existing one ... */
  supplierId?: string;
  /** ... or a new one by organisation number (named as the request names it). */
  supplierOrganisationNumber?: string;
  /** START_REVIEW of a new tool: the category of the service created under review. */
  category?: ServiceCategory;
  /**
   * START_REVIEW of a new tool, or an approval: the catalogue's description of the service, as
   * the specialist writes it (never the school's need text).
   */
  description?: string;
  /** An approval with conditions (proposed or made): the conditions as the public list shows them. */
  publicConditions?: string;
  /** CORRECT_DECISION, REOPEN_DECISION: why the decision is changed (logged in the history). */
  correctionReason?: string;
}

/**
 * The members of a refused move's problem document: always the request's current state and
 * version; for an approval the gates stop, the blockers (problem type `conflict`). A stale
 * version is type `stale-version`.
 */
export interface MoveConflict {
  currentState: RequestState;
  currentVersion: number;
  blockers?: ApprovalBlocker[];
}

export interface RequestEvent {
  id: string;
  occurredAt: string;
  actorName: string | null;
  /** A move (`SUBMIT`, `DECIDE`...), `CREATED`, `EDITED`, `COMMENT`, `REVIEW` or `SERVICE_CHANGED`. */
  kind: RequestEventKind;
  fromState: RequestState | null;
  toState: RequestState | null;
  text: string | null;
  /** The outcome a decision (DECIDE or CORRECT_DECISION) gave; null for every other event. */
  outcome: DecisionOutcome | null;
}

export interface CommentRequest {
  text: string;
}

/** Several units asking for the same tool: the specialist decides once for all of them. */
export interface DemandGroup {
  /** The catalogue service, or null for a proposed new tool (grouped by its name). */
  serviceId: string | null;
  toolName: string;
  requestCount: number;
  /** The units asking, those that joined another unit's request included. */
  unitCount: number;
  /** The requests' pupils and those of the units that joined them. */
  pupilCount: number;
  oldestSubmittedAt: string;
  requestIds: string[];
}

/** A request for a tool as the request form shows it to another unit (no one's need or names). */
export interface OpenToolRequest {
  id: string;
  number: number;
  unitId: string;
  unitName: string;
  state: RequestState;
  /** The request is one of the caller's own units' (a draft of theirs included). */
  ownUnit: boolean;
  /** One of the caller's units has joined it. */
  joinedByOwnUnit: boolean;
}

/** The latest rejection of a tool: when, why, and what the school read. */
export interface ToolRejection {
  decidedOn: IsoDate;
  reasons: DecisionReason[];
  text: string;
}

/**
 * What the request form's search finds: a catalogue service in any status (approved, under
 * review, rejected, retired) with what the caller's units have of it, its latest rejection and
 * its requests in the routine; or a tool not in the catalogue that open requests propose.
 */
export interface ToolMatch {
  /** The catalogue service, or null for a tool only proposed by requests. */
  serviceId: string | null;
  name: string;
  supplierName: string;
  category: ServiceCategory | null;
  /** Null for a tool not in the catalogue. */
  catalogueStatus: CatalogueStatus | null;
  decidedOn: IsoDate | null;
  /** The caller's units (or the one asked about) that have it through a licence in force. */
  licensedUnits: UnitLicensed[];
  /** Set when the catalogue says rejected. */
  rejection: ToolRejection | null;
  /** Open requests for it, and the caller's own drafts. */
  requests: OpenToolRequest[];
}

export interface ToolSearchQuery {
  q: string;
  /** The unit the request is for (the caller's own), for licences and its own requests. */
  unitId?: string;
}

export interface ToolSearchResult {
  rows: ToolMatch[];
  /** Matches in all; more than the rows when the search is broad. */
  total: number;
}
