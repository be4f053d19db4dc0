import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';

import { ACCESS_POLICY, type Role, mayCall } from '@licensregistret/domain';

import {
  type FieldMessages,
  type FormErrors,
  NO_ERRORS,
  formErrorsFromHttp,
} from '../../shared/forms/form-errors';

/** The longest comment the API takes (`text`, 1–4000 characters once trimmed). */
export const COMMENT_MAX_LENGTH = 4000;

export const COMMENT_MESSAGES: Record<string, FieldMessages> = {
  text: { invalid: 'Skriv en kommentar på högst 4 000 tecken.' },
};

const EMPTY_MESSAGE = 'Skriv en kommentar.';
const TOO_LONG_MESSAGE = 'Kommentaren får vara högst 4 000 tecken.';
const NOT_FOUND_MESSAGE =
  'Kommentaren kunde inte sparas: begäran finns inte längre, eller så kan du inte se den.';

/** Whether these roles may comment on a request (not read-only, not the administrator). */
export function mayComment(roles: readonly Role[] | null): boolean {
  return mayCall(ACCESS_POLICY['POST /api/requests/:id/comments'], roles);
}

/** What is wrong with a comment before it is sent: empty, or longer than the API takes. */
export function validateComment(text: string): FormErrors {
  const trimmed = text.trim();
  if (trimmed === '') return { fields: { text: [EMPTY_MESSAGE] }, general: [] };
  if (trimmed.length > COMMENT_MAX_LENGTH) {
    return { fields: { text: [TOO_LONG_MESSAGE] }, general: [] };
  }
  return NO_ERRORS;
}

/** A refused comment: a refused text at the field, a request gone (404) said as such. */
export function commentErrorsFromHttp(error: unknown): FormErrors {
  if (error instanceof HttpErrorResponse && error.status === HttpStatusCode.NotFound) {
    return { fields: {}, general: [NOT_FOUND_MESSAGE] };
  }
  return formErrorsFromHttp(error, COMMENT_MESSAGES);
}

/** What the status message says once a comment is saved and the history read again. */
export function commentSavedText(historyRead: boolean): string {
  return historyRead
    ? 'Kommentaren är sparad och visas nu i historiken.'
    : 'Kommentaren är sparad, men historiken kunde inte hämtas. Försök igen om en stund.';
}
