import {
  type Agreement,
  COST_MODEL_LABELS,
  type CostModel,
  type CreateAgreementRequest,
  PROCUREMENT_ROUTE_LABELS,
  type ProcurementRoute,
  SCHOOL_FORMS,
  type SchoolForm,
  isIsoDate,
  lastDayToGiveNotice,
} from '@licensregistret/domain';

import { schoolFormNames } from '../../shared/format/format';
import { checked, flagsOf } from '../../shared/forms/flags';
import type { FieldMessages, FormErrors } from '../../shared/forms/form-errors';
import { displayValue } from '../../shared/forms/stale-version';
import { AGREEMENT_FIELD_LABELS } from '../agreement-labels';

/** The agreement form's values, as its controls hold them. */
export interface AgreementFormValue {
  supplierId: string;
  agreementNumber: string;
  caseNumber: string;
  procurementRoute: ProcurementRoute | '';
  frameworkName: string;
  callOffReference: string;
  signedOn: string;
  startsOn: string;
  endsOn: string;
  extensionOptions: number | null;
  extensionMonths: number | null;
  extensionOptionsUsed: number | null;
  nextExtensionDecisionBy: string;
  noticePeriodMonths: number | null;
  internalLeadDays: number | null;
  renewsAutomatically: boolean;
  /** As typed: "120 000,50". */
  annualCost: string;
  costModel: CostModel | '';
  scopeSchoolForms: Record<SchoolForm, boolean>;
  dpaSigned: boolean;
  dpaSignedOn: string;
  /** One sub-processor a line. */
  subProcessors: string;
  /** Why the terms change; asked for only when changing an agreement. */
  reason: string;
}

export const REASON_MAX_LENGTH = 1000;

/** The fields a stale save compares, by their Swedish names (the history's). */
export const AGREEMENT_FORM_LABELS: Record<string, string> = {
  supplierId: AGREEMENT_FIELD_LABELS.supplierId,
  agreementNumber: AGREEMENT_FIELD_LABELS.agreementNumber,
  caseNumber: AGREEMENT_FIELD_LABELS.caseNumber,
  procurementRoute: AGREEMENT_FIELD_LABELS.procurementRoute,
  frameworkName: AGREEMENT_FIELD_LABELS.frameworkName,
  callOffReference: AGREEMENT_FIELD_LABELS.callOffReference,
  signedOn: AGREEMENT_FIELD_LABELS.signedOn,
  startsOn: AGREEMENT_FIELD_LABELS.startsOn,
  endsOn: AGREEMENT_FIELD_LABELS.endsOn,
  extensionOptions: AGREEMENT_FIELD_LABELS.extensionOptions,
  extensionMonths: AGREEMENT_FIELD_LABELS.extensionMonths,
  extensionOptionsUsed: AGREEMENT_FIELD_LABELS.extensionOptionsUsed,
  nextExtensionDecisionBy: AGREEMENT_FIELD_LABELS.nextExtensionDecisionBy,
  noticePeriodMonths: AGREEMENT_FIELD_LABELS.noticePeriodMonths,
  internalLeadDays: AGREEMENT_FIELD_LABELS.internalLeadDays,
  renewsAutomatically: AGREEMENT_FIELD_LABELS.renewsAutomatically,
  annualCost: AGREEMENT_FIELD_LABELS.annualCost,
  costModel: AGREEMENT_FIELD_LABELS.costModel,
  scopeSchoolForms: AGREEMENT_FIELD_LABELS.scopeSchoolForms,
  dataProcessingAgreement: AGREEMENT_FIELD_LABELS.dataProcessingAgreement,
  ownerId: AGREEMENT_FIELD_LABELS.ownerId,
  terminatedOn: AGREEMENT_FIELD_LABELS.terminatedOn,
  followsId: AGREEMENT_FIELD_LABELS.followsId,
};

