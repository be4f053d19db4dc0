import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';

import {
  CATALOGUE_STATUS_LABELS,
  REVIEW_KINDS,
  REVIEW_KIND_LABELS,
  REVIEW_OUTCOME_LABELS,
  REVIEW_VALIDITY_LABELS,
  type RequestDetail,
  type ReviewKind,
  SERVICE_CATEGORY_LABELS,
  SERVICE_CHANGE_DESCRIPTION_MAX_LENGTH,
  SERVICE_CHANGE_KINDS,
  SERVICE_CHANGE_LABELS,
  type ServiceChangeKind,
  describeBlocker,
} from '@licensregistret/domain';

import { ErrorSummary } from '../../shared/forms/error-summary';
import { requestParams, reviewPath } from '../decision-paths';
import { SERVICE_CHANGE_FIELD_IDS, emptyServiceChangeForm } from './service-change-form';
import { ServiceChangeStore } from './service-change.store';

interface ReviewRow {
  kind: ReviewKind;
  label: string;
  outcome: string;
  reviewer: string;
  reviewedOn: string;
  redoBy: string;
  validity: string;
  conditions: string;
  /** The municipality whose published review this one started from. */
  adoptedFrom: string | null;
}

/** The table's row names, short enough for the panel at laptop width (its caption says what). */
const REVIEW_ROW_LABELS: Record<ReviewKind, string> = {
  DATA_PROTECTION: 'Dataskydd (GDPR)',
  INFORMATION_SECURITY: 'Informationssäkerhet',
  PROCUREMENT: 'Avtal och kostnad',
};

