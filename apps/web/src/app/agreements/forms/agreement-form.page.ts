import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import {
  type Agreement,
  COST_MODELS,
  COST_MODEL_LABELS,
  PROCUREMENT_ROUTES,
  PROCUREMENT_ROUTE_LABELS,
  SCHOOL_FORMS,
  SCHOOL_FORM_LABELS,
} from '@licensregistret/domain';

import { DateInput } from '../../shared/forms/date-input';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { StaleVersionPanel } from '../../shared/forms/stale-version-panel';
import { AGREEMENT_PATHS } from '../agreement-paths';
import {
  AGREEMENT_FIELD_IDS,
  AGREEMENT_FORM_LABELS,
  type AgreementFormValue,
  REASON_MAX_LENGTH,
  agreementTermText,
  toAgreementFormValue,
} from './agreement-form';
import { AgreementFormStore } from './agreement-form.store';
import { RecordFormPage } from './record-form.page';

/**
 * A new agreement (`avtal/nytt`) or a change to one (`avtal/:id/andra`), which asks why.
 * With `?licensiera=<requestId>` the new agreement is made while licensing that request, and
 * saving goes back there.
 */
@Component({
  selector: 'lr-agreement-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ErrorSummary, StaleVersionPanel, DateInput],
  providers: [AgreementFormStore],
  templateUrl: './agreement-form.page.html',
  styleUrl: './record-form.css',
})
export class AgreementFormPage extends RecordFormPage<Agreement, AgreementFormValue> {
  protected readonly store = inject(AgreementFormStore);
  private readonly router = inject(Router);

  /** Query parameter: the request being licensed, whose page saving returns to. */
  readonly licensiera = input<string>();
  /** Query parameter: the supplier to preselect on a new agreement. */
  readonly leverantor = input<string>();

  protected readonly labels = AGREEMENT_FORM_LABELS;
  protected readonly fieldIds = AGREEMENT_FIELD_IDS;
  protected readonly routes = PROCUREMENT_ROUTES;
  protected readonly routeLabels = PROCUREMENT_ROUTE_LABELS;
  protected readonly costModels = COST_MODELS;
  protected readonly costModelLabels = COST_MODEL_LABELS;
  protected readonly schoolForms = SCHOOL_FORMS;
  protected readonly schoolFormLabels = SCHOOL_FORM_LABELS;
  protected readonly reasonMaxLength = REASON_MAX_LENGTH;
  protected readonly suppliersPath = AGREEMENT_PATHS.suppliers;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    ...toAgreementFormValue(null),
    extensionOptions: this.fb.control<number | null>(0),
    extensionMonths: this.fb.control<number | null>(12),
    extensionOptionsUsed: this.fb.control<number | null>(0),
    noticePeriodMonths: this.fb.control<number | null>(3),
    internalLeadDays: this.fb.control<number | null>(60),
    scopeSchoolForms: this.fb.group(toAgreementFormValue(null).scopeSchoolForms),
  });

  protected readonly heading = computed(() => {
    const agreement = this.state().record;
    if (this.isNew()) return 'Nytt avtal';
    return agreement ? `Ändra avtal ${agreement.agreementNumber}` : 'Ändra avtal';
  });
  /** Where "Avbryt" goes: the licensing, the agreement, or the list. */
  protected readonly backPath = computed(() => {
    const requestId = this.licensiera();
    const id = this.recordId();
    if (requestId && !id) return AGREEMENT_PATHS.licensing(requestId);
    return id ? AGREEMENT_PATHS.agreement(id) : AGREEMENT_PATHS.list;
  });
  /** The suppliers to choose from, keeping the agreement's own if it is not among them. */
  protected readonly suppliers = computed(() => {
    const suppliers = this.store.suppliers().map(({ id, name }) => ({ id, name }));
    const agreement = this.state().record;
    return agreement && !suppliers.some((supplier) => supplier.id === agreement.supplierId)
      ? [{ id: agreement.supplierId, name: agreement.supplierName }, ...suppliers]
      : suppliers;
  });

  protected toFormValue(agreement: Agreement | null): AgreementFormValue {
    return toAgreementFormValue(agreement, { supplierId: this.leverantor() });
  }

  protected override show(field: string, agreement: Agreement): string {
    return agreementTermText(field, agreement);
  }

  protected afterSave(agreement: Agreement): Promise<boolean> {
    const requestId = this.licensiera();
    if (requestId && this.isNew()) {
      return this.router.navigate([AGREEMENT_PATHS.licensing(requestId)], {
        queryParams: { avtal: agreement.id },
      });
    }
    return this.router.navigateByUrl(AGREEMENT_PATHS.agreement(agreement.id));
  }
}
