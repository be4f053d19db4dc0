import type { ProcurementRoute } from './agreements';
import type { DataLocation, SignInMethod } from './catalogue';
import type { IsoDate } from './iso-date';
import type { Municipality } from './municipalities';

/** The three reviews a service passes before it may be approved; each belongs to the service. */
export const REVIEW_KINDS = ['DATA_PROTECTION', 'INFORMATION_SECURITY', 'PROCUREMENT'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = {
  DATA_PROTECTION: 'Dataskyddsgranskning (GDPR)',
  INFORMATION_SECURITY: 'Informationssäkerhetsgranskning',
  PROCUREMENT: 'Avtals- och kostnadsgranskning',
};

/** Which role makes which review. */
export const REVIEW_ROLE = {
  DATA_PROTECTION: 'DATA_PROTECTION',
  INFORMATION_SECURITY: 'INFORMATION_SECURITY',
  PROCUREMENT: 'PROCUREMENT',
} as const satisfies Record<ReviewKind, string>;

export const REVIEW_OUTCOMES = ['APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  APPROVED: 'Godkänd',
  APPROVED_WITH_CONDITIONS: 'Godkänd med villkor',
  REJECTED: 'Underkänd',
};

/** Legal bases of GDPR art. 6 that a school's processing can rest on. */
export const LEGAL_BASES = [
  'PUBLIC_INTEREST',
  'LEGAL_OBLIGATION',
  'CONTRACT',
  'CONSENT',
  'LEGITIMATE_INTEREST',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const LEGAL_BASIS_LABELS: Record<LegalBasis, string> = {
  PUBLIC_INTEREST: 'Uppgift av allmänt intresse',
  LEGAL_OBLIGATION: 'Rättslig förpliktelse',
  CONTRACT: 'Avtal',
  CONSENT: 'Samtycke',
  LEGITIMATE_INTEREST: 'Berättigat intresse',
};

export const DATA_SUBJECTS = ['PUPILS', 'GUARDIANS', 'STAFF'] as const;
export type DataSubject = (typeof DATA_SUBJECTS)[number];

export const DATA_SUBJECT_LABELS: Record<DataSubject, string> = {
  PUPILS: 'Elever',
  GUARDIANS: 'Vårdnadshavare',
  STAFF: 'Personal',
};

export const DATA_CATEGORIES = [
  'IDENTITY',
  'CONTACT',
  'SCHOOL_RESULTS',
  'USAGE',
  'HEALTH',
  'OTHER_SPECIAL',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const DATA_CATEGORY_LABELS: Record<DataCategory, string> = {
  IDENTITY: 'Namn och identitet',
  CONTACT: 'Kontaktuppgifter',
  SCHOOL_RESULTS: 'Studieresultat och bedömningar',
  USAGE: 'Användning och loggar',
  HEALTH: 'Hälsa (känslig)',
  OTHER_SPECIAL: 'Andra känsliga uppgifter',
};

/**
 * IMY's criteria for when a DPIA is needed (from the EDPB guidelines): two or more applying
 * (DPIA_NEEDED_FROM_CRITERIA) means a DPIA must be made before processing starts.
 */
export const DPIA_CRITERIA = [
  'EVALUATION_OR_SCORING',
  'AUTOMATED_DECISIONS',
  'SYSTEMATIC_MONITORING',
  'SENSITIVE_DATA',
  'LARGE_SCALE',
  'COMBINED_DATASETS',
  'VULNERABLE_SUBJECTS',
  'NEW_TECHNOLOGY',
  'PREVENTS_RIGHTS',
] as const;
export type DpiaCriterion = (typeof DPIA_CRITERIA)[number];

export const DPIA_CRITERION_LABELS: Record<DpiaCriterion, string> = {
  EVALUATION_OR_SCORING: 'Bedömning eller poängsättning',
  AUTOMATED_DECISIONS: 'Automatiserade beslut med rättslig eller liknande effekt',
  SYSTEMATIC_MONITORING: 'Systematisk övervakning',
  SENSITIVE_DATA: 'Känsliga uppgifter eller uppgifter av mycket personlig karaktär',
  LARGE_SCALE: 'Behandling i stor omfattning',
  COMBINED_DATASETS: 'Matchning eller sammanförande av datamängder',
  VULNERABLE_SUBJECTS: 'Sårbara registrerade (t.ex. barn)',
  NEW_TECHNOLOGY: 'Ny teknik eller nya organisatoriska lösningar',
  PREVENTS_RIGHTS: 'Hindrar de registrerade att utöva en rättighet',
};

/** From this many of IMY's criteria applying, a DPIA must be made before processing starts. */
export const DPIA_NEEDED_FROM_CRITERIA = 2;

/** Whether the criteria that apply call for a DPIA. */
export function dpiaNeeded(criteria: readonly DpiaCriterion[]): boolean {
  return criteria.length >= DPIA_NEEDED_FROM_CRITERIA;
}

/** How personal data may lawfully leave the EU/EEA. */
export const TRANSFER_MECHANISMS = [
  'NONE',
  'ADEQUACY',
  'DATA_PRIVACY_FRAMEWORK',
  'SCC_WITH_TIA',
] as const;
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];

export const TRANSFER_MECHANISM_LABELS: Record<TransferMechanism, string> = {
  NONE: 'Ingen',
  ADEQUACY: 'Beslut om adekvat skyddsnivå',
  DATA_PRIVACY_FRAMEWORK: 'EU-US Data Privacy Framework (certifierat företag)',
  SCC_WITH_TIA: 'Standardavtalsklausuler och överföringsbedömning',
};

/** SKR's KLASSA levels for confidentiality, integrity and availability. */
export const KLASSA_LEVELS = [0, 1, 2, 3, 4] as const;
export type KlassaLevel = (typeof KLASSA_LEVELS)[number];

export const KLASSA_LEVEL_LABELS: Record<KlassaLevel, string> = {
  0: '0 – Försumbar',
  1: '1 – Måttlig',
  2: '2 – Betydande',
  3: '3 – Allvarlig',
  4: '4 – Synnerligen allvarlig',
};

export interface DataProtectionFindings {
  processesPersonalData: boolean;
  /**
   * What the personal data is processed for, in data protection's words: the record of
   * processing's "Ändamål" (required when personal data is processed).
   */
  purpose: string;
  legalBasis: LegalBasis | null;
  dataCategories: DataCategory[];
  dataSubjects: DataSubject[];
  dataProcessingAgreementSigned: boolean;
  dpiaCriteria: DpiaCriterion[];
  dpiaDone: boolean;
  storageLocation: DataLocation;
  transferMechanism: TransferMechanism;
  subProcessors: string[];
  retention: string;
}

export interface InformationSecurityFindings {
  confidentiality: KlassaLevel;
  integrity: KlassaLevel;
  availability: KlassaLevel;
  signInMethod: SignInMethod;
  risks: string;
}

export interface ProcurementFindings {
  procurementRoute: ProcurementRoute;
  /** Expected cost in SEK per year; above the confirmation threshold a manager decides. */
  annualCost: number;
  /** An agreement of the registry that already covers the service, if any. */
  agreementId: string | null;
  budgetCovered: boolean;
}

export interface ReviewFindings {
  DATA_PROTECTION: DataProtectionFindings;
  INFORMATION_SECURITY: InformationSecurityFindings;
  PROCUREMENT: ProcurementFindings;
}

/** Whether a review still counts: made, not overtaken by a change, not past its redo date. */
export const REVIEW_VALIDITIES = ['VALID', 'EXPIRED', 'DUE_AGAIN'] as const;
export type ReviewValidity = (typeof REVIEW_VALIDITIES)[number];

export const REVIEW_VALIDITY_LABELS: Record<ReviewValidity, string> = {
  VALID: 'Giltig',
  EXPIRED: 'Förfallen',
  DUE_AGAIN: 'Ska göras om',
};

interface ReviewBase {
  id: string;
  serviceId: string;
  outcome: ReviewOutcome;
  conditions: string;
  notes: string;
  reviewerName: string;
  reviewedOn: IsoDate;
  redoBy: IsoDate;
  /** Set when a change of the service (new version, migration, sub-processor) made it due. */
  dueAgainSince: string | null;
  validity: ReviewValidity;
  /** The published review of another municipality this one started from (adopted), if any. */
  adoptedFrom: { id: string; municipality: Municipality } | null;
  /** When the municipality published it for the others (ISO 8601), or null. */
  publishedAt: string | null;
}

export type ServiceReview = {
  [K in ReviewKind]: ReviewBase & { kind: K; findings: ReviewFindings[K] };
}[ReviewKind];

export type CreateReviewRequest = {
  [K in ReviewKind]: {
    kind: K;
    outcome: ReviewOutcome;
    conditions?: string;
    notes?: string;
    redoBy: IsoDate;
    findings: ReviewFindings[K];
  };
}[ReviewKind];

/** Changes of a service that raise the risk, so its reviews must be made again. */
export const SERVICE_CHANGE_KINDS = ['NEW_VERSION', 'MIGRATION', 'NEW_SUB_PROCESSOR'] as const;
export type ServiceChangeKind = (typeof SERVICE_CHANGE_KINDS)[number];

export const SERVICE_CHANGE_LABELS: Record<ServiceChangeKind, string> = {
  NEW_VERSION: 'Ny version',
  MIGRATION: 'Migrering',
  NEW_SUB_PROCESSOR: 'Nytt underbiträde',
};

export interface ReportServiceChangeRequest {
  kind: ServiceChangeKind;
  description: string;
}

/** The longest description of a reported change, once trimmed (it needs at least one character). */
export const SERVICE_CHANGE_DESCRIPTION_MAX_LENGTH = 2000;

/** The service's latest review of each kind (null where none has been made). */
export type CurrentReviews = Record<ReviewKind, ServiceReview | null>;

/** Why an approval is blocked; the UI words each code in Swedish. */
export type ApprovalBlocker =
  | {
      code: 'REVIEW_MISSING' | 'REVIEW_REJECTED' | 'REVIEW_EXPIRED' | 'REVIEW_DUE_AGAIN';
      kind: ReviewKind;
    }
  | { code: GdprStop };

export const APPROVAL_BLOCKER_LABELS: Record<ApprovalBlocker['code'], string> = {
  REVIEW_MISSING: 'Granskning saknas',
  REVIEW_REJECTED: 'Granskningen är underkänd',
  REVIEW_EXPIRED: 'Granskningen har förfallit',
  REVIEW_DUE_AGAIN: 'Granskningen ska göras om efter en ändring',
  NO_DATA_PROCESSING_AGREEMENT: 'Personuppgifter behandlas utan undertecknat biträdesavtal',
  DPIA_MISSING: 'Två eller fler av IMY:s kriterier gäller men ingen konsekvensbedömning är gjord',
  TRANSFER_WITHOUT_MECHANISM: 'Uppgifter förs utanför EU/EES utan överföringsmekanism',
};

/** A blocker in Swedish, naming the review where it concerns one. */
export function describeBlocker(blocker: ApprovalBlocker): string {
  const label = APPROVAL_BLOCKER_LABELS[blocker.code];
  return 'kind' in blocker ? `${label}: ${REVIEW_KIND_LABELS[blocker.kind]}` : label;
}

/** The validity of a review today. */
export function reviewValidity(
  review: { redoBy: IsoDate; dueAgainSince: string | null },
  today: IsoDate,
): ReviewValidity {
  if (review.dueAgainSince !== null) return 'DUE_AGAIN';
  return review.redoBy < today ? 'EXPIRED' : 'VALID';
}

/** GDPR's hard stops: what blocks an approval even when the data protection review approves. */
export type GdprStop =
  'NO_DATA_PROCESSING_AGREEMENT' | 'DPIA_MISSING' | 'TRANSFER_WITHOUT_MECHANISM';

/**
 * GDPR's hard stops in a data protection review's findings (none without personal data): no
 * signed data processing agreement; a DPIA needed (two or more of IMY's criteria) but not done;
 * storage outside the EU/EEA without a transfer mechanism. The review form shows them as they
 * are filled in; approvalBlockers adds them to a service's blockers.
 */
export function gdprStops(
  findings: Pick<
    DataProtectionFindings,
    | 'processesPersonalData'
    | 'dataProcessingAgreementSigned'
    | 'dpiaCriteria'
    | 'dpiaDone'
    | 'storageLocation'
    | 'transferMechanism'
  >,
): GdprStop[] {
  if (!findings.processesPersonalData) return [];
  const stops: GdprStop[] = [];
  if (!findings.dataProcessingAgreementSigned) stops.push('NO_DATA_PROCESSING_AGREEMENT');
  if (dpiaNeeded(findings.dpiaCriteria) && !findings.dpiaDone) stops.push('DPIA_MISSING');
  if (findings.storageLocation === 'OUTSIDE_EU_EEA' && findings.transferMechanism === 'NONE') {
    stops.push('TRANSFER_WITHOUT_MECHANISM');
  }
  return stops;
}

/**
 * What stops a service from being approved today, given its current reviews: every review is
 * required and must be valid and not rejected; and GDPR's three hard stops (no signed data
 * processing agreement, a DPIA needed but not done, a transfer outside the EU/EEA without a
 * mechanism) block even an approved data protection review.
 */
export function approvalBlockers(reviews: CurrentReviews, today: IsoDate): ApprovalBlocker[] {
  const blockers: ApprovalBlocker[] = [];
  for (const kind of REVIEW_KINDS) {
    const review = reviews[kind];
    if (!review) {
      blockers.push({ code: 'REVIEW_MISSING', kind });
      continue;
    }
    if (review.outcome === 'REJECTED') blockers.push({ code: 'REVIEW_REJECTED', kind });
    const validity = reviewValidity(review, today);
    if (validity === 'EXPIRED') blockers.push({ code: 'REVIEW_EXPIRED', kind });
    if (validity === 'DUE_AGAIN') blockers.push({ code: 'REVIEW_DUE_AGAIN', kind });
  }
  const gdpr = reviews.DATA_PROTECTION;
  if (gdpr?.kind === 'DATA_PROTECTION') {
    blockers.push(...gdprStops(gdpr.findings).map((code) => ({ code })));
  }
  return blockers;
}

/** A service's reviews: the current one of each kind, and every review made, newest first. */
export interface ServiceReviews {
  current: CurrentReviews;
  all: ServiceReview[];
  approvalBlockers: ApprovalBlocker[];
}
