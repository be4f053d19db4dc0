import {
  type Agreement,
  CONTRACT_STATUS_LABELS,
  COST_MODEL_LABELS,
  PROCUREMENT_ROUTE_LABELS,
} from '@licensregistret/domain';

import { type CsvValue, csvText } from '../../shared/download/csv';
import { DEADLINE_KIND_LABELS } from '../agreement-labels';

const COLUMNS: readonly { header: string; value: (agreement: Agreement) => CsvValue }[] = [
  { header: 'Avtalsnummer', value: (a) => a.agreementNumber },
  { header: 'Diarienummer', value: (a) => a.caseNumber },
  { header: 'Tjänster', value: (a) => a.services.map((service) => service.name).join(', ') },
  { header: 'Leverantör', value: (a) => a.supplierName },
  { header: 'Status', value: (a) => CONTRACT_STATUS_LABELS[a.status] },
  { header: 'Upphandlingsform', value: (a) => PROCUREMENT_ROUTE_LABELS[a.procurementRoute] },
  { header: 'Startdatum', value: (a) => a.startsOn },
  { header: 'Slutdatum', value: (a) => a.endsOn },
  { header: 'Sista dag att säga upp', value: (a) => a.lastDayToGiveNotice },
  { header: 'Nästa beslut', value: (a) => DEADLINE_KIND_LABELS[a.nextDeadline.kind] },
  { header: 'Nästa beslut senast', value: (a) => a.nextDeadline.date },
  { header: 'Åtgärd från', value: (a) => a.nextDeadline.actionFrom },
  { header: 'Dagar kvar', value: (a) => a.daysLeft },
  { header: 'Förlängningar kvar', value: (a) => a.extensionOptionsLeft },
  { header: 'Förnyas automatiskt', value: (a) => a.renewsAutomatically },
  { header: 'Årskostnad (kr)', value: (a) => a.annualCost },
  { header: 'Kostnadsmodell', value: (a) => COST_MODEL_LABELS[a.costModel] },
  { header: 'Avtalsansvarig', value: (a) => a.ownerName },
];

/** The Swedish header row of the agreement export. */
export const AGREEMENT_CSV_HEADER: readonly string[] = COLUMNS.map((column) => column.header);

/**
 * Agreements as a CSV file for Swedish Excel: one row each, in the order given, dates as
 * YYYY-MM-DD, the annual cost as a plain number with a decimal comma.
 */
export function agreementsCsv(agreements: readonly Agreement[]): string {
  return csvText(
    AGREEMENT_CSV_HEADER,
    agreements.map((agreement) => COLUMNS.map((column) => column.value(agreement))),
  );
}
