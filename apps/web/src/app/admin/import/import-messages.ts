import { type ImportRowError, NETWORK_GROUPS } from '@licensregistret/domain';

/** The CSV columns (and the whole file or header row) in the error table. */
export const IMPORT_COLUMN_LABELS: Record<string, string> = {
  name: 'Namn',
  code: 'Skolenhetskod',
  forms: 'Skolformer',
  pupils: 'Elever',
  group: 'Nätverksgrupp',
  header: 'Rubrikraden',
  csv: 'Hela filen',
};

type Params = ImportRowError['params'];

/** The refused cell, quoted; "tom" for an empty one. */
function cell(params: Params): string {
  const value = String(params['value'] ?? '').trim();
  return value === '' ? 'Fältet är tomt' : `”${value}”`;
}

const MESSAGES: Record<ImportRowError['code'], (params: Params) => string> = {
  CSV_INVALID: () =>
    'Filen går inte att läsa som CSV. Kontrollera citattecknen och att varje rad har samma avgränsare.',
  HEADER_MISSING_COLUMNS: (params) =>
    `Rubrikraden saknar kolumnerna ${String(params['columns'] ?? '')}.`,
  NAME_REQUIRED: () => 'Namn saknas.',
  NAME_TOO_LONG: () => 'Namnet är för långt: högst 200 tecken.',
  NAME_UNSAFE: () =>
    'Namnet innehåller osynliga styrtecken (radbrytning, tabb eller tecken som vänder textens riktning). Skriv om namnet.',
  CODE_FORMAT: (params) =>
    `${cell(params)} är ingen skolenhetskod. Koden är åtta siffror, eller tom för en förskola.`,
  CODE_REPEATED: (params) =>
    `Skolenhetskoden ${String(params['code'] ?? '')} finns också på rad ${String(params['otherLine'] ?? '')}.`,
  CODE_TAKEN: (params) =>
    `Det finns redan en skolenhet med skolenhetskoden ${String(params['code'] ?? '')}.`,
  FORMS_INVALID: (params) =>
    `${cell(params)}: skolformerna går inte att läsa. Skriv till exempel FS GR:F-3 GR:4-6.`,
  PUPILS_INVALID: (params) => `${cell(params)}: antalet elever ska vara ett heltal, 0 eller fler.`,
  GROUP_UNKNOWN: (params) =>
    `${cell(params)}: nätverksgruppen ska vara en av ${NETWORK_GROUPS.join(', ')}.`,
};

/** An import error in Swedish, from its code and values; the API's English text as fallback. */
export function importErrorText(error: ImportRowError): string {
  const message = (MESSAGES as Partial<typeof MESSAGES>)[error.code];
  return message ? message(error.params ?? {}) : error.message;
}
