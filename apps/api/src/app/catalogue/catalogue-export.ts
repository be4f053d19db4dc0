import {
  CATALOGUE_STATUS_LABELS,
  DATA_LOCATION_LABELS,
  type DigitalService,
  PERSONAL_DATA_LABELS,
  SCHOOL_FORM_LABELS,
  SERVICE_CATEGORY_LABELS,
  SIGN_IN_METHOD_LABELS,
  type Supplier,
} from '@licensregistret/domain';

import type { ExportColumn } from '../common/export/spreadsheet-export';

/** The supplier export's columns (the import's Leverantörer sheet). */
export const SUPPLIER_EXPORT_COLUMNS: readonly ExportColumn<Supplier>[] = [
  { header: 'Namn', value: (s) => s.name, width: 30 },
  { header: 'Organisationsnummer', value: (s) => s.organisationNumber, width: 20 },
  { header: 'Kontaktperson', value: (s) => s.contactName },
  { header: 'E-post', value: (s) => s.contactEmail, width: 30 },
  { header: 'Webbadress', value: (s) => s.webAddress, width: 30 },
];

/** A service with its supplier's organisation number, which identifies the supplier on import. */
export type ExportedService = DigitalService & { supplierOrganisationNumber: string };

/** The service export's columns (the import's Tjänster sheet). */
export const SERVICE_EXPORT_COLUMNS: readonly ExportColumn<ExportedService>[] = [
  { header: 'Namn', value: (s) => s.name, width: 30 },
  { header: 'Leverantör', value: (s) => s.supplierName },
  { header: 'Leverantörens organisationsnummer', value: (s) => s.supplierOrganisationNumber },
  { header: 'Kategori', value: (s) => SERVICE_CATEGORY_LABELS[s.category] },
  { header: 'Beskrivning', value: (s) => s.description, width: 40 },
  {
    header: 'Skolformer',
    value: (s) => s.schoolForms.map((form) => SCHOOL_FORM_LABELS[form]).join(', '),
  },
  { header: 'Språk', value: (s) => s.languages.join(', ') },
  { header: 'Webbadress', value: (s) => s.webAddress, width: 30 },
  { header: 'Inloggning', value: (s) => SIGN_IN_METHOD_LABELS[s.signInMethod] },
  { header: 'Personuppgifter', value: (s) => PERSONAL_DATA_LABELS[s.personalData] },
  { header: 'Lagring av data', value: (s) => DATA_LOCATION_LABELS[s.dataLocation] },
  { header: 'Katalogstatus', value: (s) => CATALOGUE_STATUS_LABELS[s.catalogueStatus] },
];
