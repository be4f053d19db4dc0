import { ApiProperty } from '@nestjs/swagger';

import type {
  CatalogueStatus,
  DecisionOutcome,
  DecisionReason,
  DemandGroup,
  JoinedUnit,
  KeysetPage,
  OpenToolRequest,
  PersonalDataKind,
  RequestDecision,
  RequestDecline,
  RequestDetail,
  RequestEvent,
  RequestEventKind,
  RequestLicence,
  RequestMove,
  RequestProposal,
  RequestState,
  RequestSummary,
  SchoolForm,
  ServiceCategory,
  ToolMatch,
  ToolRejection,
  ToolSearchResult,
} from '@licensregistret/domain';

import { DigitalServiceDto, UnitLicensedDto } from '../../catalogue/dto/catalogue-responses.dto';
import { ApiDate, ApiDateTime, ApiUuid } from '../../openapi/formats';
import {
  APPROVAL_BLOCKERS_SCHEMA,
  type ApprovalBlockerDto,
  CurrentReviewsDto,
} from '../../reviews/dto/review-responses.dto';
import { NewToolDto } from './request.dto';

/** A request as a grid row. */
export class RequestSummaryDto implements RequestSummary {
  @ApiUuid()
  id!: string;
  /** A short running number people can say on the phone: "begäran 123". */
  number!: number;
  state!: RequestState;
  @ApiUuid()
  unitId!: string;
  unitName!: string;
  requesterName!: string;
  @ApiUuid()
  serviceId!: string | null;
  /** The catalogue service's name, or the proposed new tool's. */
  toolName!: string;
  schoolForms!: SchoolForm[];
  pupilCount!: number;
  @ApiDateTime()
  createdAt!: string;
  @ApiDateTime()
  submittedAt!: string | null;
  /** Whole days since submission (null for drafts). */
  ageDays!: number | null;
  /** Open requests (submitted, not closed) for the same tool, this one included. */
  demandCount!: number;
  decisionOutcome!: DecisionOutcome | null;
  decisionReasons!: DecisionReason[];
  /** Send it back with a move or an edit; a stale one gets 409. */
  version!: number;
}

export class RequestPageDto implements KeysetPage<RequestSummary> {
  rows!: RequestSummaryDto[];
  /** Rows matching the filter over all pages; null when asked `withTotal=false`. */
  total!: number | null;
  /** The next page's `after` (the rows after this page's last one); null on the last page. */
  nextCursor!: string | null;
}

export class RequestDecisionDto implements RequestDecision {
  outcome!: DecisionOutcome;
  reasons!: DecisionReason[];
  /** The explanation the school reads. */
  text!: string;
  conditions!: string;
  /** The conditions as the public list shows them. */
  publicConditions!: string;
  decidedByName!: string;
  @ApiDateTime()
  decidedAt!: string;
}

/** The principal's decline, shown until the request is endorsed or submitted again. */
export class RequestDeclineDto implements RequestDecline {
  /** Why the principal declined, in their words. */
  text!: string;
  declinedByName!: string;
  @ApiDateTime()
  declinedAt!: string;
}

export class RequestProposalDto implements RequestProposal {
  outcome!: DecisionOutcome;
  reasons!: DecisionReason[];
  text!: string;
  conditions!: string;
  publicConditions?: string;
  proposedByName!: string;
  @ApiDateTime()
  proposedAt!: string;
}

/** The licence named when the request was already covered. */
export class CoveredByDto {
  @ApiUuid()
  licenceId!: string;
  agreementNumber!: string;
  @ApiDate()
  endsOn!: string;
  text!: string;
}

/** The licence that implemented a request. */
export class RequestLicenceDto implements RequestLicence {
  @ApiUuid()
  licenceId!: string;
  @ApiUuid()
  agreementId!: string;
  agreementNumber!: string;
  @ApiDate()
  startsOn!: string;
  @ApiDate()
  endsOn!: string;
}

/** A unit that joined a request's demand, with its own pupils and need. */
export class JoinedUnitDto implements JoinedUnit {
  @ApiUuid()
  unitId!: string;
  unitName!: string;
  pupilCount!: number;
  need!: string;
  joinedByName!: string;
  @ApiDateTime()
  joinedAt!: string;
}

