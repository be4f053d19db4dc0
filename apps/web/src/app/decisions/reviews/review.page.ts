import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  type OnInit,
  afterNextRender,
  computed,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';

import {
  DATA_CATEGORIES,
  DATA_SUBJECTS,
  DPIA_CRITERIA,
  type DataLocation,
  type LegalBasis,
  PERSONAL_DATA_LABELS,
  PRODUCT_NAME,
  type ProcurementRoute,
  REVIEW_KIND_LABELS,
  REVIEW_OUTCOMES,
  REVIEW_OUTCOME_LABELS,
  REVIEW_ROLE,
  REVIEW_VALIDITY_LABELS,
  ROLE_LABELS,
  type ReviewOutcome,
  SIGN_IN_METHOD_LABELS,
  type SignInMethod,
  type TransferMechanism,
  todayInSweden,
} from '@licensregistret/domain';

import { AuthStore } from '../../core/auth/auth.store';
import { DocumentsSection } from '../../shared/documents/documents-section';
import { formatInteger, schoolFormNames } from '../../shared/format/format';
import { DateInput } from '../../shared/forms/date-input';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { flagsOf } from '../../shared/forms/flags';
import { type HasUnsavedChanges, warnBeforeUnload } from '../../shared/forms/unsaved-changes';
import { DECISION_PATHS, requestParams, reviewKindOfSlug } from '../decision-paths';
import { DataProtectionFindings } from './data-protection-findings';
import { InformationSecurityFindings } from './information-security-findings';
import { ProcurementFindings } from './procurement-findings';
import { describedBy, fieldError } from './review-fields';
import { REVIEW_FIELD_IDS, type ReviewFormValue, reviewFormFor } from './review-form';
import { ReviewStore } from './review.store';

/**
 * Records a review of a service (`/beslut/granskning/:serviceId/:kind`), of the kind the caller's
 * role makes: GDPR, information security, or agreement and cost. `?begaran=<id>` links back to
 * the request it was opened from.
 */
@Component({
  selector: 'lr-review-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    DocumentsSection,
    ErrorSummary,
    DataProtectionFindings,
    InformationSecurityFindings,
    ProcurementFindings,
    DateInput,
  ],
  providers: [ReviewStore],
  templateUrl: './review.page.html',
  styleUrl: './review.page.css',
})
export class ReviewPage implements OnInit, HasUnsavedChanges {
  private readonly store = inject(ReviewStore);
  private readonly auth = inject(AuthStore);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly title = inject(Title);
  private readonly injector = inject(Injector);

  /** Route parameters, and the request the review was opened from (query parameter). */
  readonly serviceId = input.required<string>();
  readonly kind = input.required<string>();
  readonly begaran = input<string>();

  private readonly savedRef = viewChild<ElementRef<HTMLElement>>('saved');

  protected readonly fieldIds = REVIEW_FIELD_IDS;
  protected readonly outcomes = REVIEW_OUTCOMES;
  protected readonly outcomeLabels = REVIEW_OUTCOME_LABELS;
  protected readonly state = this.store.state;
  protected readonly errors = this.store.errors;

  protected readonly reviewKind = computed(() => reviewKindOfSlug(this.kind()));
  protected readonly kindLabel = computed(() => {
    const kind = this.reviewKind();
    return kind ? REVIEW_KIND_LABELS[kind] : 'Granskning';
  });
  /** Who makes this kind of review, when the caller does not. */
  protected readonly madeBy = computed(() => {
    const kind = this.reviewKind();
    if (!kind) return null;
    const role = REVIEW_ROLE[kind];
    return (this.auth.roles() ?? []).includes(role) ? null : ROLE_LABELS[role];
  });

  protected readonly back = computed(() => {
    const requestId = this.begaran();
    return requestId
      ? {
          path: DECISION_PATHS.queue,
          params: requestParams(requestId),
          text: 'Tillbaka till begäran',
        }
      : { path: DECISION_PATHS.queue, params: {}, text: 'Till beslutskön' };
  });

  protected readonly context = computed(() => {
    const state = this.state();
    return state.kind === 'ready' || state.kind === 'saved' ? state.context : null;
  });

  /** The review its attachments (a DPIA, say) go to: the one just saved, else the current one. */
  protected readonly documentsReviewId = computed(() => {
    const state = this.state();
    if (state.kind === 'saved') return state.review.id;
    const kind = this.reviewKind();
    return state.kind === 'ready' && kind
      ? (state.context.reviews.current[kind]?.id ?? null)
      : null;
  });

  protected readonly heading = computed(() => {
    const service = this.context()?.service;
    return service ? `${this.kindLabel()}: ${service.name}` : this.kindLabel();
  });

