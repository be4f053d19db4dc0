import {
  DECISION_OUTCOME_LABELS,
  DECISION_REASON_LABELS,
  REQUEST_STATE_LABELS,
  type RequestSummary,
  SCHOOL_FORM_LABELS,
  todayInSweden,
} from '@licensregistret/domain';

import type { ExportColumn } from '../common/export/spreadsheet-export';

/** The day in Sweden of a moment; null for none. */
const dayOf = (moment: string | null) => (moment ? todayInSweden(new Date(moment)) : null);

/** The request export's columns: what the grid shows, under Swedish headers. */
export const REQUEST_EXPORT_COLUMNS: readonly ExportColumn<RequestSummary>[] = [
  { header: 'Begäran', kind: 'integer', value: (r) => r.number },
  { header: 'Verktyg', value: (r) => r.toolName },
  { header: 'Skolenhet', value: (r) => r.unitName, width: 30 },
  { header: 'Status', value: (r) => REQUEST_STATE_LABELS[r.state] },
  { header: 'Begärd av', value: (r) => r.requesterName },
  {
    header: 'Skolformer',
    value: (r) => r.schoolForms.map((form) => SCHOOL_FORM_LABELS[form]).join(', '),
  },
  { header: 'Antal elever', kind: 'integer', value: (r) => r.pupilCount },
  { header: 'Skapad', kind: 'date', value: (r) => dayOf(r.createdAt) },
  { header: 'Inskickad', kind: 'date', value: (r) => dayOf(r.submittedAt) },
  { header: 'Dagar sedan inskickad', kind: 'integer', value: (r) => r.ageDays },
  { header: 'Efterfrågan (öppna begäranden)', kind: 'integer', value: (r) => r.demandCount },
  {
    header: 'Beslut',
    value: (r) => (r.decisionOutcome ? DECISION_OUTCOME_LABELS[r.decisionOutcome] : null),
  },
  {
    header: 'Skäl',
    value: (r) =>
      r.decisionReasons.map((reason) => DECISION_REASON_LABELS[reason].label).join(', '),
  },
];
