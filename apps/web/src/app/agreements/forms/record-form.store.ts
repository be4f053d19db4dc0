import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { computed, signal } from '@angular/core';
import { type Observable, firstValueFrom } from 'rxjs';

import {
  type FieldMessages,
  type FormErrors,
  NO_ERRORS,
  formErrorsFromHttp,
  hasErrors,
} from '../../shared/forms/form-errors';
import { staleCurrent } from '../../shared/forms/stale-version';

export interface Versioned {
  id: string;
  version: number;
}

export interface RecordFormState<T> {
  status: 'loading' | 'ready' | 'saving' | 'not-found' | 'load-failed';
  /** The version being changed; null for a new record. */
  record: T | null;
  errors: FormErrors;
  /** After a stale save (409): the record as someone else saved it. */
  conflict: T | null;
}

/**
 * Creating or changing one versioned record: loading it with the form's choices, checking and
 * saving the form, and a stale save (409) kept as `conflict` until the person redoes or drops
 * their edit.
 */
export abstract class RecordFormStore<T extends Versioned, V> {
  protected abstract readonly messages: Record<string, FieldMessages>;
  protected abstract fetch(id: string): Observable<T>;
  protected abstract validate(value: V): FormErrors;
  protected abstract create(value: V): Observable<T>;
  protected abstract update(record: T, value: V): Observable<T>;

  /** What the form offers to choose from, loaded with the record. */
  protected loadChoices(_record: T | null): Promise<void> {
    return Promise.resolve();
  }

  private readonly state$ = signal<RecordFormState<T>>({
    status: 'loading',
    record: null,
    errors: NO_ERRORS,
    conflict: null,
  });
  readonly state = this.state$.asReadonly();
  readonly errors = computed(() => this.state$().errors);

  async load(id: string | null): Promise<void> {
    this.state$.set({ status: 'loading', record: null, errors: NO_ERRORS, conflict: null });
    try {
      const record = id ? await firstValueFrom(this.fetch(id)) : null;
      await this.loadChoices(record);
      this.state$.set({ status: 'ready', record, errors: NO_ERRORS, conflict: null });
    } catch (error) {
      const notFound =
        error instanceof HttpErrorResponse && error.status === HttpStatusCode.NotFound;
      this.state$.update((state) => ({
        ...state,
        status: notFound ? 'not-found' : 'load-failed',
      }));
    }
  }

  /** Checks and saves the form: the saved record, or null (see `errors` and `conflict`). */
  async save(value: V): Promise<T | null> {
    const state = this.state$();
    if (state.status !== 'ready' || state.conflict) return null;
    const invalid = this.validate(value);
    if (hasErrors(invalid)) {
      this.state$.update((current) => ({ ...current, errors: invalid }));
      return null;
    }
    this.state$.update((current) => ({ ...current, status: 'saving', errors: NO_ERRORS }));
    try {
      const saved = await firstValueFrom(
        state.record ? this.update(state.record, value) : this.create(value),
      );
      this.state$.update((current) => ({ ...current, status: 'ready', record: saved }));
      return saved;
    } catch (error) {
      const conflict = state.record ? staleCurrent<T>(error) : null;
      this.state$.update((current) => ({
        ...current,
        status: 'ready',
        conflict,
        errors: conflict ? NO_ERRORS : formErrorsFromHttp(error, this.messages),
      }));
      return null;
    }
  }

  /** Takes the version someone else saved as the one being changed: the version read, and it. */
  rebase(): { read: T; current: T } | null {
    const { record, conflict } = this.state$();
    if (!record || !conflict) return null;
    this.state$.update((state) => ({ ...state, record: conflict, conflict: null }));
    return { read: record, current: conflict };
  }
}
