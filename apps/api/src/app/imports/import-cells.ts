import {
  SCHOOL_FORMS,
  SCHOOL_FORM_LABELS,
  type SchoolForm,
  isIsoDate,
  organisationNumberMessage,
} from '@licensregistret/domain';

import type { CellKind, ImportColumn } from './import-sheets';

export type CellResult = { value: unknown } | { error: string };

const MAX_INTEGER = 1_000_000_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const lower = (text: string) => text.trim().toLocaleLowerCase('sv');

/** A label (or the code itself) of an enumeration, whatever the case. */
function fromLabels(labels: Record<string, string>, text: string): string | null {
  const wanted = lower(text);
  for (const [code, label] of Object.entries(labels)) {
    if (lower(label) === wanted || lower(code) === wanted) return code;
  }
  return null;
}

/** A comma list of school forms by label (or code), in canonical order. */
export function parseForms(text: string): SchoolForm[] | { unknown: string } {
  const forms = new Set<SchoolForm>();
  for (const item of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const form = fromLabels(SCHOOL_FORM_LABELS, item) as SchoolForm | null;
    if (!form) return { unknown: item };
    forms.add(form);
  }
  return SCHOOL_FORMS.filter((form) => forms.has(form));
}

function parseKind(kind: CellKind, text: string, column: ImportColumn): CellResult {
  if (typeof kind === 'object') {
    const code = fromLabels(kind.labels, text);
    return code
      ? { value: code }
      : { error: `"${text}" är inte ett av värdena: ${Object.values(kind.labels).join(', ')}.` };
  }
  switch (kind) {
    case 'text':
      return column.max && text.length > column.max
        ? { error: `Högst ${column.max} tecken (här ${text.length}).` }
        : { value: text };
    case 'organisationNumber': {
      const message = organisationNumberMessage(text);
      return message ? { error: `"${text}": ${message}` } : { value: text };
    }
    case 'email':
      return EMAIL.test(text) && text.length <= 254
        ? { value: text }
        : { error: `"${text}" är ingen e-postadress.` };
    case 'url':
      try {
        const url = new URL(text);
        if (url.protocol === 'https:' || url.protocol === 'http:') return { value: text };
      } catch {
        // Falls through to the message.
      }
      return { error: `"${text}" är ingen webbadress (den börjar med https://).` };
    case 'date':
      return isIsoDate(text)
        ? { value: text }
        : { error: `"${text}" är inget datum: skriv ÅÅÅÅ-MM-DD, t.ex. 2026-08-01.` };
    case 'integer': {
      const compact = text.replace(/[\s\u00a0]/g, '');
      return /^\d{1,10}$/.test(compact) && Number(compact) <= MAX_INTEGER
        ? { value: Number(compact) }
        : { error: `"${text}" är inget heltal (0 eller mer).` };
    }
    case 'sek': {
      const compact = text
        .replace(/[\s\u00a0]/g, '')
        .replace(/kr$/i, '')
        .replace(',', '.');
      return /^\d{1,12}(\.\d{1,2})?$/.test(compact)
        ? { value: Number(compact) }
        : { error: `"${text}" är inget belopp i kronor (t.ex. 120000,50; högst två decimaler).` };
    }
    case 'boolean': {
      const answer = lower(text);
      if (answer === 'ja') return { value: true };
      if (answer === 'nej') return { value: false };
      return { error: `Skriv Ja eller Nej, inte "${text}".` };
    }
    case 'forms': {
      const forms = parseForms(text);
      return Array.isArray(forms)
        ? { value: forms }
        : {
            error: `"${forms.unknown}" är ingen skolform (${Object.values(SCHOOL_FORM_LABELS).join(', ')}).`,
          };
    }
    case 'list': {
      const items = [
        ...new Set(
          text
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean),
        ),
      ];
      const long = items.find((item) => column.max && item.length > column.max);
      return long ? { error: `"${long}" är längre än ${column.max} tecken.` } : { value: items };
    }
  }
}

/** A cell's value by its column, or what is wrong with it in Swedish. */
export function parseCell(column: ImportColumn, raw: string): CellResult {
  const text = raw.trim();
  if (text === '') {
    if (column.required) return { error: `${column.header} måste fyllas i.` };
    return { value: column.empty ?? null };
  }
  return parseKind(column.kind, text, column);
}
