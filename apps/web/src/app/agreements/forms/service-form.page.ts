import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import {
  CATALOGUE_STATUSES,
  CATALOGUE_STATUS_LABELS,
  DATA_LOCATIONS,
  DATA_LOCATION_LABELS,
  type DigitalService,
  PERSONAL_DATA_KINDS,
  PERSONAL_DATA_LABELS,
  SCHOOL_FORMS,
  SCHOOL_FORM_LABELS,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  SIGN_IN_METHODS,
  SIGN_IN_METHOD_LABELS,
} from '@licensregistret/domain';

import { DocumentsSection } from '../../shared/documents/documents-section';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { StaleVersionPanel } from '../../shared/forms/stale-version-panel';
import { AGREEMENT_PATHS } from '../agreement-paths';
import { RecordFormPage } from './record-form.page';
import {
  SERVICE_FIELD_IDS,
  SERVICE_LABELS,
  type ServiceFormValue,
  serviceFieldText,
  toServiceFormValue,
} from './service-form';
import { ServiceFormStore } from './service-form.store';

/** One choice list of the form: its control, label and options. */
interface ChoiceField {
  field: 'category' | 'signInMethod' | 'personalData' | 'dataLocation' | 'catalogueStatus';
  label: string;
  options: readonly { value: string; label: string }[];
}

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((value) => ({ value, label: labels[value] }));

/** Creates a digital service (`tjanster/ny`) or changes one (`tjanster/:id`). */
@Component({
  selector: 'lr-service-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ErrorSummary, StaleVersionPanel, DocumentsSection],
  providers: [ServiceFormStore],
  templateUrl: './service-form.page.html',
  styleUrl: './record-form.css',
})
export class ServiceFormPage extends RecordFormPage<DigitalService, ServiceFormValue> {
  protected readonly store = inject(ServiceFormStore);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly listPath = AGREEMENT_PATHS.services;
  protected readonly labels = SERVICE_LABELS;
  protected readonly fieldIds = SERVICE_FIELD_IDS;
  protected readonly schoolForms = SCHOOL_FORMS;
  protected readonly schoolFormLabels = SCHOOL_FORM_LABELS;
  protected readonly choices: readonly ChoiceField[] = [
    {
      field: 'category',
      label: 'Kategori',
      options: options(SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS),
    },
    {
      field: 'signInMethod',
      label: 'Inloggning',
      options: options(SIGN_IN_METHODS, SIGN_IN_METHOD_LABELS),
    },
    {
      field: 'personalData',
      label: 'Personuppgifter som tjänsten behandlar',
      options: options(PERSONAL_DATA_KINDS, PERSONAL_DATA_LABELS),
    },
    {
      field: 'dataLocation',
      label: 'Var uppgifterna lagras',
      options: options(DATA_LOCATIONS, DATA_LOCATION_LABELS),
    },
    {
      field: 'catalogueStatus',
      label: 'Status i katalogen',
      options: options(CATALOGUE_STATUSES, CATALOGUE_STATUS_LABELS),
    },
  ];

  protected readonly form = this.fb.group({
    ...toServiceFormValue(null),
    schoolForms: this.fb.group(toServiceFormValue(null).schoolForms),
  });

  protected readonly heading = computed(() => {
    const service = this.state().record;
    return this.isNew() ? 'Ny tjänst' : service ? `Ändra ${service.name}` : 'Ändra tjänst';
  });
  protected readonly suppliers = computed(() => {
    const suppliers = this.store.suppliers().map(({ id, name }) => ({ id, name }));
    const service = this.state().record;
    return service && !suppliers.some((supplier) => supplier.id === service.supplierId)
      ? [{ id: service.supplierId, name: service.supplierName }, ...suppliers]
      : suppliers;
  });

  protected toFormValue(service: DigitalService | null): ServiceFormValue {
    return toServiceFormValue(service);
  }

  protected override show(field: string, service: DigitalService): string {
    return serviceFieldText(field, service);
  }

  protected afterSave(): Promise<boolean> {
    return this.router.navigateByUrl(this.listPath);
  }
}