/** A request in full, with what the caller may do next. */
export class RequestDetailDto extends RequestSummaryDto implements RequestDetail {
  newTool!: NewToolDto | null;
  /** The need the tool meets, in the school's words. */
  need!: string;
  subjects!: string[];
  targetGroup!: string;
  staffCount!: number;
  personalData!: PersonalDataKind;
  personalDataDescription!: string;
  @ApiDate()
  wantedFrom!: string | null;
  @ApiUuid()
  requesterId!: string;
  endorsedByName!: string | null;
  @ApiDateTime()
  endorsedAt!: string | null;
  decline!: RequestDeclineDto | null;
  stateBeforeInfo!: RequestState | null;
  /** The open question while the state is NEEDS_INFO. */
  openQuestion!: string | null;
  service!: DigitalServiceDto | null;
  coveredBy!: CoveredByDto | null;
  implementedBy!: RequestLicenceDto | null;
  proposal!: RequestProposalDto | null;
  decision!: RequestDecisionDto | null;
  /** Whether the decision must be made by an object manager (cost above the threshold). */
  needsManagerConfirmation!: boolean;
  /** The service's current reviews (reused from earlier requests while valid). */
  reviews!: CurrentReviewsDto | null;
  @ApiProperty({ ...APPROVAL_BLOCKERS_SCHEMA, description: 'What stops an approval today' })
  approvalBlockers!: ApprovalBlockerDto[];
  /** Asking again for a rejected tool: what the school says has changed since. */
  whatChanged!: string | null;
  /** Other units that joined this request's demand. */
  joinedUnits!: JoinedUnitDto[];
  /** The moves the caller may make now: the UI shows exactly these. */
  availableMoves!: RequestMove[];
  /** Whether the caller may edit the content now. */
  editable!: boolean;
}

/** One step of a request's history. */
export class RequestEventDto implements RequestEvent {
  /** The event's running number. */
  id!: string;
  @ApiDateTime()
  occurredAt!: string;
  actorName!: string | null;
  /** A move (`SUBMIT`, `DECIDE`...), `CREATED`, `EDITED`, `COMMENT`, `REVIEW` or `SERVICE_CHANGED`. */
  kind!: RequestEventKind;
  fromState!: RequestState | null;
  toState!: RequestState | null;
  text!: string | null;
  /** The outcome a decision (DECIDE or CORRECT_DECISION) gave; null for every other event. */
  outcome!: DecisionOutcome | null;
}

/** Several units asking for the same tool: the specialist decides once for all of them. */
export class DemandGroupDto implements DemandGroup {
  /** The catalogue service, or null for a proposed new tool (grouped by its name). */
  @ApiUuid()
  serviceId!: string | null;
  toolName!: string;
  requestCount!: number;
  unitCount!: number;
  pupilCount!: number;
  @ApiDateTime()
  oldestSubmittedAt!: string;
  requestIds!: string[];
}

/** A request for a tool as another unit's request form shows it. */
export class OpenToolRequestDto implements OpenToolRequest {
  @ApiUuid()
  id!: string;
  number!: number;
  @ApiUuid()
  unitId!: string;
  unitName!: string;
  state!: RequestState;
  /** One of the caller's own units' requests. */
  ownUnit!: boolean;
  /** One of the caller's units has joined it. */
  joinedByOwnUnit!: boolean;
}

/** The latest rejection of a tool. */
export class ToolRejectionDto implements ToolRejection {
  @ApiDate()
  decidedOn!: string;
  reasons!: DecisionReason[];
  text!: string;
}

/** A tool the request form's search found: in the catalogue in any status, or only requested. */
export class ToolMatchDto implements ToolMatch {
  @ApiUuid()
  serviceId!: string | null;
  name!: string;
  supplierName!: string;
  category!: ServiceCategory | null;
  catalogueStatus!: CatalogueStatus | null;
  @ApiDate()
  decidedOn!: string | null;
  licensedUnits!: UnitLicensedDto[];
  rejection!: ToolRejectionDto | null;
  requests!: OpenToolRequestDto[];
}

export class ToolSearchResultDto implements ToolSearchResult {
  rows!: ToolMatchDto[];
  /** Matches in all. */
  total!: number;
}
