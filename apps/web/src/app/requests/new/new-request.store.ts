import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import {
  type JoinRequestRequest,
  type RequestDetail,
  type ToolMatch,
  needsWhatChanged,
} from '@licensregistret/domain';

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
import { licenceFor, ownRequestFor } from './tool-options';

/** Messages of the join form ("Anslut min enhet"), by the API's field names. */
export const JOIN_MESSAGES = {
  unitId: {
    invalid: 'Välj vilken skolenhet som ansluter sig.',
    duplicate: 'Skolenheten har redan en begäran om verktyget eller har redan anslutit sig.',
  },
  pupilCount: { invalid: 'Ange antal elever som ett heltal, 0 eller fler.' },
  need: { invalid: 'Beskriv din enhets behov.' },
};

/** The join form's values as typed. */
export interface JoinFormValue {
  pupilCount: number | null;
  need: string;
}

/** Saving a new request as a draft, for one of the person's own school units. */
@Injectable()
export class NewRequestStore {
  private readonly api = inject(RequestsApi);
  private readonly auth = inject(AuthStore);

  private readonly saving$ = signal(false);
  private readonly errors$ = signal<FormErrors>(NO_ERRORS);
  private readonly joinErrors$ = signal<FormErrors>(NO_ERRORS);

  readonly saving = this.saving$.asReadonly();
  readonly errors = this.errors$.asReadonly();
  /** The errors of the join form ("Anslut min enhet"). */
  readonly joinErrors = this.joinErrors$.asReadonly();
  /** The units the person asks for: their own. */
  readonly units = computed(() => this.auth.user()?.schoolUnits ?? []);

  /**
   * Checks and saves the draft; the saved request, or null with the errors in `errors`.
   * `chosen` is the catalogue service picked: one the unit already has or asks for is refused,
   * and a rejected one needs what has changed.
   */
  async save(value: RequestFormValue, chosen: ToolMatch | null): Promise<RequestDetail | null> {
    if (this.saving$()) return null;
    const invalid = validateRequest(value);
    const catalogueTool = value.tool !== '' && value.tool !== NEW_TOOL ? chosen : null;
    if (
      catalogueTool &&
      (licenceFor(catalogueTool, value.unitId) || ownRequestFor(catalogueTool, value.unitId))
    ) {
      const duplicate = REQUEST_MESSAGES['serviceId'].duplicate ?? '';
      invalid.fields['serviceId'] = [duplicate];
    }
    if (
      catalogueTool &&
      needsWhatChanged(catalogueTool.catalogueStatus) &&
      !value.whatChanged.trim()
    ) {
      invalid.fields['whatChanged'] = [REQUEST_MESSAGES['whatChanged'].invalid];
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

  /**
   * "Anslut min enhet": the unit joins another unit's open request with its own pupils and need;
   * the request joined, or null with the errors in `joinErrors`.
   */
  async join(
    requestId: string,
    unitId: string,
    value: JoinFormValue,
  ): Promise<RequestDetail | null> {
    if (this.saving$()) return null;
    const fields: FormErrors['fields'] = {};
    if (!unitId) fields['unitId'] = [JOIN_MESSAGES.unitId.invalid];
    if (value.pupilCount === null || !Number.isInteger(value.pupilCount) || value.pupilCount < 0) {
      fields['pupilCount'] = [JOIN_MESSAGES.pupilCount.invalid];
    }
    if (!value.need.trim()) fields['need'] = [JOIN_MESSAGES.need.invalid];
    if (Object.keys(fields).length > 0) {
      this.joinErrors$.set({ fields, general: [] });
      return null;
    }
    const body: JoinRequestRequest = {
      unitId,
      pupilCount: value.pupilCount as number,
      need: value.need.trim(),
    };
    this.saving$.set(true);
    this.joinErrors$.set(NO_ERRORS);
    try {
      return await firstValueFrom(this.api.join(requestId, body));
    } catch (error) {
      this.joinErrors$.set(formErrorsFromHttp(error, JOIN_MESSAGES));
      return null;
    } finally {
      this.saving$.set(false);
    }
  }

  /** Forgets the join form's errors (it was closed or opened for another request). */
  clearJoinErrors(): void {
    this.joinErrors$.set(NO_ERRORS);
  }
}
