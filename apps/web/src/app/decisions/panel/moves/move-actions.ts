import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';

import {
  ACCESS_POLICY,
  DECISION_OUTCOMES,
  DECISION_OUTCOME_LABELS,
  DECISION_REASONS,
  DECISION_REASON_LABELS,
  type DecisionOutcome,
  REQUEST_ROUTINE,
  type RequestDetail,
  type RequestMove,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  type ServiceCategory,
  describeBlocker,
  isApproval,
  mayCall,
} from '@licensregistret/domain';

import { AGREEMENT_PATHS } from '../../../agreements/agreement-paths';
import { AuthStore } from '../../../core/auth/auth.store';
import { ErrorSummary } from '../../../shared/forms/error-summary';
import { flagsOf } from '../../../shared/forms/flags';
import { MoveChoicesStore } from '../move-choices.store';
import { type MoveResult, RequestMovesStore } from '../request-moves.store';
import { type MoveConfirmation, moveConfirmation } from './move-confirmation';
import {
  CONFIRMED_MOVES,
  MOVE_FIELD_IDS,
  type MoveForm,
  type MoveFormValue,
  type ServiceChoice,
  type SupplierChoice,
  emptyMoveForm,
  moveForm,
  moveFormFor,
} from './move-form';

/** The text field's label and hint, by the form it is in and the move. */
function textField(move: RequestMove, form: MoveForm | null): { label: string; hint: string } {
  if (form === 'LICENCE') {
    return {
      label: 'Meddelande till skolan (valfritt)',
      hint: 'Till exempel hur skolan kommer åt tjänsten.',
    };
  }
  if (form === 'DECISION') {
    return {
      label: 'Motivering till skolan',
      hint: 'Skolan läser motiveringen. Krävs vid avslag.',
    };
  }
  if (move === 'DECLINE') {
    return {
      label: 'Varför avstyrker du?',
      hint: 'Beställaren läser skälet och kan ändra begäran.',
    };
  }
  return move === 'ANSWER'
    ? { label: 'Svar', hint: 'Begäran går tillbaka till objektspecialisten.' }
    : {
        label: 'Fråga till skolan',
        hint: 'Skolan ser frågan i sin begäran. Begäran väntar tills skolan har svarat.',
      };
}

/**
 * The moves the caller may make now, as buttons (exactly `availableMoves`), and the small form a
 * move opens when it carries something: a question, the covering licence, the new tool's
 * service or supplier, or a decision.
 */
@Component({
  selector: 'lr-move-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, NgTemplateOutlet, RouterLink, ErrorSummary],
  templateUrl: './move-actions.html',
  styleUrl: './move-actions.css',
  host: { '(keydown.escape)': 'escape($event)' },
})
export class MoveActions {
  private readonly moveStore = inject(RequestMovesStore);
  private readonly choiceStore = inject(MoveChoicesStore);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly auth = inject(AuthStore);

  readonly request = input.required<RequestDetail>();
  /** A move was made, or refused because someone else changed the request first. */
  readonly settled = output<MoveResult>();

  protected readonly fieldIds = MOVE_FIELD_IDS;
  protected readonly outcomes = DECISION_OUTCOMES;
  protected readonly outcomeLabels = DECISION_OUTCOME_LABELS;
  protected readonly reasons = DECISION_REASONS;
  protected readonly reasonLabels = DECISION_REASON_LABELS;
  protected readonly categories = SERVICE_CATEGORIES;
  protected readonly categoryLabels = SERVICE_CATEGORY_LABELS;

  protected readonly saving = this.moveStore.saving;
  protected readonly errors = this.moveStore.errors;
  protected readonly licences = this.choiceStore.licences;
  protected readonly choices = this.choiceStore.newToolChoices;

  /** The move whose form is open. */
  protected readonly active = signal<RequestMove | null>(null);
  /** The confirmation step of a decision, shown in place of its form until confirmed. */
  protected readonly confirmation = signal<MoveConfirmation | null>(null);

  protected readonly form = this.fb.group({
    text: [''],
    licenceId: [''],
    outcome: this.fb.control<DecisionOutcome | ''>(''),
    reasons: this.fb.group(flagsOf(DECISION_REASONS)),
    conditions: [''],
    serviceChoice: this.fb.control<ServiceChoice>('NEW_SERVICE'),
    serviceId: [''],
    supplierChoice: this.fb.control<SupplierChoice>('EXISTING_SUPPLIER'),
    supplierId: [''],
    supplierOrganisationNumber: [''],
    category: this.fb.control<ServiceCategory | ''>(''),
    description: [''],
    publicConditions: [''],
    correctionReason: [''],
  });
  protected readonly value = toSignal(
    this.form.valueChanges.pipe(map((): MoveFormValue => this.form.getRawValue())),
    { initialValue: this.form.getRawValue() },
  );

  /** Procurement licenses an approved request on its own page ("Licensiera"). */
  protected readonly licensingPath = computed(() =>
    this.request().availableMoves.includes('IMPLEMENT') &&
    mayCall(ACCESS_POLICY['POST /api/licences/from-requests'], this.auth.roles())
      ? AGREEMENT_PATHS.licensing(this.request().id)
      : null,
  );

