import type {
  Agreement,
  AgreementAction,
  ContractStatus,
  CostModel,
  CostShareRow,
  CostSplit,
  Deadline,
  DeadlineKind,
  KeysetPage,
  ProcurementRoute,
  SchoolForm,
  ServiceRef,
} from '@licensregistret/domain';

import { ApiDate, ApiUuid } from '../../openapi/formats';
import { DataProcessingAgreementDto, DocumentLinkDto } from './agreement.dto';

export class ServiceRefDto implements ServiceRef {
  @ApiUuid()
  id!: string;
  name!: string;
}

export class DeadlineDto implements Deadline {
  kind!: DeadlineKind;
  @ApiDate()
  date!: string;
  /** The day the internal lead time starts: from then on, action is needed. */
  @ApiDate()
  actionFrom!: string;
}

/** An agreement with what follows from its dates today: status, deadlines, days left. */
export class AgreementDto implements Agreement {
  @ApiUuid()
  id!: string;
  @ApiUuid()
  supplierId!: string;
  supplierName!: string;
  agreementNumber!: string;
  /** Diarienummer. */
  caseNumber!: string;
  procurementRoute!: ProcurementRoute;
  frameworkName!: string | null;
  callOffReference!: string | null;
  @ApiDate()
  signedOn!: string | null;
  @ApiDate()
  startsOn!: string;
  @ApiDate()
  endsOn!: string;
  extensionOptions!: number;
  extensionMonths!: number;
  extensionOptionsUsed!: number;
  @ApiDate()
  nextExtensionDecisionBy!: string | null;
  noticePeriodMonths!: number;
  internalLeadDays!: number;
  renewsAutomatically!: boolean;
  /** SEK per year. */
  annualCost!: number;
  costModel!: CostModel;
  @ApiUuid()
  ownerId!: string | null;
  ownerName!: string | null;
  /** Empty: every school form. */
  scopeSchoolForms!: SchoolForm[];
  dataProcessingAgreement!: DataProcessingAgreementDto;
  documents!: DocumentLinkDto[];
  /** The agreement this one renews. */
  @ApiUuid()
  followsId!: string | null;
  @ApiUuid()
  followedById!: string | null;
  @ApiDate()
  terminatedOn!: string | null;
  services!: ServiceRefDto[];
  status!: ContractStatus;
  @ApiDate()
  lastDayToGiveNotice!: string;
  nextDeadline!: DeadlineDto;
  daysLeft!: number;
  extensionOptionsLeft!: number;
  /** The lifecycle actions the caller may take now; CORRECT is the PATCH. */
  availableActions!: AgreementAction[];
  version!: number;
}

export class AgreementPageDto implements KeysetPage<Agreement> {
  rows!: AgreementDto[];
  /** Rows matching the filter over all pages; null when asked `withTotal=false`. */
  total!: number | null;
  /** The next page's `after` (the rows after this page's last one); null on the last page. */
  nextCursor!: string | null;
}

export class CostShareRowDto implements CostShareRow {
  @ApiUuid()
  unitId!: string;
  unitName!: string;
  pupils!: number;
  amount!: number;
}

/** The annual cost over the units the agreement's licences reach. */
export class CostSplitDto implements CostSplit {
  @ApiUuid()
  agreementId!: string;
  costModel!: CostModel;
  annualCost!: number;
  rows!: CostShareRowDto[];
}
