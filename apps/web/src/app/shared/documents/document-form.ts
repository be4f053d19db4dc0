import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';

import { DOCUMENT_KINDS, DOCUMENT_MAX_BYTES, type DocumentKind } from '@licensregistret/domain';

import { type FormErrors, NO_ERRORS, problemOf } from '../forms/form-errors';

export const KIND_MESSAGE = 'Välj vilken typ av dokument det är.';
export const NO_FILE_MESSAGE = 'Välj en fil att ladda upp.';
export const EMPTY_FILE_MESSAGE = 'Filen är tom. Välj en fil med innehåll.';
export const TOO_LARGE_MESSAGE = 'Filen är större än 20 MB. Välj en mindre fil.';
export const WRONG_TYPE_MESSAGE =
  'Filen är inte en PDF, DOCX, XLSX eller ODT. Typen avgörs av filens innehåll, inte av namnet.';
export const BROKEN_MESSAGE = 'Uppladdningen avbröts innan hela filen kom fram. Försök igen.';

/** What the upload form holds. */
export interface DocumentFormValue {
  kind: DocumentKind | '';
  file: File | null;
}

/** What can be told before sending: a kind, a file, not empty, not past the limit. */
export function validateDocumentForm(value: DocumentFormValue): FormErrors {
  const fields: FormErrors['fields'] = {};
  if (!DOCUMENT_KINDS.includes(value.kind as DocumentKind)) fields['kind'] = [KIND_MESSAGE];
  if (!value.file) fields['file'] = [NO_FILE_MESSAGE];
  else if (value.file.size === 0) fields['file'] = [EMPTY_FILE_MESSAGE];
  else if (value.file.size > DOCUMENT_MAX_BYTES) fields['file'] = [TOO_LARGE_MESSAGE];
  return Object.keys(fields).length > 0 ? { fields, general: [] } : NO_ERRORS;
}

/** A refused upload in Swedish, next to the field the API named. */
export function uploadErrors(error: unknown): FormErrors {
  const status = error instanceof HttpErrorResponse ? error.status : 0;
  const problem = problemOf(error);
  const named = new Set((problem?.errors ?? []).map((item) => item.field));
  switch (status) {
    case HttpStatusCode.PayloadTooLarge:
      return { fields: { file: [TOO_LARGE_MESSAGE] }, general: [] };
    case HttpStatusCode.UnsupportedMediaType:
      return { fields: { file: [WRONG_TYPE_MESSAGE] }, general: [] };
    case HttpStatusCode.BadRequest: {
      if (named.has('kind')) return { fields: { kind: [KIND_MESSAGE] }, general: [] };
      const text = (problem?.errors ?? []).flatMap((item) => item.messages).join(' ');
      if (named.has('file')) {
        const message = /empty/.test(text)
          ? EMPTY_FILE_MESSAGE
          : /broken off/.test(text)
            ? BROKEN_MESSAGE
            : NO_FILE_MESSAGE;
        return { fields: { file: [message] }, general: [] };
      }
      break;
    }
    case HttpStatusCode.Forbidden:
      return { fields: {}, general: ['Du har inte behörighet att lägga till dokument här.'] };
    case HttpStatusCode.NotFound:
      return { fields: {}, general: ['Posten finns inte längre. Ladda om sidan.'] };
    case HttpStatusCode.TooManyRequests:
    case HttpStatusCode.ServiceUnavailable:
      return {
        fields: {},
        general: ['Många laddar upp just nu. Försök igen om en stund.'],
      };
  }
  return { fields: {}, general: ['Dokumentet kunde inte laddas upp. Försök igen om en stund.'] };
}

/** A size in words: "820 kB", "4,2 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;
}
