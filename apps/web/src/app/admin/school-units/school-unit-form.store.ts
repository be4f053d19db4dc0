import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom, forkJoin, map, of } from 'rxjs';

import type { Account, Administration, SchoolUnit } from '@licensregistret/domain';

import { SchoolUnitsApi } from '../../shared/data/school-units-api';
import {
  type FormErrors,
  NO_ERRORS,
  formErrorsFromHttp,
  hasErrors,
} from '../../shared/forms/form-errors';
import { AccountsApi } from '../data/accounts-api';
import { AdministrationsApi } from '../data/administrations-api';
import {
  SCHOOL_UNIT_MESSAGES,
  type SchoolUnitFormValue,
  toSchoolUnitRequest,
  validateSchoolUnit,
} from './school-unit-form';

export interface SchoolUnitFormState {
  status: 'loading' | 'ready' | 'saving' | 'not-found' | 'load-failed';
  /** The unit being changed; null for a new one. */
  unit: SchoolUnit | null;
  administrations: Administration[];
  /** Accounts that can be a unit's principal. */
  principals: Account[];
  errors: FormErrors;
}

/** Creating or changing one school unit: what the form offers, and saving it. */
@Injectable()
export class SchoolUnitFormStore {
  private readonly units = inject(SchoolUnitsApi);
  private readonly accounts = inject(AccountsApi);
  private readonly administrationsApi = inject(AdministrationsApi);

  private readonly state$ = signal<SchoolUnitFormState>({
    status: 'loading',
    unit: null,
    administrations: [],
    principals: [],
    errors: NO_ERRORS,
  });
  readonly state = this.state$.asReadonly();
  readonly errors = computed(() => this.state$().errors);

  /** Loads the choices, and the unit when `id` is given. */
  async load(id: string | null): Promise<void> {
    this.state$.update((state) => ({ ...state, status: 'loading', errors: NO_ERRORS }));
    try {
      const loaded = await firstValueFrom(
        forkJoin({
          administrations: this.administrationsApi.list(),
          principals: this.accounts
            .list({ role: 'PRINCIPAL', limit: 200, sort: 'displayName:asc' })
            .pipe(map((page) => page.rows)),
          unit: id ? this.units.get(id) : of(null),
        }),
      );
      this.state$.set({ ...loaded, status: 'ready', errors: NO_ERRORS });
    } catch (error) {
      const notFound =
        error instanceof HttpErrorResponse && error.status === HttpStatusCode.NotFound;
      this.state$.update((state) => ({
        ...state,
        status: notFound ? 'not-found' : 'load-failed',
      }));
    }
  }

  /** Checks and saves the form; true when saved. Errors land in `errors`. */
  async save(value: SchoolUnitFormValue): Promise<boolean> {
    const state = this.state$();
    if (state.status !== 'ready') return false;
    const invalid = validateSchoolUnit(value);
    if (hasErrors(invalid)) {
      this.state$.update((current) => ({ ...current, errors: invalid }));
      return false;
    }

    this.state$.update((current) => ({ ...current, status: 'saving', errors: NO_ERRORS }));
    const request = toSchoolUnitRequest(value);
    try {
      const saved = await firstValueFrom(
        state.unit
          ? this.units.update(state.unit.id, { ...request, version: state.unit.version })
          : this.units.create(request),
      );
      this.state$.update((current) => ({ ...current, status: 'ready', unit: saved }));
      return true;
    } catch (error) {
      this.state$.update((current) => ({
        ...current,
        status: 'ready',
        errors: formErrorsFromHttp(error, SCHOOL_UNIT_MESSAGES),
      }));
      return false;
    }
  }
}
