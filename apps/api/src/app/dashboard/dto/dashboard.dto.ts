import type {
  ContractStatus,
  Dashboard,
  DecisionTimeMonth,
  EquityForm,
  EquityService,
  RenewalEntry,
  RenewalKind,
  RequestAgeBucket,
  RequestState,
  SchoolForm,
  ServiceCategory,
  ServiceCost,
} from '@licensregistret/domain';

import { UnitRefDto } from '../../accounts/dto/account-responses.dto';
import { ApiDate, ApiUuid } from '../../openapi/formats';

export class StatusCountDto {
  status!: ContractStatus;
  count!: number;
}

export class StateCountDto {
  state!: RequestState;
  count!: number;
}

export class AgeBucketCountDto {
  bucket!: RequestAgeBucket;
  count!: number;
}

export class DecisionTimeMonthDto implements DecisionTimeMonth {
  /** `YYYY-MM`, the month (in Sweden) the decision was made. */
  month!: string;
  /** Requests decided (or found already covered) that month. */
  count!: number;
  /** Days from first submission to decision; null in a month without decisions. */
  medianDays!: number | null;
  p90Days!: number | null;
}

export class ServiceCostDto implements ServiceCost {
  @ApiUuid()
  serviceId!: string;
  serviceName!: string;
  category!: ServiceCategory;
  /** SEK per year, rounded to öre. */
  annualCost!: number;
}

export class CategoryCostDto {
  category!: ServiceCategory;
  annualCost!: number;
}

export class CostFiguresDto {
  byService!: ServiceCostDto[];
  /** Every category, zeros included. */
  byCategory!: CategoryCostDto[];
  /** The annual cost of all agreements in effect. */
  total!: number;
  /** The part of it under agreements that license no service yet. */
  unallocated!: number;
}

export class RenewalEntryDto implements RenewalEntry {
  @ApiUuid()
  agreementId!: string;
  agreementNumber!: string;
  supplierName!: string;
  status!: ContractStatus;
  kind!: RenewalKind;
  @ApiDate()
  date!: string;
}

export class RenewalsDto {
  @ApiDate()
  from!: string;
  @ApiDate()
  to!: string;
  entries!: RenewalEntryDto[];
}

export class EquityServiceDto implements EquityService {
  @ApiUuid()
  serviceId!: string;
  serviceName!: string;
  /** Units of the school form reached by a licence in force today. */
  unitsWith!: number;
  /** The units of the school form it does not reach, by name. */
  unitsLacking!: UnitRefDto[];
}

export class EquityFormDto implements EquityForm {
  schoolForm!: SchoolForm;
  unitCount!: number;
  /** The services more than half of the form's units have, by name. */
  services!: EquityServiceDto[];
}

/** The figures of "Översikt", all as of `today`. */
export class DashboardDto implements Dashboard {
  @ApiDate()
  today!: string;
  agreementsByStatus!: StatusCountDto[];
  requestsByState!: StateCountDto[];
  openRequestAges!: AgeBucketCountDto[];
  /** The last 12 months, oldest first. */
  decisionTimes!: DecisionTimeMonthDto[];
  /** Agreements in effect: their annual cost over services. */
  cost!: CostFiguresDto;
  /** From today to 18 months ahead, both days included. */
  renewals!: RenewalsDto;
  /** School forms that have units. */
  equity!: EquityFormDto[];
}