/** One term of an agreement in words, for the stale-version table. */
export function agreementTermText(field: string, agreement: Agreement): string {
  switch (field) {
    case 'supplierId':
      return agreement.supplierName;
    case 'ownerId':
      return agreement.ownerName ?? 'Inte angiven';
    case 'procurementRoute':
      return PROCUREMENT_ROUTE_LABELS[agreement.procurementRoute];
    case 'costModel':
      return COST_MODEL_LABELS[agreement.costModel];
    case 'annualCost':
      return formatCost(agreement.annualCost) + ' kr';
    case 'scopeSchoolForms':
      return schoolFormNames(agreement.scopeSchoolForms, 'Alla skolformer');
    case 'followsId':
      return agreement.followsId ? 'Ett annat avtal' : 'Inget';
    case 'dataProcessingAgreement': {
      const dpa = agreement.dataProcessingAgreement;
      const signed = dpa.signed
        ? `Undertecknat${dpa.signedOn ? ` ${dpa.signedOn}` : ''}`
        : 'Inte undertecknat';
      return dpa.subProcessors.length > 0
        ? `${signed}; underbiträden: ${dpa.subProcessors.join(', ')}`
        : signed;
    }
    default:
      return displayValue((agreement as unknown as Record<string, unknown>)[field]);
  }
}

export const AGREEMENT_MESSAGES: Record<string, FieldMessages> = {
  supplierId: { invalid: 'Välj leverantör.' },
  agreementNumber: {
    invalid: 'Ange avtalsnumret (högst 100 tecken).',
    duplicate: 'Leverantören har redan ett avtal med det avtalsnumret.',
  },
  caseNumber: { invalid: 'Ange diarienumret (högst 100 tecken).' },
  procurementRoute: { invalid: 'Välj upphandlingsform.' },
  frameworkName: { invalid: 'Ramavtalets namn får vara högst 200 tecken.' },
  callOffReference: { invalid: 'Avropsreferensen får vara högst 100 tecken.' },
  signedOn: { invalid: 'Ange datum för undertecknandet som ÅÅÅÅ-MM-DD, eller lämna tomt.' },
  startsOn: { invalid: 'Ange startdatum som ÅÅÅÅ-MM-DD.' },
  endsOn: { invalid: 'Ange slutdatum som ÅÅÅÅ-MM-DD, samma dag som startdatum eller senare.' },
  extensionOptions: { invalid: 'Ange antal förlängningsoptioner som ett heltal 0–10.' },
  extensionMonths: { invalid: 'Ange månader per förlängning som ett heltal 0–120.' },
  extensionOptionsUsed: {
    invalid: 'Utnyttjade förlängningar kan vara 0 upp till antalet optioner.',
  },
  nextExtensionDecisionBy: {
    invalid: 'Ange sista dag för beslut om förlängning som ÅÅÅÅ-MM-DD, eller lämna tomt.',
  },
  noticePeriodMonths: {
    invalid: 'Ange uppsägningstiden i hela månader (0–120), kortare än avtalsperioden.',
  },
  internalLeadDays: { invalid: 'Ange kommunens ledtid som ett heltal 0–730 dagar.' },
  annualCost: { invalid: 'Ange årskostnaden i kronor, till exempel 120 000 eller 120 000,50.' },
  costModel: { invalid: 'Välj kostnadsmodell.' },
  scopeSchoolForms: { invalid: 'Välj skolformer i listan, eller ingen för alla skolformer.' },
  dataProcessingAgreement: {
    invalid:
      'Kontrollera personuppgiftsbiträdesavtalet: datum som ÅÅÅÅ-MM-DD, ett underbiträde per rad.',
  },
  ownerId: { invalid: 'Avtalsansvarig måste vara en objektledare.' },
  reason: { invalid: `Skriv varför uppgifterna ändras (högst ${REASON_MAX_LENGTH} tecken).` },
};

