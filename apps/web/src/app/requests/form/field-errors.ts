import type { FormErrors } from '../../shared/forms/form-errors';

/** A field's messages as one text, or null when it has none. */
export function fieldError(errors: FormErrors, field: string): string | null {
  return errors.fields[field]?.join(' ') || null;
}

/** Ids for aria-describedby: the field's hint, then its error (`<control id>-error`) if any. */
export function describedBy(
  errors: FormErrors,
  field: string,
  fieldIds: Record<string, string>,
  hint?: string,
): string | null {
  const ids = [hint, fieldError(errors, field) ? `${fieldIds[field]}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : null;
}
