import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { Supplier } from '@licensregistret/domain';

import type { FormErrors } from '../../shared/forms/form-errors';
import { SuppliersApi } from '../data/suppliers-api';
import { RecordFormStore } from './record-form.store';
import {
  SUPPLIER_MESSAGES,
  type SupplierFormValue,
  toSupplierRequest,
  validateSupplier,
} from './supplier-form';

@Injectable()
export class SupplierFormStore extends RecordFormStore<Supplier, SupplierFormValue> {
  private readonly api = inject(SuppliersApi);
  protected readonly messages = SUPPLIER_MESSAGES;

  protected fetch(id: string): Observable<Supplier> {
    return this.api.get(id);
  }

  protected validate(value: SupplierFormValue): FormErrors {
    return validateSupplier(value);
  }

  protected create(value: SupplierFormValue): Observable<Supplier> {
    return this.api.create(toSupplierRequest(value));
  }

  protected update(record: Supplier, value: SupplierFormValue): Observable<Supplier> {
    return this.api.update(record.id, { ...toSupplierRequest(value), version: record.version });
  }
}
