import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom, forkJoin, map, of } from 'rxjs';

import { type Account, MAX_PAGE_SIZE, type UnitRef, countedTotal } from '@licensregistret/domain';

import { SchoolUnitsApi } from '../../shared/data/school-units-api';
import {
  type FormErrors,
  NO_ERRORS,
  formErrorsFromHttp,
  hasErrors,
} from '../../shared/forms/form-errors';
import { AccountsApi } from '../data/accounts-api';
import {
  ACCOUNT_MESSAGES,
  type AccountFormValue,
  toCreateAccountRequest,
  toUpdateAccountRequest,
  validateAccount,
} from './account-form';

export interface AccountFormState {
  status: 'loading' | 'ready' | 'saving' | 'not-found' | 'load-failed';
  /** The account being changed; null for a new one. */
  account: Account | null;
  /** School units to choose from (the first MAX_PAGE_SIZE by name). */
  schoolUnits: UnitRef[];
  /** All units there are, to tell when the list above is cut short. */
  schoolUnitTotal: number;
  errors: FormErrors;
}

/** Creating or changing one account. */
@Injectable()
export class AccountFormStore {
  private readonly accounts = inject(AccountsApi);
  private readonly units = inject(SchoolUnitsApi);

  private readonly state$ = signal<AccountFormState>({
    status: 'loading',
    account: null,
    schoolUnits: [],
    schoolUnitTotal: 0,
    errors: NO_ERRORS,
  });
  readonly state = this.state$.asReadonly();
  readonly errors = computed(() => this.state$().errors);

  async load(id: string | null): Promise<void> {
    this.state$.update((state) => ({ ...state, status: 'loading', errors: NO_ERRORS }));
    try {
      const { account, units } = await firstValueFrom(
        forkJoin({
          account: id ? this.accounts.get(id) : of(null),
          units: this.units.list({ limit: MAX_PAGE_SIZE, sort: 'name:asc' }).pipe(
            map((page) => ({
              rows: page.rows.map(({ id, name }) => ({ id, name })),
              total: page.total,
            })),
          ),
        }),
      );
      // Keep the account's own units selectable even when they fall outside the first page.
      const listed = new Set(units.rows.map((unit) => unit.id));
      const extra = (account?.schoolUnits ?? []).filter((unit) => !listed.has(unit.id));
      this.state$.set({
        status: 'ready',
        account,
        schoolUnits: [...extra, ...units.rows],
        schoolUnitTotal: countedTotal(units),
        errors: NO_ERRORS,
      });
    } catch (error) {
      const notFound =
        error instanceof HttpErrorResponse && error.status === HttpStatusCode.NotFound;
      this.state$.update((state) => ({ ...state, status: notFound ? 'not-found' : 'load-failed' }));
    }
  }

  /** Checks and saves the form; true when saved. Errors land in `errors`. */
  async save(value: AccountFormValue): Promise<boolean> {
    const state = this.state$();
    if (state.status !== 'ready') return false;
    const invalid = validateAccount(value, state.account === null);
    if (hasErrors(invalid)) {
      this.state$.update((current) => ({ ...current, errors: invalid }));
      return false;
    }

    this.state$.update((current) => ({ ...current, status: 'saving', errors: NO_ERRORS }));
    try {
      const saved = await firstValueFrom(
        state.account
          ? this.accounts.update(
              state.account.id,
              toUpdateAccountRequest(value, state.account.version),
            )
          : this.accounts.create(toCreateAccountRequest(value)),
      );
      this.state$.update((current) => ({ ...current, status: 'ready', account: saved }));
      return true;
    } catch (error) {
      this.state$.update((current) => ({
        ...current,
        status: 'ready',
        errors: formErrorsFromHttp(error, ACCOUNT_MESSAGES),
      }));
      return false;
    }
  }
}
