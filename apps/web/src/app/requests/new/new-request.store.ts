import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type { CatalogueEntry, RequestDetail } from '@licensregistret/domain';

import { AuthStore } from '../../core/auth/auth.store';
import {
  type FormErrors,
  NO_ERRORS,
  formErrorsFromHttp,
  hasErrors,
} from '../../shared/forms/form-errors';
import { RequestsApi } from '../data/requests-api';
import {
  NEW_TOOL,
  REQUEST_MESSAGES,
  type RequestFormValue,
  toRequestContent,
  validateRequest,
} from '../form/request-form';
import { licenceFor } from './tool-options';

/** Saving a new request as a draft, for one of the person's own school units. */
@Injectable()
export class NewRequestStore {
  private readonly api = inject(RequestsApi);
  private readonly auth = inject(AuthStore);

  private readonly saving$ = signal(false);
  private readonly errors$ = signal<FormErrors>(NO_ERRORS);

  readonly saving = this.saving$.asReadonly();
  readonly errors = this.errors$.asReadonly();
  /** The units the person asks for: their own. */
  readonly units = computed(() => this.auth.user()?.schoolUnits ?? []);

  /**
   * Checks and saves the draft; the saved request, or null with the errors in `errors`.
   * `chosen` is the catalogue service picked, to refuse one the unit already has.
   */
  async save(
    value: RequestFormValue,
    chosen: CatalogueEntry | null,
  ): Promise<RequestDetail | null> {
    if (this.saving$()) return null;
    const invalid = validateRequest(value);
    if (
      value.tool !== '' &&
      value.tool !== NEW_TOOL &&
      chosen &&
      licenceFor(chosen, value.unitId)
    ) {
      const duplicate = REQUEST_MESSAGES['serviceId'].duplicate ?? '';
      invalid.fields['serviceId'] = [duplicate];
    }
    if (hasErrors(invalid)) {
      this.errors$.set(invalid);
      return null;
    }

    this.saving$.set(true);
    this.errors$.set(NO_ERRORS);
    try {
      return await firstValueFrom(this.api.create(toRequestContent(value)));
    } catch (error) {
      this.errors$.set(formErrorsFromHttp(error, REQUEST_MESSAGES));
      return null;
    } finally {
      this.saving$.set(false);
    }
  }
}
