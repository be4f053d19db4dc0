import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';

import {
  CONTRACT_STATUS_LABELS,
  DECISION_OUTCOME_LABELS,
  type IsoDate,
  type LicenceFromRequestsRequest,
  type LicenceScope,
  type RequestDetail,
  SCHOOL_FORMS,
  SCHOOL_FORM_LABELS,
  todayInSweden,
} from '@licensregistret/domain';

import { DateInput } from '../../shared/forms/date-input';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { checked, flagsOf } from '../../shared/forms/flags';
import { AGREEMENT_PATHS, LICENSING_RETURN_PARAM } from '../agreement-paths';
import { LicensingStore } from './licensing.store';

/** Where the error summary's links lead, per field of the body. */
export const LICENSING_FIELD_IDS: Record<string, string> = {
  requests: 'licensing-requests',
  agreementId: 'licensing-agreements',
  scope: 'licensing-scope-UNITS',
  schoolForms: 'licensing-forms',
  unitIds: 'licensing-scope-UNITS',
  startsOn: 'licensing-starts',
  endsOn: 'licensing-ends',
  seatCount: 'licensing-seats',
  text: 'licensing-text',
};

/** A unit that asked for the tool, by its own request or by joining one. */
interface AskingUnit {
  id: string;
  name: string;
}

function askingUnits(requests: readonly RequestDetail[]): AskingUnit[] {
  const units = new Map<string, string>();
  for (const request of requests) {
    units.set(request.unitId, request.unitName);
    for (const joined of request.joinedUnits) units.set(joined.unitId, joined.unitName);
  }
  return [...units].map(([id, name]) => ({ id, name }));
}

/**
 * "Licensiera" (`/avtal/licensiera/:requestId`): procurement licenses an approved request, and
 * other approved requests for the same service with it, on an agreement of the service's
 * supplier; the requests become "Införd" and the schools are told.
 */
@Component({
  selector: 'lr-licensing-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ErrorSummary, DateInput],
  providers: [LicensingStore],
  templateUrl: './licensing.page.html',
  styleUrl: './licensing.page.css',
})
export class LicensingPage implements OnInit {
  private readonly store = inject(LicensingStore);
  private readonly fb = inject(NonNullableFormBuilder);

  /** Route parameter. */
  readonly requestId = input.required<string>();
  /** Query parameter: the agreement just made with "Skapa nytt avtal", to choose. */
  readonly avtal = input<string>();

  protected readonly fieldIds = LICENSING_FIELD_IDS;
  protected readonly listPath = AGREEMENT_PATHS.list;
  protected readonly newAgreementPath = AGREEMENT_PATHS.newAgreement;
  protected readonly agreementPath = AGREEMENT_PATHS.agreement;
  protected readonly schoolForms = SCHOOL_FORMS;
  protected readonly schoolFormLabels = SCHOOL_FORM_LABELS;
  protected readonly statusLabels = CONTRACT_STATUS_LABELS;
  protected readonly outcomeLabels = DECISION_OUTCOME_LABELS;

  protected readonly state = this.store.state;
  protected readonly errors = this.store.errors;
  protected readonly saving = this.store.saving;

  protected readonly form = this.fb.group({
    others: this.fb.group<Record<string, boolean>>({}),
    agreementId: [''],
    scope: this.fb.control<LicenceScope>('UNITS'),
    schoolForms: this.fb.group(flagsOf(SCHOOL_FORMS)),
    startsOn: [''],
    endsOn: [''],
    seatCount: [''],
    text: [''],
  });
  private readonly value = toSignal(
    this.form.valueChanges.pipe(map(() => this.form.getRawValue())),
    { initialValue: this.form.getRawValue() },
  );

  /** The form has a control for each offered request: only then may the page show them. */
  private readonly prepared = signal(false);
  protected readonly data = computed(() => {
    const state = this.state();
    return this.prepared() && (state.status === 'ready' || state.status === 'done')
      ? state.data
      : null;
  });

  protected readonly result = computed(() => {
    const state = this.state();
    return state.status === 'done' ? state.result : null;
  });
  protected readonly implementedText = computed(() => {
    const numbers = (this.result()?.requests ?? []).map((request) => request.number);
    const list =
      numbers.length > 1
        ? `Begäran ${numbers.slice(0, -1).join(', ')} och ${numbers.at(-1)}`
        : `Begäran ${numbers[0]}`;
    return `${list} är nu ${numbers.length > 1 ? 'införda' : 'införd'}, och skolorna har fått besked.`;
  });

  /** The requests the licence answers: the page's own and the other ones ticked. */
  protected readonly chosen = computed(() => {
    const data = this.data();
    if (!data) return [];
    const ticked = this.value().others;
    return [data.request, ...data.others.filter((request) => ticked[request.id])];
  });
  protected readonly units = computed(() => askingUnits(this.chosen()));
  protected readonly unitNames = computed(() =>
    this.units()
      .map((unit) => unit.name)
      .join(', '),
  );
  protected readonly scope = computed(() => this.value().scope);
  /** The new agreement comes back here, for the service's supplier unless changed. */
  protected readonly newAgreementQuery = computed(() => ({
    [LICENSING_RETURN_PARAM]: this.requestId(),
    leverantor: this.data()?.request.service?.supplierId,
  }));

  constructor() {
    // Choosing an agreement proposes its period (from today when it has begun).
    this.form.controls.agreementId.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((id) => this.proposePeriod(id));
  }

  async ngOnInit(): Promise<void> {
    await this.store.load(this.requestId());
    const state = this.state();
    if (state.status !== 'ready') return;
    const data = state.data;
    for (const other of data.others) {
      this.form.controls.others.addControl(other.id, this.fb.control(false));
    }
    this.form.controls.schoolForms.setValue(
      flagsOf(SCHOOL_FORMS, data.request.service?.schoolForms ?? []),
    );
    this.prepared.set(true);
    const made = data.agreements.find((agreement) => agreement.id === this.avtal());
    const only = data.agreements.length === 1 ? data.agreements[0] : undefined;
    const proposed = made ?? only;
    if (proposed) this.form.controls.agreementId.setValue(proposed.id);
  }

  protected error(field: string): string | null {
    return this.errors().fields[field]?.join(' ') ?? null;
  }

  protected describedBy(field: string, hint?: string): string | null {
    const ids = [hint, this.error(field) ? `${this.fieldIds[field]}-error` : null].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  }

  protected async license(): Promise<void> {
    const value = this.form.getRawValue();
    const seats = value.seatCount.trim();
    const body: LicenceFromRequestsRequest = {
      requests: this.chosen().map((request) => ({ id: request.id, version: request.version })),
      agreementId: value.agreementId,
      scope: value.scope,
      startsOn: value.startsOn.trim(),
      endsOn: value.endsOn.trim(),
      seatCount: seats === '' ? null : Number(seats),
      ...(value.text.trim() ? { text: value.text.trim() } : {}),
      ...(value.scope === 'UNITS' ? { unitIds: this.units().map((unit) => unit.id) } : {}),
      ...(value.scope === 'SCHOOL_FORMS'
        ? { schoolForms: checked(value.schoolForms, SCHOOL_FORMS) }
        : {}),
    };
    await this.store.license(body);
  }

  private proposePeriod(id: string): void {
    const agreement = this.data()?.agreements.find((candidate) => candidate.id === id);
    if (!agreement) return;
    const today: IsoDate = todayInSweden();
    this.form.patchValue({
      startsOn: agreement.startsOn > today ? agreement.startsOn : today,
      endsOn: agreement.endsOn,
    });
  }
}
