import {
  APPROVAL_BLOCKER_LABELS,
  type CreateReviewRequest,
  DATA_CATEGORIES,
  DATA_SUBJECTS,
  DPIA_CRITERIA,
  type DataCategory,
  type DataLocation,
  type DataSubject,
  type DigitalService,
  type DpiaCriterion,
  type IsoDate,
  type KlassaLevel,
  type LegalBasis,
  type ProcurementRoute,
  type RequestDetail,
  type ReviewKind,
  type ReviewOutcome,
  type ServiceReview,
  type SignInMethod,
  type TransferMechanism,
  addMonths,
  gdprStops,
  isIsoDate,
} from '@licensregistret/domain';

import { checked, flagsOf } from '../../shared/forms/flags';
import type { FieldMessages, FormErrors } from '../../shared/forms/form-errors';

/** Direct award under LOU is allowed up to this value, options and extensions included. */
export const DIRECT_AWARD_LIMIT_SEK = 700_000;

export interface DataProtectionValue {
  processesPersonalData: boolean;
  /** What the data is processed for: the record of processing's "Ändamål". */
  purpose: string;
  legalBasis: LegalBasis | '';
  dataCategories: Record<DataCategory, boolean>;
  dataSubjects: Record<DataSubject, boolean>;
  dataProcessingAgreementSigned: boolean;
  dpiaCriteria: Record<DpiaCriterion, boolean>;
  dpiaDone: boolean;
  /** '' until chosen: where the data is kept has legal weight and is never assumed. */
  storageLocation: DataLocation | '';
  /** '' until chosen (asked only when the data leaves the EU/EEA). */
  transferMechanism: TransferMechanism | '';
  /** One sub-processor a line. */
  subProcessors: string;
  retention: string;
}

/** KLASSA levels as the selects hold them: '' until chosen, then '0' to '4'. */
export interface InformationSecurityValue {
  confidentiality: string;
  integrity: string;
  availability: string;
  signInMethod: SignInMethod | '';
  risks: string;
}

export interface ProcurementValue {
  procurementRoute: ProcurementRoute | '';
  /** Kronor as typed. */
  annualCost: string;
  agreementId: string;
  budgetCovered: boolean;
}

/** The review form: what every review has, and the findings of each kind. */
export interface ReviewFormValue {
  outcome: ReviewOutcome | '';
  conditions: string;
  notes: string;
  redoBy: string;
  dataProtection: DataProtectionValue;
  informationSecurity: InformationSecurityValue;
  procurement: ProcurementValue;
}

/**
 * The form for a new review of a service: the latest review's findings where there is one; else
 * unanswered, except what the request already says where the review asks the same (whether
 * personal data is processed, and whose: pupils, staff). Where the data is kept, how it may
 * leave the EU/EEA and the sign-in method have legal weight: they are never assumed.
 */
export function reviewFormFor(
  service: DigitalService,
  latest: ServiceReview | null,
  today: IsoDate,
  request: RequestDetail | null = null,
): ReviewFormValue {
  const personalData = request?.personalData ?? service.personalData;
  const subjects: DataSubject[] = [];
  if (request && request.pupilCount > 0) subjects.push('PUPILS');
  if (request && request.staffCount > 0) subjects.push('STAFF');
  const value: ReviewFormValue = {
    outcome: '',
    conditions: '',
    notes: '',
    redoBy: addMonths(today, 12),
    dataProtection: {
      processesPersonalData: personalData !== 'NONE',
      purpose: '',
      legalBasis: '',
      dataCategories: flagsOf(DATA_CATEGORIES),
      dataSubjects: flagsOf(DATA_SUBJECTS, personalData === 'NONE' ? [] : subjects),
      dataProcessingAgreementSigned: false,
      dpiaCriteria: flagsOf(DPIA_CRITERIA),
      dpiaDone: false,
      storageLocation: '',
      transferMechanism: '',
      subProcessors: '',
      retention: '',
    },
    informationSecurity: {
      confidentiality: '',
      integrity: '',
      availability: '',
      signInMethod: '',
      risks: '',
    },
    procurement: { procurementRoute: '', annualCost: '', agreementId: '', budgetCovered: false },
  };
  switch (latest?.kind) {
    case 'DATA_PROTECTION': {
      const findings = latest.findings;
      value.dataProtection = {
        processesPersonalData: findings.processesPersonalData,
        purpose: findings.purpose ?? '',
        legalBasis: findings.legalBasis ?? '',
        dataCategories: flagsOf(DATA_CATEGORIES, findings.dataCategories),
        dataSubjects: flagsOf(DATA_SUBJECTS, findings.dataSubjects),
        dataProcessingAgreementSigned: findings.dataProcessingAgreementSigned,
        dpiaCriteria: flagsOf(DPIA_CRITERIA, findings.dpiaCriteria),
        dpiaDone: findings.dpiaDone,
        storageLocation: findings.storageLocation,
        transferMechanism: findings.transferMechanism,
        subProcessors: findings.subProcessors.join('\n'),
        retention: findings.retention,
      };
      break;
    }
    case 'INFORMATION_SECURITY': {
      const findings = latest.findings;
      value.informationSecurity = {
        confidentiality: String(findings.confidentiality),
        integrity: String(findings.integrity),
        availability: String(findings.availability),
        signInMethod: findings.signInMethod,
        risks: findings.risks,
      };
      break;
    }
    case 'PROCUREMENT': {
      const findings = latest.findings;
      value.procurement = {
        procurementRoute: findings.procurementRoute,
        annualCost: String(findings.annualCost),
        agreementId: findings.agreementId ?? '',
        budgetCovered: findings.budgetCovered,
      };
      break;
    }
  }
  return value;
}