  /** The service's current review of this kind, in words. */
  protected readonly latest = computed(() => {
    const context = this.context();
    const kind = this.reviewKind();
    if (!context || !kind) return null;
    const review = context.reviews.current[kind];
    if (!review) return 'Tjänsten har inte granskats förut.';
    const conditions = review.conditions ? ` Villkor: ${review.conditions}` : '';
    return (
      `Senaste granskning: ${REVIEW_OUTCOME_LABELS[review.outcome].toLowerCase()} av ` +
      `${review.reviewerName} ${review.reviewedOn}, görs om senast ${review.redoBy} ` +
      `(${REVIEW_VALIDITY_LABELS[review.validity].toLowerCase()}).${conditions}`
    );
  });

  /** What the request says that the review asks about too, shown beside the form. */
  protected readonly requestFacts = computed(() => {
    const context = this.context();
    const request = context?.request;
    if (!context || !request) return null;
    const security = context.reviews.current.INFORMATION_SECURITY;
    const signIn =
      security?.kind === 'INFORMATION_SECURITY'
        ? `${SIGN_IN_METHOD_LABELS[security.findings.signInMethod]} (enligt informationssäkerhetsgranskningen ${security.reviewedOn})`
        : 'Begäran säger inget om inloggning; den fastställs i informationssäkerhetsgranskningen.';
    return {
      heading: `Begäran ${request.number} från ${request.unitName}`,
      items: [
        {
          term: 'Personuppgifter',
          value: PERSONAL_DATA_LABELS[request.personalData],
          detail: request.personalData === 'NONE' ? '' : request.personalDataDescription.trim(),
        },
        { term: 'Målgrupp', value: request.targetGroup.trim() || 'Inte angiven', detail: '' },
        { term: 'Antal elever', value: formatInteger(request.pupilCount), detail: '' },
        { term: 'Antal personal', value: formatInteger(request.staffCount), detail: '' },
        {
          term: 'Skolformer',
          value: schoolFormNames(request.schoolForms, 'Inga angivna'),
          detail: '',
        },
        { term: 'Inloggning', value: signIn, detail: '' },
        { term: 'Behov', value: request.need, detail: '' },
      ],
    };
  });

  protected readonly savedText = computed(() => {
    const state = this.state();
    return state.kind === 'saved'
      ? `${this.kindLabel()} är sparad: ${REVIEW_OUTCOME_LABELS[state.review.outcome].toLowerCase()}, görs om senast ${state.review.redoBy}.`
      : '';
  });

  protected readonly form = this.fb.group({
    outcome: this.fb.control<ReviewOutcome | ''>(''),
    conditions: [''],
    notes: [''],
    redoBy: [''],
    dataProtection: this.fb.group({
      processesPersonalData: [true],
      purpose: [''],
      legalBasis: this.fb.control<LegalBasis | ''>(''),
      dataCategories: this.fb.group(flagsOf(DATA_CATEGORIES)),
      dataSubjects: this.fb.group(flagsOf(DATA_SUBJECTS)),
      dataProcessingAgreementSigned: [false],
      dpiaCriteria: this.fb.group(flagsOf(DPIA_CRITERIA)),
      dpiaDone: [false],
      storageLocation: this.fb.control<DataLocation | ''>(''),
      transferMechanism: this.fb.control<TransferMechanism | ''>(''),
      subProcessors: [''],
      retention: [''],
    }),
    informationSecurity: this.fb.group({
      confidentiality: [''],
      integrity: [''],
      availability: [''],
      signInMethod: this.fb.control<SignInMethod | ''>(''),
      risks: [''],
    }),
    procurement: this.fb.group({
      procurementRoute: this.fb.control<ProcurementRoute | ''>(''),
      annualCost: [''],
      agreementId: [''],
      budgetCovered: [false],
    }),
  });
  protected readonly value = toSignal(
    this.form.valueChanges.pipe(map((): ReviewFormValue => this.form.getRawValue())),
    { initialValue: this.form.getRawValue() as ReviewFormValue },
  );

  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
  }

  /** Findings changed since the form was filled in from the service's latest review, or saved. */
  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  async ngOnInit(): Promise<void> {
    const kind = this.reviewKind();
    // Someone without the kind's role is told who makes it; nothing to load.
    if (!kind || this.madeBy()) return;
    await this.store.load(this.serviceId(), kind, this.begaran());
    const context = this.context();
    if (!context) return;
    this.form.setValue(
      reviewFormFor(
        context.service,
        context.reviews.current[kind],
        todayInSweden(),
        context.request,
      ),
    );
    // The title names the review and the service (WCAG 2.4.2), once they are known.
    this.title.setTitle(`${this.heading()} – ${PRODUCT_NAME}`);
  }

  protected error(field: string): string | null {
    return fieldError(this.errors(), field);
  }

  protected describedBy(field: string, hint?: string): string | null {
    return describedBy(this.errors(), field, hint);
  }

  protected async save(): Promise<void> {
    const kind = this.reviewKind();
    if (!kind) return;
    if (await this.store.save(kind, this.form.getRawValue())) {
      this.form.markAsPristine();
      afterNextRender(() => this.savedRef()?.nativeElement.focus(), { injector: this.injector });
    }
  }
}
