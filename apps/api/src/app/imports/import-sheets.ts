import {
  CATALOGUE_STATUS_LABELS,
  COST_MODEL_LABELS,
  DATA_LOCATION_LABELS,
  type ImportSheet,
  LICENCE_SCOPE_LABELS,
  PERSONAL_DATA_LABELS,
  PROCUREMENT_ROUTE_LABELS,
  SCHOOL_FORM_LABELS,
  SERVICE_CATEGORY_LABELS,
  SIGN_IN_METHOD_LABELS,
} from '@licensregistret/domain';

/**
 * How a column's cells are read: `labels` maps a code to its Swedish label (the export writes the
 * label; the code is taken too), `forms` is a list of school form labels, `list` a comma list.
 */
export type CellKind =
  | 'text'
  | 'organisationNumber'
  | 'email'
  | 'url'
  | 'date'
  | 'integer'
  | 'sek'
  | 'boolean'
  | 'forms'
  | 'list'
  | { labels: Record<string, string> };

export interface ImportColumn {
  header: string;
  key: string;
  kind: CellKind;
  required?: boolean;
  /** Longest text, in characters. */
  max?: number;
  /** Text that may run over several lines (other text may not hold control characters). */
  multiline?: boolean;
  /** What an empty cell means, when not null. */
  empty?: unknown;
}

export interface SheetSpec {
  sheet: ImportSheet;
  columns: readonly ImportColumn[];
  /** Headers the export writes that are derived (status, days left…): read past on import. */
  derived: readonly string[];
}

const SUPPLIER_ORG = 'Leverantörens organisationsnummer';

export const SUPPLIER_SHEET: SheetSpec = {
  sheet: 'Leverantörer',
  columns: [
    { header: 'Namn', key: 'name', kind: 'text', required: true, max: 200 },
    {
      header: 'Organisationsnummer',
      key: 'organisationNumber',
      kind: 'organisationNumber',
      required: true,
    },
    { header: 'Kontaktperson', key: 'contactName', kind: 'text', max: 200 },
    { header: 'E-post', key: 'contactEmail', kind: 'email' },
    { header: 'Webbadress', key: 'webAddress', kind: 'url' },
  ],
  derived: [],
};

export const SERVICE_SHEET: SheetSpec = {
  sheet: 'Tjänster',
  columns: [
    { header: 'Namn', key: 'name', kind: 'text', required: true, max: 200 },
    { header: SUPPLIER_ORG, key: 'supplierOrg', kind: 'organisationNumber', required: true },
    {
      header: 'Kategori',
      key: 'category',
      kind: { labels: SERVICE_CATEGORY_LABELS },
      required: true,
    },
    {
      header: 'Beskrivning',
      key: 'description',
      kind: 'text',
      max: 4000,
      empty: '',
      multiline: true,
    },
    { header: 'Skolformer', key: 'schoolForms', kind: 'forms', empty: [] },
    { header: 'Språk', key: 'languages', kind: 'list', max: 50, empty: [] },
    { header: 'Webbadress', key: 'webAddress', kind: 'url' },
    {
      header: 'Inloggning',
      key: 'signInMethod',
      kind: { labels: SIGN_IN_METHOD_LABELS },
      required: true,
    },
    {
      header: 'Personuppgifter',
      key: 'personalData',
      kind: { labels: PERSONAL_DATA_LABELS },
      required: true,
    },
    {
      header: 'Lagring av data',
      key: 'dataLocation',
      kind: { labels: DATA_LOCATION_LABELS },
      required: true,
    },
    {
      header: 'Katalogstatus',
      key: 'catalogueStatus',
      kind: { labels: CATALOGUE_STATUS_LABELS },
      required: true,
    },
  ],
  derived: ['Leverantör'],
};