export const AGREEMENT_FIELD_IDS: Record<string, string> = {
  supplierId: 'agreement-supplier',
  agreementNumber: 'agreement-number',
  caseNumber: 'agreement-case-number',
  procurementRoute: 'agreement-route',
  frameworkName: 'agreement-framework',
  callOffReference: 'agreement-call-off',
  signedOn: 'agreement-signed-on',
  startsOn: 'agreement-starts-on',
  endsOn: 'agreement-ends-on',
  extensionOptions: 'agreement-extension-options',
  extensionMonths: 'agreement-extension-months',
  extensionOptionsUsed: 'agreement-extension-used',
  nextExtensionDecisionBy: 'agreement-extension-decision',
  noticePeriodMonths: 'agreement-notice-months',
  internalLeadDays: 'agreement-lead-days',
  annualCost: 'agreement-cost',
  costModel: 'agreement-cost-model',
  scopeSchoolForms: `agreement-scope-${SCHOOL_FORMS[0]}`,
  dataProcessingAgreement: 'agreement-dpa-signed',
  reason: 'agreement-reason',
};

/** "120 000,50" (spaces, a comma or a point) as 120000.5; null unless kronor with at most öre. */
export function parseSek(text: string): number | null {
  const tidy = text
    .replace(/[\s\u00a0]/g, '')
    .replace(/kr$/i, '')
    .replace(',', '.');
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(tidy)) return null;
  return Number(tidy);
}

/** 120000.5 as "120 000,50", as the cost field shows it again. */
export function formatCost(amount: number): string {
  const [whole, ore] = amount.toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return ore === '00' ? grouped : `${grouped},${ore}`;
}

const isInt = (value: number | null, min: number, max: number): value is number =>
  value !== null && Number.isInteger(value) && value >= min && value <= max;
const optionalDate = (text: string): boolean => text.trim() === '' || isIsoDate(text.trim());

/** The API's rules that the form can check before saving; `editing` asks for a reason. */
export function validateAgreement(value: AgreementFormValue, editing: boolean): FormErrors {
  const fields: FormErrors['fields'] = {};
  const fail = (field: string) => (fields[field] = [AGREEMENT_MESSAGES[field].invalid]);
  const text = (field: keyof AgreementFormValue, max: number, required: boolean) => {
    const trimmed = String(value[field]).trim();
    if ((required && trimmed === '') || trimmed.length > max) fail(field);
  };

  if (value.supplierId === '') fail('supplierId');
  text('agreementNumber', 100, true);
  text('caseNumber', 100, true);
  if (value.procurementRoute === '') fail('procurementRoute');
  text('frameworkName', 200, false);
  text('callOffReference', 100, false);
  if (!optionalDate(value.signedOn)) fail('signedOn');
  const startsOn = value.startsOn.trim();
  const endsOn = value.endsOn.trim();
  if (!isIsoDate(startsOn)) fail('startsOn');
  if (!isIsoDate(endsOn) || (isIsoDate(startsOn) && endsOn < startsOn)) fail('endsOn');
  if (!isInt(value.extensionOptions, 0, 10)) fail('extensionOptions');
  if (!isInt(value.extensionMonths, 0, 120)) fail('extensionMonths');
  if (
    !isInt(value.extensionOptionsUsed, 0, 10) ||
    (isInt(value.extensionOptions, 0, 10) && value.extensionOptionsUsed > value.extensionOptions)
  ) {
    fail('extensionOptionsUsed');
  }
  if (!optionalDate(value.nextExtensionDecisionBy)) fail('nextExtensionDecisionBy');
  if (
    !isInt(value.noticePeriodMonths, 0, 120) ||
    (isIsoDate(startsOn) &&
      isIsoDate(endsOn) &&
      lastDayToGiveNotice({ endsOn, noticePeriodMonths: value.noticePeriodMonths }) < startsOn)
  ) {
    fail('noticePeriodMonths');
  }
  if (!isInt(value.internalLeadDays, 0, 730)) fail('internalLeadDays');
  if (parseSek(value.annualCost) === null) fail('annualCost');
  if (value.costModel === '') fail('costModel');
  if (
    !optionalDate(value.dpaSignedOn) ||
    subProcessorList(value.subProcessors).some((name) => name.length > 200)
  ) {
    fail('dataProcessingAgreement');
  }
  if (editing && (value.reason.trim() === '' || value.reason.trim().length > REASON_MAX_LENGTH)) {
    fail('reason');
  }
  return { fields, general: [] };
}

