import { Injectable, inject, linkedSignal, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { ReviewsApi } from '../../requests/data/reviews-api';
import {
  type FormErrors,
  NO_ERRORS,
  formErrorsFromHttp,
  hasErrors,
} from '../../shared/forms/form-errors';
import { type OpenedRequest, PanelRequestStore } from './panel-request.store';
import {
  CHANGE_REPORTED_TEXT,
  SERVICE_CHANGE_MESSAGES,
  type ServiceChangeFormValue,
  toReportServiceChangeRequest,
  validateServiceChange,
} from './service-change-form';

/**
 * Reporting a new version, migration or sub-processor of the open request's service: its reviews
 * are due again, so the request (its reviews and approval blockers) is read again. What was said
 * about a report is forgotten when another request is opened.
 */
@Injectable()
export class ServiceChangeStore {
  private readonly reviewsApi = inject(ReviewsApi);
  private readonly request = inject(PanelRequestStore);

  private readonly reporting$ = signal(false);
  private readonly errors$ = linkedSignal<OpenedRequest | null, FormErrors>({
    source: this.request.opened,
    computation: () => NO_ERRORS,
  });
  private readonly notice$ = linkedSignal<OpenedRequest | null, string | null>({
    source: this.request.opened,
    computation: () => null,
  });

  /** Whether a change of the service is being reported. */
  readonly reporting = this.reporting$.asReadonly();
  readonly errors = this.errors$.asReadonly();
  /** Said once a change of the service is reported and the request read again. */
  readonly notice = this.notice$.asReadonly();

  /** Reports the change for the request's service; true when it was reported. */
  async reportChange(value: ServiceChangeFormValue): Promise<boolean> {
    const opened = this.request.opened();
    const serviceId = this.request.request()?.serviceId ?? null;
    if (!opened || serviceId === null || this.reporting$()) return false;
    this.notice$.set(null);
    const invalid = validateServiceChange(value);
    if (hasErrors(invalid)) {
      this.errors$.set(invalid);
      return false;
    }
    const stillOpen = () => this.request.opened() === opened;
    this.errors$.set(NO_ERRORS);
    this.reporting$.set(true);
    try {
      await firstValueFrom(
        this.reviewsApi.reportChange(serviceId, toReportServiceChangeRequest(value)),
      );
      if (!stillOpen()) return false;
      await this.request.load();
      if (!stillOpen()) return false;
      this.notice$.set(CHANGE_REPORTED_TEXT);
      return true;
    } catch (error) {
      if (stillOpen()) this.errors$.set(formErrorsFromHttp(error, SERVICE_CHANGE_MESSAGES));
      return false;
    } finally {
      this.reporting$.set(false);
    }
  }
}
