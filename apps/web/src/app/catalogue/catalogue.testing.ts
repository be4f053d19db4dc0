import type { CatalogueEntry, ToolMatch } from '@licensregistret/domain';

/** A catalogue entry as the API answers, for tests; Polylino unless overridden. */
export function testEntry(overrides: Partial<CatalogueEntry> = {}): CatalogueEntry {
  return {
    id: 'svc-polylino',
    name: 'Polylino',
    supplierId: 's-nok',
    supplierName: 'Natur & Kultur (Polylino)',
    category: 'LEARNING_MATERIAL',
    description: 'Inlästa bilderböcker sorterade efter ämne och språk.',
    schoolForms: ['FS', 'GR'],
    languages: ['svenska', 'arabiska'],
    webAddress: 'https://www.polylino.se',
    signInMethod: 'FEDERATION',
    personalData: 'PUPILS_ORDINARY',
    dataLocation: 'EU_EEA',
    catalogueStatus: 'APPROVED',
    conditions: '',
    publicConditions: '',
    version: 1,
    licensedUnits: [],
    ...overrides,
  };
}

/** A tool the request form's search found, for tests; Polylino, approved, unless overridden. */
export function testToolMatch(overrides: Partial<ToolMatch> = {}): ToolMatch {
  return {
    serviceId: 'svc-polylino',
    name: 'Polylino',
    supplierName: 'Natur & Kultur (Polylino)',
    category: 'LEARNING_MATERIAL',
    catalogueStatus: 'APPROVED',
    decidedOn: '2025-01-10',
    licensedUnits: [],
    rejection: null,
    requests: [],
    ...overrides,
  };
}
