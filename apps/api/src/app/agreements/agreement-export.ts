import {
  type Agreement,
  CONTRACT_STATUS_LABELS,
  COST_MODEL_LABELS,
  type DeadlineKind,
  LICENCE_SCOPE_LABELS,
  type Licence,
  PROCUREMENT_ROUTE_LABELS,
  SCHOOL_FORM_LABELS,
  type SchoolForm,
} from '@licensregistret/domain';

import type { ExportColumn } from '../common/export/spreadsheet-export';

const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  NOTICE: 'Uppsägning',
  EXTENSION: 'Förlängning',
};

/** An agreement with its supplier's organisation number, which identifies the supplier on import. */
export type ExportedAgreement = Agreement & { supplierOrganisationNumber: string };

/** A licence with its agreement's supplier's organisation number (agreement numbers are per supplier). */
export type ExportedLicence = Licence & { supplierOrganisationNumber: string };

const forms = (schoolForms: readonly SchoolForm[]) =>
  schoolForms.map((form) => SCHOOL_FORM_LABELS[form]).join(', ');

/**
 * The agreement export's columns, under Swedish headers; the first five as the grid shows. The
 * import reads the same headers (the derived ones, such as Status and Dagar kvar, it ignores);
 * the terms after Avtalsansvarig are there so that an export can be imported again.
 */
export const AGREEMENT_EXPORT_COLUMNS: readonly ExportColumn<ExportedAgreement>[] = [
  { header: 'Avtalsnummer', value: (a) => a.agreementNumber, width: 18 },
  { header: 'Diarienummer', value: (a) => a.caseNumber, width: 18 },
  { header: 'Tjänster', value: (a) => a.services.map((service) => service.name).join(', ') },
  { header: 'Leverantör', value: (a) => a.supplierName },
  { header: 'Status', value: (a) => CONTRACT_STATUS_LABELS[a.status], width: 26 },
  { header: 'Upphandlingsform', value: (a) => PROCUREMENT_ROUTE_LABELS[a.procurementRoute] },
  { header: 'Undertecknat', kind: 'date', value: (a) => a.signedOn },
  { header: 'Startdatum', kind: 'date', value: (a) => a.startsOn },
  { header: 'Slutdatum', kind: 'date', value: (a) => a.endsOn },
  { header: 'Sista dag att säga upp', kind: 'date', value: (a) => a.lastDayToGiveNotice },
  { header: 'Nästa beslut', value: (a) => DEADLINE_KIND_LABELS[a.nextDeadline.kind], width: 14 },
  { header: 'Nästa beslut senast', kind: 'date', value: (a) => a.nextDeadline.date },
  { header: 'Åtgärd från', kind: 'date', value: (a) => a.nextDeadline.actionFrom },
  { header: 'Dagar kvar', kind: 'integer', value: (a) => a.daysLeft },
  { header: 'Förlängningar kvar', kind: 'integer', value: (a) => a.extensionOptionsLeft },
  { header: 'Förnyas automatiskt', kind: 'boolean', value: (a) => a.renewsAutomatically },
  { header: 'Årskostnad (kr)', kind: 'sek', value: (a) => a.annualCost },
  { header: 'Kostnadsmodell', value: (a) => COST_MODEL_LABELS[a.costModel] },
  {
    header: 'Personuppgiftsbiträdesavtal undertecknat',
    kind: 'date',
    value: (a) => a.dataProcessingAgreement.signedOn,
  },
  { header: 'Avtalsansvarig', value: (a) => a.ownerName },
  { header: 'Leverantörens organisationsnummer', value: (a) => a.supplierOrganisationNumber },
  { header: 'Ramavtal', value: (a) => a.frameworkName },
  { header: 'Avropsreferens', value: (a) => a.callOffReference },
  { header: 'Förlängningsoptioner', kind: 'integer', value: (a) => a.extensionOptions },
  { header: 'Månader per förlängning', kind: 'integer', value: (a) => a.extensionMonths },
  { header: 'Utnyttjade förlängningar', kind: 'integer', value: (a) => a.extensionOptionsUsed },
  { header: 'Förlängningsbeslut senast', kind: 'date', value: (a) => a.nextExtensionDecisionBy },
  { header: 'Uppsägningstid (månader)', kind: 'integer', value: (a) => a.noticePeriodMonths },
  { header: 'Framförhållning (dagar)', kind: 'integer', value: (a) => a.internalLeadDays },
  { header: 'Avtalets skolformer', value: (a) => forms(a.scopeSchoolForms) },
  {
    header: 'Personuppgiftsbiträdesavtal finns',
    kind: 'boolean',
    value: (a) => a.dataProcessingAgreement.signed,
  },
  { header: 'Underbiträden', value: (a) => a.dataProcessingAgreement.subProcessors.join(', ') },
  { header: 'Avslutat', kind: 'date', value: (a) => a.terminatedOn },
];

/** The licence export's columns. */
export const LICENCE_EXPORT_COLUMNS: readonly ExportColumn<ExportedLicence>[] = [
  { header: 'Tjänst', value: (l) => l.serviceName },
  { header: 'Avtalsnummer', value: (l) => l.agreementNumber, width: 18 },
  { header: 'Omfattning', value: (l) => LICENCE_SCOPE_LABELS[l.scope] },
  { header: 'Skolformer', value: (l) => forms(l.schoolForms) },
  { header: 'Skolenheter', value: (l) => l.units.map((unit) => unit.name).join(', '), width: 40 },
  { header: 'Antal platser', kind: 'integer', value: (l) => l.seatCount },
  { header: 'Platser i bruk', kind: 'integer', value: (l) => l.seatsInUse },
  { header: 'Startdatum', kind: 'date', value: (l) => l.startsOn },
  { header: 'Slutdatum', kind: 'date', value: (l) => l.endsOn },
  { header: 'Leverantörens organisationsnummer', value: (l) => l.supplierOrganisationNumber },
];
