import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  inject,
  input,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';

import {
  COMPULSORY_STAGES,
  NETWORK_GROUPS,
  type NetworkGroup,
  SCHOOL_FORMS,
  SCHOOL_FORM_LABELS,
} from '@licensregistret/domain';

import { ErrorSummary } from '../../shared/forms/error-summary';
import { flagsOf } from '../../shared/forms/flags';
import { ADMIN_PATHS } from '../admin-paths';
import {
  SCHOOL_UNIT_FIELD_IDS,
  type SchoolUnitFormValue,
  toSchoolUnitFormValue,
} from './school-unit-form';
import { SchoolUnitFormStore } from './school-unit-form.store';

/** Creates a school unit (`skolenheter/ny`) or changes one (`skolenheter/:id`). */
@Component({
  selector: 'lr-school-unit-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ErrorSummary],
  providers: [SchoolUnitFormStore],
  templateUrl: './school-unit-form.page.html',
  styleUrl: '../admin-form.css',
})
export class SchoolUnitFormPage implements OnInit {
  private readonly store = inject(SchoolUnitFormStore);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);

  /** Route parameter; absent on `skolenheter/ny`. */
  readonly id = input<string>();

  protected readonly listPath = ADMIN_PATHS.schoolUnits;
  protected readonly fieldIds = SCHOOL_UNIT_FIELD_IDS;
  protected readonly schoolForms = SCHOOL_FORMS;
  protected readonly schoolFormLabels = SCHOOL_FORM_LABELS;
  protected readonly stages = COMPULSORY_STAGES;
  protected readonly networkGroups = NETWORK_GROUPS;

  protected readonly form = this.fb.group({
    name: [''],
    code: [''],
    administrationId: [''],
    schoolForms: this.fb.group(flagsOf(SCHOOL_FORMS)),
    compulsoryStages: this.fb.group(flagsOf(COMPULSORY_STAGES)),
    pupilCount: this.fb.control<number | null>(null),
    networkGroup: this.fb.control<NetworkGroup | ''>(''),
    principalId: [''],
  });
  private readonly value = toSignal(
    this.form.valueChanges.pipe(map(() => this.form.getRawValue())),
    { initialValue: this.form.getRawValue() },
  );

  protected readonly state = this.store.state;
  protected readonly errors = this.store.errors;
  protected readonly isNew = computed(() => !this.id());
  protected readonly heading = computed(() => {
    const unit = this.state().unit;
    return this.isNew() ? 'Ny skolenhet' : unit ? `Ändra ${unit.name}` : 'Ändra skolenhet';
  });
  /** The principals to choose from, keeping the unit's own even if it is no longer listed. */
  protected readonly principals = computed(() => {
    const { principals, unit } = this.state();
    return unit?.principalId && !principals.some((account) => account.id === unit.principalId)
      ? [
          { id: unit.principalId, displayName: unit.principalName ?? unit.principalId },
          ...principals,
        ]
      : principals.map(({ id, displayName }) => ({ id, displayName }));
  });
  /** Stages are asked for only when the unit has compulsory school. */
  protected readonly hasCompulsory = computed(() => this.value().schoolForms.GR);

  async ngOnInit(): Promise<void> {
    await this.store.load(this.id() ?? null);
    const { unit, administrations } = this.store.state();
    if (unit) {
      this.form.setValue(toSchoolUnitFormValue(unit));
    } else if (administrations.length === 1) {
      this.form.controls.administrationId.setValue(administrations[0].id);
    }
  }

  protected error(field: string): string | null {
    return this.errors().fields[field]?.join(' ') ?? null;
  }

  /** Ids for aria-describedby: the field's hint, then its error when it has one. */
  protected describedBy(field: string, hint?: string): string | null {
    const ids = [hint, this.error(field) ? `${this.fieldIds[field]}-error` : null].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  }

  protected async save(): Promise<void> {
    const value: SchoolUnitFormValue = this.form.getRawValue();
    if (await this.store.save(value)) {
      await this.router.navigateByUrl(this.listPath);
    }
  }
}