  protected readonly moves = computed(() =>
    this.request().availableMoves.map((move) => ({
      move,
      label: REQUEST_ROUTINE[move].label,
    })),
  );

  protected readonly activeForm = computed(() => {
    const move = this.active();
    return move ? moveForm(move, this.request()) : null;
  });

  protected readonly text = computed(() => {
    const move = this.active();
    return move ? textField(move, this.activeForm()) : null;
  });

  protected readonly licenceOptions = computed(() => {
    const licences = this.licences();
    return licences.kind !== 'loaded'
      ? []
      : licences.value.map((licence) => ({
          id: licence.licenceId,
          text: `${licence.serviceName} – avtal ${licence.agreementNumber}, till ${licence.endsOn}`,
        }));
  });

  protected readonly services = computed(() => {
    const choices = this.choices();
    return choices.kind !== 'loaded'
      ? []
      : choices.value.services.map((service) => ({
          id: service.id,
          text: `${service.name} (${service.supplierName})`,
        }));
  });

  protected readonly suppliers = computed(() => {
    const choices = this.choices();
    return choices.kind !== 'loaded'
      ? []
      : choices.value.suppliers.map((supplier) => ({
          id: supplier.id,
          text: `${supplier.name} (${supplier.organisationNumber})`,
        }));
  });

  /** What stops an approval today, said next to the decision's outcome. */
  protected readonly blockers = computed(() =>
    this.request().approvalBlockers.map(describeBlocker),
  );

  protected readonly approving = computed(() => isApproval(this.value().outcome));

  protected label(move: RequestMove): string {
    return REQUEST_ROUTINE[move].label;
  }

  protected error(field: string): string | null {
    return this.errors().fields[field]?.join(' ') ?? null;
  }

  /** Ids for aria-describedby: the field's hint, then its error when it has one. */
  protected describedBy(field: string, hint?: string): string | null {
    const ids = [hint, this.error(field) ? `${MOVE_FIELD_IDS[field]}-error` : null].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  }

  /** A move that carries nothing is made at once; the others open their form. */
  protected async choose(move: RequestMove): Promise<void> {
    const request = this.request();
    const form = moveForm(move, request);
    if (form === null) {
      await this.submit(move, emptyMoveForm());
      return;
    }
    this.moveStore.clearErrors();
    this.form.reset(moveFormFor(move, request));
    this.confirmation.set(null);
    if (form === 'LICENCE') void this.loadLicences(request);
    if (form === 'NEW_TOOL') void this.choiceStore.loadNewToolChoices();
    this.active.set(move);
    this.focusAfterRender('#move-form-heading');
  }

  protected cancel(): void {
    const move = this.active();
    this.active.set(null);
    this.confirmation.set(null);
    this.moveStore.clearErrors();
    if (move) this.focusAfterRender(`[data-move="${move}"]`);
  }

  /** A decision shows what will be recorded and who will be told before it is made. */
  protected async send(move: RequestMove): Promise<void> {
    const value = this.form.getRawValue();
    if (CONFIRMED_MOVES.includes(move)) {
      if (!this.moveStore.check(move, value)) return;
      this.confirmation.set(moveConfirmation(move, value, this.request()));
      this.focusAfterRender('#move-confirm-heading');
      return;
    }
    await this.submit(move, value);
  }

  protected async confirmMove(move: RequestMove): Promise<void> {
    const result = await this.submit(move, this.form.getRawValue());
    // Refused with something to correct: back to the form, where the summary says what.
    if (result === 'invalid' || result === 'failed') this.confirmation.set(null);
  }

  /** Back from the confirmation to the form, its values kept. */
  protected backToForm(): void {
    this.confirmation.set(null);
    this.focusAfterRender('#move-submit');
  }

  /** Escape in the confirmation goes back to the form, not out of the panel. */
  protected escape(event: Event): void {
    if (this.confirmation() === null) return;
    event.stopPropagation();
    this.backToForm();
  }

  private async submit(move: RequestMove, value: MoveFormValue): Promise<MoveResult> {
    const result = await this.moveStore.makeMove(move, value);
    if (result === 'done') this.active.set(null);
    if (result === 'conflict' && !this.request().availableMoves.includes(move)) {
      this.active.set(null);
    }
    if (result === 'done' || result === 'conflict') {
      this.confirmation.set(null);
      this.settled.emit(result);
    }
    return result;
  }

  /** Loads the unit's licences and picks the one for the requested service, if there is one. */
  private async loadLicences(request: RequestDetail): Promise<void> {
    await this.choiceStore.loadLicences(request.unitId);
    const licences = this.licences();
    if (licences.kind !== 'loaded' || this.form.controls.licenceId.value !== '') return;
    const match = licences.value.find((licence) => licence.serviceId === request.serviceId);
    if (match) this.form.controls.licenceId.setValue(match.licenceId);
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
