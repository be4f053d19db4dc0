import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import type { Supplier } from '@licensregistret/domain';

import { ErrorSummary } from '../../shared/forms/error-summary';
import { StaleVersionPanel } from '../../shared/forms/stale-version-panel';
import { AGREEMENT_PATHS } from '../agreement-paths';
import { RecordFormPage } from './record-form.page';
import {
  SUPPLIER_FIELD_IDS,
  SUPPLIER_LABELS,
  type SupplierFormValue,
  toSupplierFormValue,
} from './supplier-form';
import { SupplierFormStore } from './supplier-form.store';

/** Creates a supplier (`leverantorer/ny`) or changes one (`leverantorer/:id`). */
@Component({
  selector: 'lr-supplier-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ErrorSummary, StaleVersionPanel],
  providers: [SupplierFormStore],
  templateUrl: './supplier-form.page.html',
  styleUrl: './record-form.css',
})
export class SupplierFormPage extends RecordFormPage<Supplier, SupplierFormValue> {
  protected readonly store = inject(SupplierFormStore);
  private readonly router = inject(Router);

  protected readonly listPath = AGREEMENT_PATHS.suppliers;
  protected readonly labels = SUPPLIER_LABELS;
  protected readonly fieldIds = SUPPLIER_FIELD_IDS;
  protected readonly form = inject(NonNullableFormBuilder).group(toSupplierFormValue(null));
  protected readonly heading = computed(() => {
    const supplier = this.state().record;
    return this.isNew()
      ? 'Ny leverantör'
      : supplier
        ? `Ändra ${supplier.name}`
        : 'Ändra leverantör';
  });

  protected toFormValue(supplier: Supplier | null): SupplierFormValue {
    return toSupplierFormValue(supplier);
  }

  protected afterSave(): Promise<boolean> {
    return this.router.navigateByUrl(this.listPath);
  }
}
