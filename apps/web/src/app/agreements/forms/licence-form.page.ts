import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import {
  LICENCE_SCOPES,
  LICENCE_SCOPE_LABELS,
  type Licence,
  type LicenceScope,
  SCHOOL_FORMS,
  SCHOOL_FORM_LABELS,
} from '@licensregistret/domain';

import { countText, schoolFormNames } from '../../shared/format/format';
import { DateInput } from '../../shared/forms/date-input';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { flagsOf } from '../../shared/forms/flags';
import { StaleVersionPanel } from '../../shared/forms/stale-version-panel';
import { AGREEMENT_PATHS } from '../agreement-paths';
import {
  LICENCE_FIELD_IDS,
  LICENCE_LABELS,
  type LicenceFormValue,
  licenceTermText,
  toLicenceFormValue,
} from './licence-form';
import { LicenceFormStore } from './licence-form.store';
import { RecordFormPage } from './record-form.page';

/** A new licence under an agreement (`avtal/:id/licenser/ny`) or a change to one. */
@Component({
  selector: 'lr-licence-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ErrorSummary, StaleVersionPanel, DateInput],
  providers: [LicenceFormStore],
  templateUrl: './licence-form.page.html',
  styleUrl: './record-form.css',
})
export class LicenceFormPage extends RecordFormPage<Licence, LicenceFormValue> {
  protected readonly store = inject(LicenceFormStore);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);

  /** Route parameter: the licence; absent for a new one (`id` is the agreement). */
  readonly licenceId = input<string>();

  protected readonly labels = LICENCE_LABELS;
  protected readonly fieldIds = LICENCE_FIELD_IDS;
  protected readonly scopes = LICENCE_SCOPES;
  protected readonly scopeLabels = LICENCE_SCOPE_LABELS;
  protected readonly schoolFormLabels = SCHOOL_FORM_LABELS;

  protected readonly form = this.fb.group({
    serviceId: [''],
    scope: this.fb.control<LicenceScope>('MUNICIPALITY'),
    schoolForms: this.fb.group(flagsOf(SCHOOL_FORMS)),
    unitIds: this.fb.control<string[]>([]),
    seatCount: this.fb.control<number | null>(null),
    seatsInUse: this.fb.control<number | null>(null),
    startsOn: [''],
    endsOn: [''],
  });
  private readonly scope = signal<LicenceScope>('MUNICIPALITY');
  private readonly unitIds = signal<readonly string[]>([]);
  protected readonly unitFilter = signal('');

  protected readonly agreement = this.store.agreement;
  protected readonly heading = computed(() => {
    const agreement = this.agreement();
    const suffix = agreement ? ` under avtal ${agreement.agreementNumber}` : '';
    return this.isNew() ? `Ny licens${suffix}` : `Ändra licens${suffix}`;
  });
  protected readonly backPath = computed(() => AGREEMENT_PATHS.agreement(this.id() ?? ''));
  /** The agreement's school forms (all when it names none). */
  protected readonly schoolForms = computed(() => {
    const scope = this.agreement()?.scopeSchoolForms ?? [];
    return scope.length > 0 ? SCHOOL_FORMS.filter((form) => scope.includes(form)) : SCHOOL_FORMS;
  });
  protected readonly scopeHint = computed(() => {
    const scope = this.agreement()?.scopeSchoolForms ?? [];
    return scope.length > 0
      ? `Avtalet gäller ${schoolFormNames(scope).toLowerCase()}, så licensen kan inte gälla hela kommunen.`
      : 'Avtalet gäller alla skolformer.';
  });
  /** The supplier's own services first, then the others (bought through a reseller). */
  protected readonly serviceGroups = computed(() => {
    const supplierId = this.agreement()?.supplierId;
    const services = this.store.services();
    return [
      {
        label: `${this.agreement()?.supplierName ?? 'Leverantörens'} tjänster`,
        services: services.filter((service) => service.supplierId === supplierId),
      },
      {
        label: 'Andra leverantörers tjänster',
        services: services.filter((service) => service.supplierId !== supplierId),
      },
    ].filter((group) => group.services.length > 0);
  });
  protected readonly showSchoolForms = computed(() => this.scope() === 'SCHOOL_FORMS');
  protected readonly showUnits = computed(() => this.scope() === 'UNITS');
  /** The units the agreement may license: those with one of its school forms (all without). */
  private readonly unitsInScope = computed(() => {
    const scope = this.agreement()?.scopeSchoolForms ?? [];
    return this.store
      .units()
      .filter(
        (unit) => scope.length === 0 || unit.schoolForms.some((form) => scope.includes(form)),
      );
  });
  protected readonly visibleUnits = computed(() => {
    const filter = this.unitFilter().trim().toLocaleLowerCase('sv');
    return this.unitsInScope().filter(
      (unit) => filter === '' || unit.name.toLocaleLowerCase('sv').includes(filter),
    );
  });
  protected readonly chosenUnits = computed(() => {
    const chosen = new Set(this.unitIds());
    return this.store.units().filter((unit) => chosen.has(unit.id));
  });
  protected readonly chosenText = computed(() =>
    this.chosenUnits().length === 0
      ? 'Ingen skolenhet vald.'
      : `${countText(this.chosenUnits().length, 'skolenhet', 'skolenheter')} valda: ${this.chosenUnits()
          .map((unit) => unit.name)
          .join(', ')}.`,
  );

  constructor() {
    super();
    this.form.controls.scope.valueChanges.subscribe((scope) => this.scope.set(scope));
    this.form.controls.unitIds.valueChanges.subscribe((ids) => this.unitIds.set(ids));
  }

  protected override recordId(): string | null {
    return this.licenceId() ?? null;
  }

  protected override loadRecord(): Promise<void> {
    return this.store.loadFor(this.id() ?? '', this.recordId());
  }

  protected toFormValue(licence: Licence | null): LicenceFormValue {
    return toLicenceFormValue(licence, this.agreement());
  }

  protected override show(field: string, licence: Licence): string {
    return licenceTermText(field, licence);
  }

  protected afterSave(): Promise<boolean> {
    return this.router.navigateByUrl(this.backPath());
  }

  protected isChosen(unitId: string): boolean {
    return this.unitIds().includes(unitId);
  }

  protected toggleUnit(unitId: string, event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    const ids = this.form.controls.unitIds.value.filter((id) => id !== unitId);
    this.form.controls.unitIds.setValue(on ? [...ids, unitId] : ids);
    this.form.markAsDirty();
  }

  protected filterUnits(event: Event): void {
    this.unitFilter.set((event.target as HTMLInputElement).value);
  }
}
