import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';

import {
  AGREEMENT_ACTION_LABELS,
  type Agreement,
  type AgreementActionField,
  type AgreementActionInput,
  type AgreementRouteAction,
  addMonths,
  agreementActionInputProblems,
  isIsoDate,
  todayInSweden,
} from '@licensregistret/domain';

import { DateInput } from '../../shared/forms/date-input';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { type FormErrors, NO_ERRORS, hasErrors } from '../../shared/forms/form-errors';
import { AGREEMENT_PATHS } from '../agreement-paths';
import { actionEffectText, actionFieldMessages } from './agreement-action-texts';
import { AgreementStore } from './agreement.store';

const FIELD_IDS: Record<AgreementActionField, string> = {
  date: 'action-date',
  caseNumber: 'action-case-number',
  reason: 'action-reason',
  successorId: 'action-successor',
  nextExtensionDecisionBy: 'action-next-decision',
};

/** A following agreement to choose, in words. */
interface Candidate {
  id: string;
  text: string;
}

/**
 * The lifecycle actions the signed-in person may take on the agreement now, as buttons; each
 * opens its small form below them (date, case number, successor, why). The correction is the
 * edit form: the page puts its link ("Ändra uppgifter") in here with the other forms' links.
 */
@Component({
  selector: 'lr-agreement-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, ErrorSummary, DateInput],
  templateUrl: './agreement-actions.html',
  styleUrl: './agreement-actions.css',
})
export class AgreementActions {
  private readonly store = inject(AgreementStore);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);

  readonly agreement = input.required<Agreement>();

  protected readonly labels = AGREEMENT_ACTION_LABELS;
  protected readonly fieldIds = FIELD_IDS;
  protected readonly outcome = this.store.outcome;
  protected readonly open = signal<AgreementRouteAction | null>(null);
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly saving = signal(false);
  protected readonly candidates = signal<Candidate[] | 'loading' | 'failed'>('loading');

  private readonly formHeading = viewChild<ElementRef<HTMLElement>>('formHeading');
  private readonly outcomeMessage = viewChild<ElementRef<HTMLElement>>('outcomeMessage');

  protected readonly form = this.fb.group({
    date: [''],
    caseNumber: [''],
    successorId: [''],
    nextExtensionDecisionBy: [''],
    reason: [''],
  });

  /** The buttons: every action offered but the correction, which is the edit form. */
  protected readonly actions = computed(() =>
    this.agreement().availableActions.filter(
      (action): action is AgreementRouteAction => action !== 'CORRECT',
    ),
  );
  protected readonly newAgreementPath = AGREEMENT_PATHS.newAgreement;

  protected readonly effect = computed(() => {
    const action = this.open();
    return action ? actionEffectText(action, this.agreement()) : '';
  });
  /** Using an option leaves another to decide on: its date is asked for. */
  protected readonly asksNextDecision = computed(
    () => this.open() === 'USE_EXTENSION' && this.agreement().extensionOptionsLeft > 1,
  );

  protected start(action: AgreementRouteAction): void {
    const agreement = this.agreement();
    const decided = agreement.nextExtensionDecisionBy;
    this.form.reset({
      date: action === 'GIVE_NOTICE' ? todayInSweden() : '',
      caseNumber: '',
      successorId: '',
      nextExtensionDecisionBy: decided ? addMonths(decided, agreement.extensionMonths) : '',
      reason: '',
    });
    this.errors.set(NO_ERRORS);
    this.open.set(action);
    if (action === 'REGISTER_SUCCESSOR') void this.loadCandidates();
    afterNextRender(() => this.formHeading()?.nativeElement.focus(), { injector: this.injector });
  }

  protected cancel(): void {
    const action = this.open();
    this.open.set(null);
    afterNextRender(() => document.getElementById(`action-button-${action}`)?.focus(), {
      injector: this.injector,
    });
  }

  protected error(field: AgreementActionField): string | null {
    return this.errors().fields[field]?.[0] ?? null;
  }

  protected describedBy(field: AgreementActionField, hint?: string): string | null {
    const ids = [hint, this.error(field) ? `${FIELD_IDS[field]}-error` : undefined].filter(
      (id): id is string => !!id,
    );
    return ids.length > 0 ? ids.join(' ') : null;
  }

  protected async submit(): Promise<void> {
    const action = this.open();
    if (!action || this.saving()) return;
    const agreement = this.agreement();
    const input = this.input(action);
    const messages = actionFieldMessages(action, agreement);
    const problems = agreementActionInputProblems(action, agreement, input, todayInSweden());
    const fields: FormErrors['fields'] = {};
    for (const field of this.malformedDates(action, input))
      fields[field] = [messages[field].invalid];
    for (const problem of problems) fields[problem.field] ??= [messages[problem.field].invalid];
    if (hasErrors({ fields, general: [] })) {
      this.errors.set({ fields, general: [] });
      return;
    }
    this.saving.set(true);
    const result = await this.store.act({ action, ...input }, messages);
    this.saving.set(false);
    if (result === 'done' || result === 'refused') {
      this.open.set(null);
      this.errors.set(NO_ERRORS);
      afterNextRender(() => this.outcomeMessage()?.nativeElement.focus(), {
        injector: this.injector,
      });
    } else {
      this.errors.set(result);
    }
  }

  private input(action: AgreementRouteAction): AgreementActionInput {
    const value = this.form.getRawValue();
    const reason = value.reason.trim();
    switch (action) {
      case 'GIVE_NOTICE':
        return { date: value.date.trim(), caseNumber: value.caseNumber.trim(), reason };
      case 'END_EARLY':
        return { date: value.date.trim(), reason };
      case 'REGISTER_SUCCESSOR':
        return { successorId: value.successorId || undefined, reason };
      case 'USE_EXTENSION':
        return this.asksNextDecision() && value.nextExtensionDecisionBy.trim()
          ? { nextExtensionDecisionBy: value.nextExtensionDecisionBy.trim(), reason }
          : { reason };
      case 'DECLINE_EXTENSION':
        return { reason };
    }
  }

  /** Dates not written as real ÅÅÅÅ-MM-DD dates, which the rules' comparisons cannot judge. */
  private malformedDates(
    action: AgreementRouteAction,
    input: AgreementActionInput,
  ): AgreementActionField[] {
    const bad: AgreementActionField[] = [];
    if (
      (action === 'GIVE_NOTICE' || action === 'END_EARLY') &&
      input.date &&
      !isIsoDate(input.date)
    ) {
      bad.push('date');
    }
    if (input.nextExtensionDecisionBy && !isIsoDate(input.nextExtensionDecisionBy)) {
      bad.push('nextExtensionDecisionBy');
    }
    return bad;
  }

  private async loadCandidates(): Promise<void> {
    this.candidates.set('loading');
    try {
      const agreements = await this.store.successorCandidates();
      this.candidates.set(
        agreements.map((other) => ({
          id: other.id,
          text: `${other.agreementNumber} – ${other.supplierName} (${other.startsOn} – ${other.endsOn})`,
        })),
      );
    } catch {
      this.candidates.set('failed');
    }
  }
}
