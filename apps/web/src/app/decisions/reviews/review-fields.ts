import { Directive, inject, input } from '@angular/core';
import { ControlContainer } from '@angular/forms';

import type { FormErrors } from '../../shared/forms/form-errors';
import { REVIEW_FIELD_IDS } from './review-form';

/**
 * Lets a findings component's controls join the review page's form: its template's
 * `formGroupName` is then read against the page's `[formGroup]`.
 */
export const JOIN_PARENT_FORM = [
  {
    provide: ControlContainer,
    useFactory: () => inject(ControlContainer, { skipSelf: true }),
  },
];

/** The message for a field, or null. */
export function fieldError(errors: FormErrors, field: string): string | null {
  return errors.fields[field]?.join(' ') ?? null;
}

/** Ids for aria-describedby: the field's hint, then its error when it has one. */
export function describedBy(errors: FormErrors, field: string, hint?: string): string | null {
  const ids = [hint, fieldError(errors, field) ? `${REVIEW_FIELD_IDS[field]}-error` : null].filter(
    Boolean,
  );
  return ids.length > 0 ? ids.join(' ') : null;
}

/** What every findings component has: the form's errors, and its own part of the value. */
@Directive()
export abstract class FindingsFields<V> {
  readonly errors = input.required<FormErrors>();
  readonly value = input.required<V>();

  protected error(field: string): string | null {
    return fieldError(this.errors(), field);
  }

  protected describedBy(field: string, hint?: string): string | null {
    return describedBy(this.errors(), field, hint);
  }
}
