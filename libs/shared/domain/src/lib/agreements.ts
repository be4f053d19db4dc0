import type { UnitRef } from './accounts';
import type { AgreementAction } from './agreement-lifecycle';
import type { ContractStatus, Deadline } from './contract-status';
import type { CostModel } from './cost-split';
import type { IsoDate } from './iso-date';
import type { ListQuery } from './list-query';
import type { SchoolForm } from './school-forms';

export const PROCUREMENT_ROUTES = ['FRAMEWORK', 'DIRECT_AWARD', 'OWN_TENDER'] as const;
export type ProcurementRoute = (typeof PROCUREMENT_ROUTES)[number];

export const PROCUREMENT_ROUTE_LABELS: Record<ProcurementRoute, string> = {
  FRAMEWORK: 'Avrop på ramavtal',
  DIRECT_AWARD: 'Direktupphandling',
  OWN_TENDER: 'Egen upphandling',
};

export interface DocumentLink {
  title: string;
  url: string;
}

export interface DataProcessingAgreement {
  signed: boolean;
  signedOn: IsoDate | null;
  subProcessors: string[];
}

export interface ServiceRef {
  id: string;
  name: string;
}

/** The terms of an agreement as written, without what is derived from them. */
export interface AgreementTermsInput {
  supplierId: string;
  agreementNumber: string;
  caseNumber: string;
  procurementRoute: ProcurementRoute;
  frameworkName?: string | null;
  callOffReference?: string | null;
  signedOn?: IsoDate | null;
  startsOn: IsoDate;
  endsOn: IsoDate;
  extensionOptions: number;
  extensionMonths: number;
  extensionOptionsUsed: number;
  nextExtensionDecisionBy?: IsoDate | null;
  noticePeriodMonths: number;
  internalLeadDays: number;
  renewsAutomatically: boolean;
  /** SEK per year, at most two decimals. */
  annualCost: number;
  costModel: CostModel;
  ownerId?: string | null;
  /** School forms the agreement may license; empty means every form. */
  scopeSchoolForms: SchoolForm[];
  dataProcessingAgreement: DataProcessingAgreement;
  documents: DocumentLink[];
  followsId?: string | null;
  terminatedOn?: IsoDate | null;
}

export type CreateAgreementRequest = AgreementTermsInput;
export type UpdateAgreementRequest = Partial<AgreementTermsInput> & {
  version: number;
  /** Why the terms are changed (a correction); kept with the change in the history. */
  reason?: string | null;
};

export interface Agreement extends Required<AgreementTermsInput> {
  id: string;
  supplierName: string;
  ownerName: string | null;
  /** Services licensed under the agreement. */
  services: ServiceRef[];
  followedById: string | null;
  /** Derived from the dates and today; see contractStatus. */
  status: ContractStatus;
  lastDayToGiveNotice: IsoDate;
  nextDeadline: Deadline;
  /** Days from today to the end; negative once ended. */
  daysLeft: number;
  extensionOptionsLeft: number;
  /** The lifecycle actions the caller may take now (availableAgreementActions). */
  availableActions: AgreementAction[];
  version: number;
}

export const AGREEMENT_SORT_COLUMNS = [
  'endsOn',
  'lastDayToGiveNotice',
  'nextDeadline',
  'annualCost',
  'supplierName',
  'agreementNumber',
] as const;
export type AgreementSortColumn = (typeof AGREEMENT_SORT_COLUMNS)[number];

export interface AgreementListQuery extends ListQuery {
  /** One or more statuses, comma-separated. */
  status?: string;
  supplierId?: string;
  endsFrom?: IsoDate;
  endsTo?: IsoDate;
  /** The last day to give notice, from and to. */
  noticeFrom?: IsoDate;
  noticeTo?: IsoDate;
  minCost?: number;
  maxCost?: number;
  /** Agreements licensing a service to this school form. */
  schoolForm?: SchoolForm;
  /** Agreements licensing a service to this unit. */
  unitId?: string;
}

export const LICENCE_SCOPES = ['MUNICIPALITY', 'SCHOOL_FORMS', 'UNITS'] as const;
export type LicenceScope = (typeof LICENCE_SCOPES)[number];

export const LICENCE_SCOPE_LABELS: Record<LicenceScope, string> = {
  MUNICIPALITY: 'Hela kommunen',
  SCHOOL_FORMS: 'Skolformer',
  UNITS: 'Namngivna skolenheter',
};

export interface Licence {
  id: string;
  agreementId: string;
  agreementNumber: string;
  serviceId: string;
  serviceName: string;
  scope: LicenceScope;
  schoolForms: SchoolForm[];
  units: UnitRef[];
  seatCount: number | null;
  seatsInUse: number | null;
  startsOn: IsoDate;
  endsOn: IsoDate;
  version: number;
}

export interface CreateLicenceRequest {
  agreementId: string;
  serviceId: string;
  scope: LicenceScope;
  schoolForms?: SchoolForm[];
  unitIds?: string[];
  seatCount?: number | null;
  seatsInUse?: number | null;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

export type UpdateLicenceRequest = Partial<
  Omit<CreateLicenceRequest, 'agreementId' | 'serviceId'>
> & {
  version: number;
};

/** "Which services does unit X have, under which agreement, until when." */
export interface UnitServiceLicence {
  serviceId: string;
  serviceName: string;
  licenceId: string;
  agreementId: string;
  agreementNumber: string;
  scope: LicenceScope;
  endsOn: IsoDate;
}

export interface CostShareRow {
  unitId: string;
  unitName: string;
  pupils: number;
  /** SEK per year, two decimals; the shares add up to the annual cost exactly. */
  amount: number;
}

export interface CostSplit {
  agreementId: string;
  costModel: CostModel;
  annualCost: number;
  rows: CostShareRow[];
}

/** One change in the append-only history. */
export interface HistoryEntry {
  id: string;
  occurredAt: string;
  actorName: string | null;
  kind: string;
  /** Field name -> old and new values. */
  changes: Record<string, { old: unknown; new: unknown }> | null;
  /** Why, where the change says: a lifecycle action's reason. */
  message: string | null;
}

/** A unit that a service does not reach ("which units lack service Y", for equity). */
export interface UnitWithoutService {
  id: string;
  name: string;
  schoolForms: SchoolForm[];
  pupilCount: number;
}

/** Units × the services licensed to the whole municipality or to school forms, today. */
export interface CoverageMatrix {
  services: ServiceRef[];
  units: {
    id: string;
    name: string;
    networkGroup: string;
    schoolForms: SchoolForm[];
    /** Of `services`, those a licence in force reaches this unit with. */
    coveredServiceIds: string[];
  }[];
}