function subProcessorList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** The terms of a valid form (the reason goes beside them, on a change). */
export function toAgreementRequest(value: AgreementFormValue): CreateAgreementRequest {
  return {
    supplierId: value.supplierId,
    agreementNumber: value.agreementNumber.trim(),
    caseNumber: value.caseNumber.trim(),
    procurementRoute: value.procurementRoute as ProcurementRoute,
    frameworkName: orNull(value.frameworkName),
    callOffReference: orNull(value.callOffReference),
    signedOn: orNull(value.signedOn),
    startsOn: value.startsOn.trim(),
    endsOn: value.endsOn.trim(),
    extensionOptions: value.extensionOptions ?? 0,
    extensionMonths: value.extensionMonths ?? 0,
    extensionOptionsUsed: value.extensionOptionsUsed ?? 0,
    nextExtensionDecisionBy: orNull(value.nextExtensionDecisionBy),
    noticePeriodMonths: value.noticePeriodMonths ?? 0,
    internalLeadDays: value.internalLeadDays ?? 0,
    renewsAutomatically: value.renewsAutomatically,
    annualCost: parseSek(value.annualCost) ?? 0,
    costModel: value.costModel as CostModel,
    scopeSchoolForms: checked(value.scopeSchoolForms, SCHOOL_FORMS),
    dataProcessingAgreement: {
      signed: value.dpaSigned,
      signedOn: value.dpaSigned ? orNull(value.dpaSignedOn) : null,
      subProcessors: subProcessorList(value.subProcessors),
    },
    documents: [],
  };
}

/** A change: the form's terms (not documents, owner or chain, which it does not show). */
export function toAgreementChange(
  value: AgreementFormValue,
): Omit<CreateAgreementRequest, 'documents'> & { reason: string } {
  const { documents: _documents, ...terms } = toAgreementRequest(value);
  return { ...terms, reason: value.reason.trim() };
}

export function toAgreementFormValue(
  agreement: Agreement | null,
  preset: { supplierId?: string } = {},
): AgreementFormValue {
  if (!agreement) {
    return {
      supplierId: preset.supplierId ?? '',
      agreementNumber: '',
      caseNumber: '',
      procurementRoute: '',
      frameworkName: '',
      callOffReference: '',
      signedOn: '',
      startsOn: '',
      endsOn: '',
      extensionOptions: 0,
      extensionMonths: 12,
      extensionOptionsUsed: 0,
      nextExtensionDecisionBy: '',
      noticePeriodMonths: 3,
      internalLeadDays: 60,
      renewsAutomatically: false,
      annualCost: '',
      costModel: '',
      scopeSchoolForms: flagsOf(SCHOOL_FORMS),
      dpaSigned: false,
      dpaSignedOn: '',
      subProcessors: '',
      reason: '',
    };
  }
  return {
    supplierId: agreement.supplierId,
    agreementNumber: agreement.agreementNumber,
    caseNumber: agreement.caseNumber,
    procurementRoute: agreement.procurementRoute,
    frameworkName: agreement.frameworkName ?? '',
    callOffReference: agreement.callOffReference ?? '',
    signedOn: agreement.signedOn ?? '',
    startsOn: agreement.startsOn,
    endsOn: agreement.endsOn,
    extensionOptions: agreement.extensionOptions,
    extensionMonths: agreement.extensionMonths,
    extensionOptionsUsed: agreement.extensionOptionsUsed,
    nextExtensionDecisionBy: agreement.nextExtensionDecisionBy ?? '',
    noticePeriodMonths: agreement.noticePeriodMonths,
    internalLeadDays: agreement.internalLeadDays,
    renewsAutomatically: agreement.renewsAutomatically,
    annualCost: formatCost(agreement.annualCost),
    costModel: agreement.costModel,
    scopeSchoolForms: flagsOf(SCHOOL_FORMS, agreement.scopeSchoolForms),
    dpaSigned: agreement.dataProcessingAgreement.signed,
    dpaSignedOn: agreement.dataProcessingAgreement.signedOn ?? '',
    subProcessors: agreement.dataProcessingAgreement.subProcessors.join('\n'),
    reason: '',
  };
}
