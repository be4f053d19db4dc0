import { Injectable, inject, signal } from '@angular/core';
import { type Observable, firstValueFrom } from 'rxjs';

import type { DigitalService, Supplier } from '@licensregistret/domain';

import type { FormErrors } from '../../shared/forms/form-errors';
import { ServicesApi } from '../data/services-api';
import { SuppliersApi } from '../data/suppliers-api';
import { RecordFormStore } from './record-form.store';
import {
  SERVICE_MESSAGES,
  type ServiceFormValue,
  toServiceRequest,
  validateService,
} from './service-form';

@Injectable()
export class ServiceFormStore extends RecordFormStore<DigitalService, ServiceFormValue> {
  private readonly api = inject(ServicesApi);
  private readonly suppliersApi = inject(SuppliersApi);
  protected readonly messages = SERVICE_MESSAGES;

  private readonly suppliers$ = signal<Supplier[]>([]);
  readonly suppliers = this.suppliers$.asReadonly();

  protected override async loadChoices(): Promise<void> {
    this.suppliers$.set((await firstValueFrom(this.suppliersApi.listForChoice())).rows);
  }

  protected fetch(id: string): Observable<DigitalService> {
    return this.api.get(id);
  }

  protected validate(value: ServiceFormValue): FormErrors {
    return validateService(value);
  }

  protected create(value: ServiceFormValue): Observable<DigitalService> {
    return this.api.create(toServiceRequest(value));
  }

  protected update(service: DigitalService, value: ServiceFormValue): Observable<DigitalService> {
    return this.api.update(service.id, { ...toServiceRequest(value), version: service.version });
  }
}
