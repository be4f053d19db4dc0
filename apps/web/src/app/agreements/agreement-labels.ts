import type { AgreementTermsInput, DeadlineKind } from '@licensregistret/domain';

/** What the next decision is about. */
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  NOTICE: 'Uppsägning',
  EXTENSION: 'Förlängning',
};

/** The agreement's terms by their Swedish names, as the history lists changes. */
export const AGREEMENT_FIELD_LABELS: Record<keyof AgreementTermsInput, string> = {
  supplierId: 'Leverantör',
  agreementNumber: 'Avtalsnummer',
  caseNumber: 'Diarienummer',
  procurementRoute: 'Upphandlingsform',
  frameworkName: 'Ramavtal',
  callOffReference: 'Avropsreferens',
  signedOn: 'Undertecknat',
  startsOn: 'Startdatum',
  endsOn: 'Slutdatum',
  extensionOptions: 'Förlängningsoptioner',
  extensionMonths: 'Månader per förlängning',
  extensionOptionsUsed: 'Utnyttjade förlängningar',
  nextExtensionDecisionBy: 'Nästa beslut om förlängning senast',
  noticePeriodMonths: 'Uppsägningstid (månader)',
  internalLeadDays: 'Kommunens ledtid (dagar)',
  renewsAutomatically: 'Förnyas automatiskt',
  annualCost: 'Årskostnad',
  costModel: 'Kostnadsmodell',
  ownerId: 'Avtalsansvarig',
  scopeSchoolForms: 'Skolformer',
  dataProcessingAgreement: 'Personuppgiftsbiträdesavtal',
  documents: 'Dokument',
  followsId: 'Föregås av',
  terminatedOn: 'Uppsagt',
};
