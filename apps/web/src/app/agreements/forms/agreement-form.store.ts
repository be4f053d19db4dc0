import { Injectable, inject, signal } from '@angular/core';
import { type Observable, firstValueFrom } from 'rxjs';

import type { Agreement, Supplier } from '@licensregistret/domain';

import type { FormErrors } from '../../shared/forms/form-errors';
import { AgreementsApi } from '../data/agreements-api';
import { SuppliersApi } from '../data/suppliers-api';
import {
  AGREEMENT_MESSAGES,
  type AgreementFormValue,
  toAgreementChange,
  toAgreementRequest,
  validateAgreement,
} from './agreement-form';
import { RecordFormStore } from './record-form.store';

/** A new agreement, or a change to one with its reason. */
@Injectable()
export class AgreementFormStore extends RecordFormStore<Agreement, AgreementFormValue> {
  private readonly api = inject(AgreementsApi);
  private readonly suppliersApi = inject(SuppliersApi);
  protected readonly messages = AGREEMENT_MESSAGES;

  private readonly suppliers$ = signal<Supplier[]>([]);
  /** The suppliers to choose from, by name. */
  readonly suppliers = this.suppliers$.asReadonly();

  protected override async loadChoices(): Promise<void> {
    this.suppliers$.set((await firstValueFrom(this.suppliersApi.listForChoice())).rows);
  }

  protected fetch(id: string): Observable<Agreement> {
    return this.api.get(id);
  }

  protected validate(value: AgreementFormValue): FormErrors {
    return validateAgreement(value, this.state().record !== null);
  }

  protected create(value: AgreementFormValue): Observable<Agreement> {
    return this.api.create(toAgreementRequest(value));
  }

  protected update(agreement: Agreement, value: AgreementFormValue): Observable<Agreement> {
    return this.api.update(agreement.id, {
      ...toAgreementChange(value),
      version: agreement.version,
    });
  }
}