/** "Dataskyddsgranskning (GDPR)" -> "Registrera dataskyddsgranskning (GDPR)". */
export function reviewLinkText(kind: ReviewKind): string {
  const label = REVIEW_KIND_LABELS[kind];
  return `Registrera ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

/**
 * The service the request is about: its current reviews (reused from earlier requests while
 * valid), what blocks an approval today, links to the review forms the caller makes, and the
 * form to report a change of the service (its reviews are then due again).
 */
@Component({
  selector: 'lr-service-reviews',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ReactiveFormsModule, ErrorSummary],
  template: `
    @let view = model();
    <section aria-labelledby="service-reviews-heading">
      <h3 id="service-reviews-heading">Tjänst och granskningar</h3>
      @if (view.service; as service) {
        <p>
          <strong>{{ service.name }}</strong> från {{ service.supplierName }}.
          {{ service.category }}, {{ service.status.toLowerCase() }} i registret.
        </p>
        <!-- Focusable, so a keyboard can scroll the table when the panel is narrow. -->
        <div
          class="table-scroll"
          tabindex="0"
          role="region"
          aria-label="Granskningar av tjänsten, rullbar"
        >
          <table class="data-table reviews">
            <caption>
              Granskningar av tjänsten
            </caption>
            <thead>
              <tr>
                <th scope="col">Granskning</th>
                <th scope="col">Utfall</th>
                <th scope="col">Granskare</th>
                <th scope="col">Granskad, görs om senast</th>
                <th scope="col">Giltighet</th>
              </tr>
            </thead>
            <tbody>
              @for (row of view.rows; track row.kind) {
                <tr>
                  <th scope="row">{{ row.label }}</th>
                  <td>
                    {{ row.outcome }}
                    @if (row.conditions) {
                      <br /><span class="hint">Villkor: {{ row.conditions }}</span>
                    }
                    @if (row.adoptedFrom) {
                      <br /><span class="hint adopted"
                        >Utgår från granskningen i {{ row.adoptedFrom }}</span
                      >
                    }
                  </td>
                  <td>{{ row.reviewer }}</td>
                  <td class="dates">
                    @if (row.reviewedOn) {
                      {{ row.reviewedOn }}<span class="hint redo"> senast {{ row.redoBy }}</span>
                    } @else {
                      –
                    }
                  </td>
                  <td>{{ row.validity }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p>
          Verktyget finns inte i registret än. Det läggs in som tjänst under granskning när
          granskningen börjar.
        </p>
      }

      <h4>Hinder för godkännande</h4>
      @if (view.blockers.length > 0) {
        <ul class="blockers">
          @for (blocker of view.blockers; track $index) {
            <li>{{ blocker }}</li>
          }
        </ul>
      } @else {
        <p>Inget hindrar ett godkännande i dag.</p>
      }
      @if (view.needsManager) {
        <p class="notice">
          Kostnaden är över gränsen för objektspecialistens beslut: en objektspecialist föreslår och
          en objektledare beslutar.
        </p>
      }

      @if (view.links.length > 0) {
        <ul class="review-links">
          @for (link of view.links; track link.kind) {
            <li>
              <a
                class="button button-secondary"
                [routerLink]="link.path"
                [queryParams]="link.params"
                >{{ link.text }}</a
              >
            </li>
          }
        </ul>
      }
      @if (view.mayReportChange) {
        <!-- Rarely needed: folded away until asked for. -->
        <details class="service-change">
          <summary id="service-change-heading">Rapportera ändring av tjänsten</summary>
          <form
            [formGroup]="changeForm"
            (ngSubmit)="reportChange()"
            novalidate
            aria-labelledby="service-change-heading"
          >
            <p class="hint">
              En ny version, en migrering eller ett nytt underbiträde gör att tjänstens granskningar
              ska göras om innan en begäran om tjänsten kan godkännas.
            </p>
            @if (changes.notice(); as notice) {
              <p #changeNoticeEl class="change-notice" role="status" tabindex="-1">{{ notice }}</p>
            }
            <lr-error-summary
              [errors]="changes.errors()"
              [fieldIds]="changeFieldIds"
              heading="Ändringen kunde inte rapporteras"
            />
            <fieldset
              [attr.aria-describedby]="changeError('kind') ? 'service-change-kind-error' : null"
            >
              <legend>Typ av ändring</legend>
              @if (changeError('kind'); as message) {
                <span class="field-error" id="service-change-kind-error">{{ message }}</span>
              }
              @for (kind of changeKinds; track kind) {
                <label class="checkbox">
                  <input
                    type="radio"
                    [id]="'service-change-kind-' + kind"
                    formControlName="kind"
                    [value]="kind"
                  />
                  {{ changeLabels[kind] }}
                </label>
              }
            </fieldset>
            <div class="field">
              <label for="service-change-description">Beskrivning</label>
              <span class="hint" id="service-change-description-hint"
                >Vad ändras och när, till exempel vilket underbiträde som tillkommer.</span
              >
              @if (changeError('description'); as message) {
                <span class="field-error" id="service-change-description-error">{{ message }}</span>
              }
              <textarea
                id="service-change-description"
                rows="3"
                formControlName="description"
                [attr.maxlength]="descriptionMaxLength"
                [attr.aria-invalid]="!!changeError('description') || null"
                [attr.aria-describedby]="
                  changeError('description')
                    ? 'service-change-description-hint service-change-description-error'
                    : 'service-change-description-hint'
                "
              ></textarea>
            </div>
            <button class="button" type="submit" [attr.aria-disabled]="changes.reporting() || null">
              Rapportera ändringen
            </button>
            <p class="saving" role="status">
              {{ changes.reporting() ? 'Rapporterar ändringen …' : '' }}
            </p>
          </form>
        </details>
      }
    </section>
  `,
  styles: `
    .table-scroll {
      overflow-x: auto;
    }
    .reviews {
      font-size: 0.9375rem;
    }
    .reviews .dates {
      white-space: nowrap;
    }
    .reviews .redo {
      display: block;
    }
    .blockers li {
      color: var(--lr-danger);
      font-weight: 600;
    }
    .review-links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      list-style: none;
      padding: 0;
    }
    .service-change {
      margin-top: 1rem;
    }
    .service-change summary {
      cursor: pointer;
      font-weight: 600;
      padding: 0.25rem 0;
    }
    .service-change textarea {
      width: 100%;
    }
    .change-notice {
      border-left: 4px solid var(--lr-success);
      background: var(--lr-surface-alt);
      padding: 0.5rem 0.75rem;
      font-weight: 600;
    }
    .saving {
      min-height: 1.5rem;
      margin: 0.5rem 0 0;
    }
  `,
})
export class ServiceReviews {
  protected readonly changes = inject(ServiceChangeStore);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);

  readonly request = input.required<RequestDetail>();
  /** The review kinds the caller may record on this request now. */
  readonly reviewKinds = input<readonly ReviewKind[]>([]);
  /** Whether the caller's roles may report a change of a service. */
  readonly mayReportChange = input(false);

  protected readonly changeKinds = SERVICE_CHANGE_KINDS;
  protected readonly changeLabels = SERVICE_CHANGE_LABELS;
  protected readonly changeFieldIds = SERVICE_CHANGE_FIELD_IDS;
  protected readonly descriptionMaxLength = SERVICE_CHANGE_DESCRIPTION_MAX_LENGTH;
  protected readonly changeForm = this.fb.group({
    kind: this.fb.control<ServiceChangeKind | ''>(''),
    description: [''],
  });
  private readonly changeNoticeRef = viewChild<ElementRef<HTMLElement>>('changeNoticeEl');

  protected readonly model = computed(() => {
    const request = this.request();
    const service = request.service;
    const reviews = request.reviews;
    const serviceId = request.serviceId;
    return {
      service: service
        ? {
            name: service.name,
            supplierName: service.supplierName,
            category: SERVICE_CATEGORY_LABELS[service.category],
            status: CATALOGUE_STATUS_LABELS[service.catalogueStatus],
          }
        : null,
      rows: REVIEW_KINDS.map((kind): ReviewRow => {
        const review = reviews?.[kind] ?? null;
        return review
          ? {
              kind,
              label: REVIEW_ROW_LABELS[kind],
              outcome: REVIEW_OUTCOME_LABELS[review.outcome],
              reviewer: review.reviewerName,
              reviewedOn: review.reviewedOn,
              redoBy: review.redoBy,
              validity: REVIEW_VALIDITY_LABELS[review.validity],
              conditions: review.conditions,
              adoptedFrom: review.adoptedFrom?.municipality.name ?? null,
            }
          : {
              kind,
              label: REVIEW_ROW_LABELS[kind],
              outcome: 'Inte gjord',
              reviewer: '–',
              reviewedOn: '',
              redoBy: '',
              validity: '–',
              conditions: '',
              adoptedFrom: null,
            };
      }),
      blockers: request.approvalBlockers.map(describeBlocker),
      needsManager: request.needsManagerConfirmation,
      mayReportChange: this.mayReportChange() && serviceId !== null,
      links: serviceId
        ? this.reviewKinds().map((kind) => ({
            kind,
            text: reviewLinkText(kind),
            path: reviewPath(serviceId, kind),
            params: requestParams(request.id),
          }))
        : [],
    };
  });

  protected changeError(field: string): string | null {
    return this.changes.errors().fields[field]?.join(' ') ?? null;
  }

  /** Reports the change; once done the form empties and the status message takes the focus. */
  protected async reportChange(): Promise<void> {
    const reported = await this.changes.reportChange(this.changeForm.getRawValue());
    if (!reported) return;
    this.changeForm.reset(emptyServiceChangeForm());
    afterNextRender(() => this.changeNoticeRef()?.nativeElement.focus(), {
      injector: this.injector,
    });
  }
}
