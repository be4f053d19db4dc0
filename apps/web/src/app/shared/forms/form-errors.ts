import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';

import { PROBLEM_TYPES, type ProblemDetails } from '@licensregistret/domain';

/** What is wrong with a form: messages per field (DTO property names) and for the whole form. */
export interface FormErrors {
  fields: Partial<Record<string, string[]>>;
  general: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

/** Swedish messages for one field: when the API refuses its value, and when it is taken. */
export interface FieldMessages {
  invalid: string;
  duplicate?: string;
}

export const VERSION_CONFLICT_MESSAGE =
  'Någon annan har ändrat uppgifterna. Ladda om sidan och försök igen.';
export const SAVE_FAILED_MESSAGE = 'Uppgifterna kunde inte sparas. Försök igen om en stund.';

export function hasErrors(errors: FormErrors): boolean {
  return errors.general.length > 0 || Object.values(errors.fields).some((list) => !!list?.length);
}

/** The problem+json body of an HTTP error, if it has one. */
export function problemOf(error: unknown): ProblemDetails | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  return body && typeof body === 'object' && 'status' in body ? (body as ProblemDetails) : null;
}

/** `body.schoolForms.0` -> `schoolForms`: the form field a refused path belongs to. */
function topField(path: string): string {
  return path.replace(/^body\./, '').split('.')[0];
}

/**
 * Turns a failed save into messages next to the fields, using the problem's `errors` list:
 * 400 refused values, 409 a value already in use (the field is named) or a stale version
 * (no field, or `version`). Fields without a Swedish message are summarised for the form.
 */
export function formErrorsFromHttp(
  error: unknown,
  messages: Record<string, FieldMessages>,
): FormErrors {
  const status = error instanceof HttpErrorResponse ? error.status : 0;
  const problem = problemOf(error);
  const fieldErrors = (problem?.errors ?? []).filter((item) => topField(item.field) !== 'version');
  const result: FormErrors = { fields: {}, general: [] };

  if (problem?.type === PROBLEM_TYPES.STALE_VERSION) {
    return { fields: {}, general: [VERSION_CONFLICT_MESSAGE] };
  }
  if (status === HttpStatusCode.Conflict && fieldErrors.length === 0) {
    return { fields: {}, general: [VERSION_CONFLICT_MESSAGE] };
  }
  if (status === HttpStatusCode.BadRequest || status === HttpStatusCode.Conflict) {
    for (const item of fieldErrors) {
      const field = topField(item.field);
      const known = messages[field];
      const message =
        status === HttpStatusCode.Conflict
          ? (known?.duplicate ?? `Värdet i fältet ${field} används redan.`)
          : known?.invalid;
      if (message) {
        const list = (result.fields[field] ??= []);
        if (!list.includes(message)) list.push(message);
      } else {
        result.general.push(`${field}: ${item.messages.join(' ')}`);
      }
    }
    if (hasErrors(result)) return result;
    return { fields: {}, general: [problem?.detail ?? problem?.title ?? SAVE_FAILED_MESSAGE] };
  }
  switch (status) {
    case HttpStatusCode.Forbidden:
      return {
        fields: {},
        general: [
          problem?.type === PROBLEM_TYPES.CSRF
            ? 'Sidan behöver laddas om innan du kan spara. Ladda om sidan och försök igen.'
            : 'Du saknar behörighet att spara de här uppgifterna.',
        ],
      };
    case HttpStatusCode.NotFound:
      return { fields: {}, general: ['Uppgifterna finns inte längre. De kan ha tagits bort.'] };
    default:
      return { fields: {}, general: [SAVE_FAILED_MESSAGE] };
  }
}