/** Messages per request field (CreateReviewRequest's and its findings' property names). */
export const REVIEW_MESSAGES: Record<string, FieldMessages> = {
  outcome: { invalid: 'Välj utfall.' },
  conditions: { invalid: 'Skriv villkoren.' },
  notes: { invalid: 'Anteckningarna kunde inte sparas.' },
  redoBy: { invalid: 'Ange ett datum efter i dag då granskningen ska göras om.' },
  purpose: { invalid: 'Skriv ändamålet med behandlingen.' },
  legalBasis: { invalid: 'Välj rättslig grund.' },
  dataCategories: { invalid: 'Välj minst en kategori av personuppgifter.' },
  dataSubjects: { invalid: 'Välj minst en grupp av registrerade.' },
  retention: { invalid: 'Skriv hur länge uppgifterna sparas.' },
  storageLocation: { invalid: 'Välj var uppgifterna lagras.' },
  transferMechanism: { invalid: 'Välj överföringsmekanism.' },
  subProcessors: { invalid: 'Skriv ett underbiträde per rad.' },
  confidentiality: { invalid: 'Välj nivå för konfidentialitet.' },
  integrity: { invalid: 'Välj nivå för riktighet.' },
  availability: { invalid: 'Välj nivå för tillgänglighet.' },
  signInMethod: { invalid: 'Välj inloggningsmetod.' },
  risks: { invalid: 'Beskriv riskerna.' },
  procurementRoute: { invalid: 'Välj upphandlingsform.' },
  annualCost: { invalid: 'Ange årskostnaden i kronor, 0 eller mer.' },
  agreementId: { invalid: 'Välj ett avtal i listan, eller inget.' },
  budgetCovered: { invalid: 'Ange om kostnaden ryms i budget.' },
};

/** The control each field's messages point to. */
export const REVIEW_FIELD_IDS: Record<string, string> = {
  outcome: 'review-outcome-APPROVED',
  conditions: 'review-conditions',
  notes: 'review-notes',
  redoBy: 'review-redo-by',
  purpose: 'review-purpose',
  legalBasis: 'review-legal-basis',
  dataCategories: `review-category-${DATA_CATEGORIES[0]}`,
  dataSubjects: `review-subject-${DATA_SUBJECTS[0]}`,
  retention: 'review-retention',
  storageLocation: 'review-storage',
  transferMechanism: 'review-transfer',
  subProcessors: 'review-sub-processors',
  confidentiality: 'review-confidentiality',
  integrity: 'review-integrity',
  availability: 'review-availability',
  signInMethod: 'review-sign-in',
  risks: 'review-risks',
  procurementRoute: 'review-route',
  annualCost: 'review-annual-cost',
  agreementId: 'review-agreement',
  budgetCovered: 'review-budget-covered',
};

function klassaLevel(text: string): KlassaLevel | null {
  const level = Number(text);
  return text !== '' && Number.isInteger(level) && level >= 0 && level <= 4
    ? (level as KlassaLevel)
    : null;
}

