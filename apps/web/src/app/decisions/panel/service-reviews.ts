import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
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
  describeBlocker,
} from '@licensregistret/domain';

import { requestParams, reviewPath } from '../decision-paths';

interface ReviewRow {
  kind: ReviewKind;
  label: string;
  outcome: string;
  reviewer: string;
  reviewedOn: string;
  redoBy: string;
  validity: string;
  conditions: string;
}

/** "Dataskyddsgranskning (GDPR)" -> "Registrera dataskyddsgranskning (GDPR)". */
export function reviewLinkText(kind: ReviewKind): string {
  const label = REVIEW_KIND_LABELS[kind];
  return `Registrera ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

/**
 * The service the request is about: its current reviews (reused from earlier requests while
 * valid), what blocks an approval today, and links to the review forms the caller makes.
 */
@Component({
  selector: 'lr-service-reviews',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
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
                <th scope="col">Granskad</th>
                <th scope="col">Görs om senast</th>
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
                  </td>
                  <td>{{ row.reviewer }}</td>
                  <td>{{ row.reviewedOn }}</td>
                  <td>{{ row.redoBy }}</td>
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
    </section>
  `,
  styles: `
    .table-scroll {
      overflow-x: auto;
    }
    .reviews {
      font-size: 0.9375rem;
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
  `,
})
export class ServiceReviews {
  readonly request = input.required<RequestDetail>();
  /** The review kinds the caller may record on this request now. */
  readonly reviewKinds = input<readonly ReviewKind[]>([]);

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
              label: REVIEW_KIND_LABELS[kind],
              outcome: REVIEW_OUTCOME_LABELS[review.outcome],
              reviewer: review.reviewerName,
              reviewedOn: review.reviewedOn,
              redoBy: review.redoBy,
              validity: REVIEW_VALIDITY_LABELS[review.validity],
              conditions: review.conditions,
            }
          : {
              kind,
              label: REVIEW_KIND_LABELS[kind],
              outcome: 'Inte gjord',
              reviewer: '–',
              reviewedOn: '–',
              redoBy: '–',
              validity: '–',
              conditions: '',
            };
      }),
      blockers: request.approvalBlockers.map(describeBlocker),
      needsManager: request.needsManagerConfirmation,
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
}
