import type { ServiceCategory } from './catalogue';
import type { ContractStatus } from './contract-status';
import type { IsoDate } from './iso-date';
import type { RequestState } from './request-routine';
import type { SchoolForm } from './school-forms';

/** How long an open request has waited since it was submitted, in whole days (Sweden). */
export const REQUEST_AGE_BUCKETS = ['0-7', '8-30', '31-90', '91+'] as const;
export type RequestAgeBucket = (typeof REQUEST_AGE_BUCKETS)[number];

export const REQUEST_AGE_BUCKET_LABELS: Record<RequestAgeBucket, string> = {
  '0-7': '0–7 dagar',
  '8-30': '8–30 dagar',
  '31-90': '31–90 dagar',
  '91+': 'Mer än 90 dagar',
};

/** The months back, including the current one, that decision times are shown for. */
export const DECISION_TIME_MONTHS = 12;
/** How far ahead the renewal timeline looks. */
export const RENEWAL_TIMELINE_MONTHS = 18;

/** What falls due on an agreement: the last day to give notice, an extension decision, its end. */
export type RenewalKind = 'NOTICE' | 'EXTENSION' | 'END';

export const RENEWAL_KIND_LABELS: Record<RenewalKind, string> = {
  NOTICE: 'Sista dag att säga upp',
  EXTENSION: 'Beslut om förlängning',
  END: 'Avtalet upphör',
};

export interface DecisionTimeMonth {
  /** `YYYY-MM`, the month (in Sweden) the decision was made. */
  month: string;
  /** Requests decided (or found already covered) that month. */
  count: number;
  /** Days from first submission to decision; null in a month without decisions. */
  medianDays: number | null;
  p90Days: number | null;
}

export interface ServiceCost {
  serviceId: string;
  serviceName: string;
  category: ServiceCategory;
  /** SEK per year, rounded to öre. */
  annualCost: number;
}

export interface RenewalEntry {
  agreementId: string;
  agreementNumber: string;
  supplierName: string;
  status: ContractStatus;
  kind: RenewalKind;
  date: IsoDate;
}

export interface EquityService {
  serviceId: string;
  serviceName: string;
  /** Units of the school form reached by a licence in force today. */
  unitsWith: number;
  /** The units of the school form it does not reach, by name. */
  unitsLacking: { id: string; name: string }[];
}

export interface EquityForm {
  schoolForm: SchoolForm;
  unitCount: number;
  /** The services more than half of the form's units have, by name. */
  services: EquityService[];
}

/** GET /api/dashboard: the figures of "Översikt", all as of `today`. */
export interface Dashboard {
  today: IsoDate;
  /** Every contract status, in CONTRACT_STATUSES order, zeros included. */
  agreementsByStatus: { status: ContractStatus; count: number }[];
  /** Every request state but DRAFT (drafts are the school's own), zeros included. */
  requestsByState: { state: RequestState; count: number }[];
  /** Open requests by days since submission, every bucket, zeros included. */
  openRequestAges: { bucket: RequestAgeBucket; count: number }[];
  /** The last 12 months, oldest first, months without decisions included. */
  decisionTimes: DecisionTimeMonth[];
  /** Agreements in effect (not draft, expired or terminated): their annual cost over services. */
  cost: {
    byService: ServiceCost[];
    /** Every category, zeros included, in SERVICE_CATEGORIES order. */
    byCategory: { category: ServiceCategory; annualCost: number }[];
    /** The annual cost of all agreements in effect. */
    total: number;
    /** The part of it under agreements that license no service yet. */
    unallocated: number;
  };
  /** From today to 18 months ahead, both days included. */
  renewals: { from: IsoDate; to: IsoDate; entries: RenewalEntry[] };
  /** School forms that have units, in SCHOOL_FORMS order. */
  equity: EquityForm[];
}