/** Kronor as typed ("12 500", "12500,50") as a number, or null when it is not one. */
export function kronor(text: string): number | null {
  const cleaned = text.replace(/\s/g, '').replace(',', '.');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) && value >= 0 && Math.round(value * 100) === value * 100
    ? value
    : null;
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Checks a review of `kind` before it is sent. */
export function validateReview(
  kind: ReviewKind,
  value: ReviewFormValue,
  today: IsoDate,
): FormErrors {
  const fields: FormErrors['fields'] = {};
  const fail = (field: string) => (fields[field] = [REVIEW_MESSAGES[field].invalid]);

  if (value.outcome === '') fail('outcome');
  if (value.outcome === 'APPROVED_WITH_CONDITIONS' && value.conditions.trim() === '') {
    fail('conditions');
  }
  if (!isIsoDate(value.redoBy) || value.redoBy <= today) fail('redoBy');

  switch (kind) {
    case 'DATA_PROTECTION': {
      const findings = value.dataProtection;
      if (findings.processesPersonalData) {
        if (findings.purpose.trim() === '') fail('purpose');
        if (findings.legalBasis === '') fail('legalBasis');
        if (checked(findings.dataCategories, DATA_CATEGORIES).length === 0) {
          fail('dataCategories');
        }
        if (checked(findings.dataSubjects, DATA_SUBJECTS).length === 0) fail('dataSubjects');
        if (findings.retention.trim() === '') fail('retention');
      }
      if (findings.storageLocation === '') fail('storageLocation');
      if (findings.storageLocation === 'OUTSIDE_EU_EEA' && findings.transferMechanism === '') {
        fail('transferMechanism');
      }
      break;
    }
    case 'INFORMATION_SECURITY': {
      const findings = value.informationSecurity;
      for (const field of ['confidentiality', 'integrity', 'availability'] as const) {
        if (klassaLevel(findings[field]) === null) fail(field);
      }
      if (findings.signInMethod === '') fail('signInMethod');
      break;
    }
    case 'PROCUREMENT': {
      const findings = value.procurement;
      if (findings.procurementRoute === '') fail('procurementRoute');
      if (kronor(findings.annualCost) === null) fail('annualCost');
      break;
    }
  }
  return { fields, general: [] };
}

/** The request body for a valid form of `kind`. */
export function toCreateReviewRequest(
  kind: ReviewKind,
  value: ReviewFormValue,
): CreateReviewRequest {
  const common = {
    outcome: value.outcome as ReviewOutcome,
    conditions: value.outcome === 'APPROVED_WITH_CONDITIONS' ? value.conditions.trim() : '',
    notes: value.notes.trim(),
    redoBy: value.redoBy,
  };
  switch (kind) {
    case 'DATA_PROTECTION': {
      const findings = value.dataProtection;
      const personal = findings.processesPersonalData;
      return {
        ...common,
        kind,
        findings: {
          processesPersonalData: personal,
          purpose: personal ? findings.purpose.trim() : '',
          legalBasis: personal && findings.legalBasis !== '' ? findings.legalBasis : null,
          dataCategories: personal ? checked(findings.dataCategories, DATA_CATEGORIES) : [],
          dataSubjects: personal ? checked(findings.dataSubjects, DATA_SUBJECTS) : [],
          dataProcessingAgreementSigned: personal && findings.dataProcessingAgreementSigned,
          dpiaCriteria: personal ? checked(findings.dpiaCriteria, DPIA_CRITERIA) : [],
          dpiaDone: personal && findings.dpiaDone,
          storageLocation: findings.storageLocation as DataLocation,
          transferMechanism:
            findings.storageLocation === 'OUTSIDE_EU_EEA' && findings.transferMechanism !== ''
              ? findings.transferMechanism
              : 'NONE',
          subProcessors: personal ? lines(findings.subProcessors) : [],
          retention: personal ? findings.retention.trim() : '',
        },
      };
    }
    case 'INFORMATION_SECURITY': {
      const findings = value.informationSecurity;
      return {
        ...common,
        kind,
        findings: {
          confidentiality: klassaLevel(findings.confidentiality) as KlassaLevel,
          integrity: klassaLevel(findings.integrity) as KlassaLevel,
          availability: klassaLevel(findings.availability) as KlassaLevel,
          signInMethod: findings.signInMethod as SignInMethod,
          risks: findings.risks.trim(),
        },
      };
    }
    case 'PROCUREMENT': {
      const findings = value.procurement;
      return {
        ...common,
        kind,
        findings: {
          procurementRoute: findings.procurementRoute as ProcurementRoute,
          annualCost: kronor(findings.annualCost) as number,
          agreementId: findings.agreementId === '' ? null : findings.agreementId,
          budgetCovered: findings.budgetCovered,
        },
      };
    }
  }
}

/** GDPR's hard stops (the domain's gdprStops) as the data protection form stands, in Swedish. */
export function dataProtectionStops(findings: DataProtectionValue): string[] {
  return gdprStops({
    processesPersonalData: findings.processesPersonalData,
    dataProcessingAgreementSigned: findings.dataProcessingAgreementSigned,
    dpiaCriteria: checked(findings.dpiaCriteria, DPIA_CRITERIA),
    dpiaDone: findings.dpiaDone,
    // Unanswered is no stop yet: the form asks for it.
    storageLocation: findings.storageLocation || 'SWEDEN',
    transferMechanism: findings.transferMechanism || 'NONE',
  }).map((code) => APPROVAL_BLOCKER_LABELS[code]);
}