export const AGREEMENT_SHEET: SheetSpec = {
  sheet: 'Avtal',
  columns: [
    { header: 'Avtalsnummer', key: 'agreementNumber', kind: 'text', required: true, max: 100 },
    { header: 'Diarienummer', key: 'caseNumber', kind: 'text', required: true, max: 100 },
    {
      header: 'Upphandlingsform',
      key: 'procurementRoute',
      kind: { labels: PROCUREMENT_ROUTE_LABELS },
      required: true,
    },
    { header: 'Undertecknat', key: 'signedOn', kind: 'date' },
    { header: 'Startdatum', key: 'startsOn', kind: 'date', required: true },
    { header: 'Slutdatum', key: 'endsOn', kind: 'date', required: true },
    { header: 'Förnyas automatiskt', key: 'renewsAutomatically', kind: 'boolean', required: true },
    { header: 'Årskostnad (kr)', key: 'annualCost', kind: 'sek', required: true },
    {
      header: 'Kostnadsmodell',
      key: 'costModel',
      kind: { labels: COST_MODEL_LABELS },
      required: true,
    },
    { header: 'Personuppgiftsbiträdesavtal undertecknat', key: 'dpaSignedOn', kind: 'date' },
    { header: 'Avtalsansvarig', key: 'ownerName', kind: 'text', max: 200 },
    { header: SUPPLIER_ORG, key: 'supplierOrg', kind: 'organisationNumber', required: true },
    { header: 'Ramavtal', key: 'frameworkName', kind: 'text', max: 300 },
    { header: 'Avropsreferens', key: 'callOffReference', kind: 'text', max: 200 },
    { header: 'Förlängningsoptioner', key: 'extensionOptions', kind: 'integer', empty: 0 },
    { header: 'Månader per förlängning', key: 'extensionMonths', kind: 'integer', empty: 0 },
    { header: 'Utnyttjade förlängningar', key: 'extensionOptionsUsed', kind: 'integer', empty: 0 },
    { header: 'Förlängningsbeslut senast', key: 'nextExtensionDecisionBy', kind: 'date' },
    {
      header: 'Uppsägningstid (månader)',
      key: 'noticePeriodMonths',
      kind: 'integer',
      required: true,
    },
    { header: 'Framförhållning (dagar)', key: 'internalLeadDays', kind: 'integer', empty: 60 },
    { header: 'Avtalets skolformer', key: 'scopeSchoolForms', kind: 'forms', empty: [] },
    {
      header: 'Personuppgiftsbiträdesavtal finns',
      key: 'dpaSigned',
      kind: 'boolean',
      empty: false,
    },
    { header: 'Underbiträden', key: 'subProcessors', kind: 'list', max: 200, empty: [] },
    { header: 'Avslutat', key: 'terminatedOn', kind: 'date' },
  ],
  derived: [
    'Tjänster',
    'Leverantör',
    'Status',
    'Sista dag att säga upp',
    'Nästa beslut',
    'Nästa beslut senast',
    'Åtgärd från',
    'Dagar kvar',
    'Förlängningar kvar',
  ],
};

export const LICENCE_SHEET: SheetSpec = {
  sheet: 'Licenser',
  columns: [
    { header: 'Tjänst', key: 'serviceName', kind: 'text', required: true, max: 200 },
    { header: 'Avtalsnummer', key: 'agreementNumber', kind: 'text', required: true, max: 100 },
    { header: 'Omfattning', key: 'scope', kind: { labels: LICENCE_SCOPE_LABELS }, required: true },
    { header: 'Skolformer', key: 'schoolForms', kind: 'forms', empty: [] },
    { header: 'Skolenheter', key: 'units', kind: 'text', empty: '' },
    { header: 'Antal platser', key: 'seatCount', kind: 'integer' },
    { header: 'Platser i bruk', key: 'seatsInUse', kind: 'integer' },
    { header: 'Startdatum', key: 'startsOn', kind: 'date', required: true },
    { header: 'Slutdatum', key: 'endsOn', kind: 'date', required: true },
    { header: SUPPLIER_ORG, key: 'supplierOrg', kind: 'organisationNumber' },
  ],
  derived: [],
};

export const SHEET_SPECS: readonly SheetSpec[] = [
  SUPPLIER_SHEET,
  SERVICE_SHEET,
  AGREEMENT_SHEET,
  LICENCE_SHEET,
];

/** School form labels (and codes) for error messages. */
export const SCHOOL_FORM_NAMES = Object.values(SCHOOL_FORM_LABELS).join(', ');
