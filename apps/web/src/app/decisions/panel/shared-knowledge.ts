import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';

import {
  ACCESS_POLICY,
  CATALOGUE_STATUS_LABELS,
  DECISION_REASON_LABELS,
  PUBLIC_CATALOGUE_STATUSES,
  type PublishedReview,
  REVIEW_KINDS,
  REVIEW_KIND_LABELS,
  REVIEW_OUTCOME_LABELS,
  REVIEW_ROLE,
  ROLE_LABELS,
  type RequestDetail,
  mayCall,
} from '@licensregistret/domain';

import { AuthStore } from '../../core/auth/auth.store';
import { DateInput, tidyDate } from '../../shared/forms/date-input';
import { SharedKnowledgeStore } from './shared-knowledge.store';

/** "2026-12-04T10:15:00Z" -> "2026-12-04". */
const day = (iso: string) => iso.slice(0, 10);

/** What publishing shows the other municipalities, said before it is done. */
export const PUBLISH_REVIEW_TEXT =
  'Andra kommuner ser då granskningens utfall, villkor och bedömningar, granskningsdatum, din roll (inte ditt namn) och tjänstens version. Interna anteckningar publiceras inte.';
export const PUBLISH_DECISION_TEXT =
  'Andra kommuner ser då beslutet, beslutsdatum, de offentliga villkoren och skälen till ett avslag, och tjänstens version. Interna anteckningar och motiveringar publiceras inte.';

/**
 * "Andra kommuner": what the registry's municipalities published about the open request's tool,
 * with provenance (kommun, roll, granskad, publicerad, version); decisions with their public text
 * only. The caller publishes their municipality's own reviews of their kind and, in the
 * governance roles, its decision (each after saying what becomes visible), and a reviewer starts
 * their own review from another municipality's review of their kind.
 */
@Component({
  selector: 'lr-shared-knowledge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DateInput],
  providers: [SharedKnowledgeStore],
  template: `
    <section aria-labelledby="shared-heading" class="shared">
      <h3 id="shared-heading">Andra kommuners granskningar och beslut</h3>
      <p class="saving" role="status">{{ store.notice() ?? '' }}</p>
      @if (store.failure(); as failure) {
        <p class="error-summary" role="alert">{{ failure }}</p>
      }
      @switch (store.state().kind) {
        @case ('loading') {
          <p>Hämtar vad andra kommuner har publicerat …</p>
        }
        @case ('failed') {
          <p>Det som andra kommuner har publicerat kunde inte hämtas. Försök igen om en stund.</p>
        }
      }
      @if (view(); as view) {
        <p>Verktygets version i registret: {{ view.version }}.</p>
        @if (view.reviews.length === 0 && view.decisions.length === 0) {
          <p>Ingen annan kommun har publicerat en granskning eller ett beslut om verktyget.</p>
        }
        @for (review of view.reviews; track review.id) {
          <article class="shared-item" [attr.aria-labelledby]="'shared-review-' + review.id">
            <h4 [id]="'shared-review-' + review.id">{{ review.title }}</h4>
            <dl class="provenance">
              <dt>Kommun</dt>
              <dd>{{ review.municipality }}</dd>
              <dt>Roll</dt>
              <dd>{{ review.role }}</dd>
              <dt>Granskad</dt>
              <dd>{{ review.reviewedOn }}</dd>
              <dt>Publicerad</dt>
              <dd>{{ review.publishedOn }}</dd>
              <dt>Version</dt>
              <dd>{{ review.version }}</dd>
              <dt>Utfall</dt>
              <dd>{{ review.outcome }}</dd>
              @if (review.conditions) {
                <dt>Villkor</dt>
                <dd>{{ review.conditions }}</dd>
              }
            </dl>
            @if (review.adoptedFrom) {
              <p class="hint">Utgår från granskningen i {{ review.adoptedFrom }}.</p>
            }
            @if (review.mayAdopt) {
              @if (adopting() === review.id) {
                <form class="adopt" (submit)="adopt($event, review.source)" novalidate>
                  <div class="field">
                    <label [for]="'adopt-redo-' + review.id">Gör om din granskning senast</label>
                    <span class="hint" [id]="'adopt-redo-hint-' + review.id">ÅÅÅÅ-MM-DD</span>
                    @if (redoError()) {
                      <span class="field-error" [id]="'adopt-redo-error-' + review.id">{{
                        redoError()
                      }}</span>
                    }
                    <input
                      lrDateInput
                      [id]="'adopt-redo-' + review.id"
                      name="redoBy"
                      [attr.aria-invalid]="redoError() ? true : null"
                      [attr.aria-describedby]="
                        redoError()
                          ? 'adopt-redo-hint-' + review.id + ' adopt-redo-error-' + review.id
                          : 'adopt-redo-hint-' + review.id
                      "
                    />
                  </div>
                  <div class="actions">
                    <button
                      class="button"
                      type="submit"
                      [attr.aria-disabled]="store.busy() || null"
                    >
                      Utgå från granskningen
                    </button>
                    <button
                      class="button button-secondary"
                      type="button"
                      (click)="adopting.set(null)"
                    >
                      Avbryt
                    </button>
                  </div>
                </form>
              } @else {
                <button
                  class="button button-secondary"
                  type="button"
                  (click)="startAdopting(review.id)"
                >
                  Utgå från granskningen
                </button>
              }
            }
          </article>
        }
        @for (decision of view.decisions; track decision.id) {
          <article class="shared-item" [attr.aria-labelledby]="'shared-decision-' + decision.id">
            <h4 [id]="'shared-decision-' + decision.id">Beslut i {{ decision.municipality }}</h4>
            <dl class="provenance">
              <dt>Kommun</dt>
              <dd>{{ decision.municipality }}</dd>
              <dt>Beslut</dt>
              <dd>{{ decision.status }}</dd>
              <dt>Beslutsdatum</dt>
              <dd>{{ decision.decidedOn }}</dd>
              <dt>Publicerad</dt>
              <dd>{{ decision.publishedOn }}</dd>
              <dt>Version</dt>
              <dd>{{ decision.version }}</dd>
              @if (decision.conditions) {
                <dt>Villkor</dt>
                <dd>{{ decision.conditions }}</dd>
              }
              @if (decision.reasons) {
                <dt>Skäl till avslaget</dt>
                <dd>{{ decision.reasons }}</dd>
              }
            </dl>
          </article>
        }

        @if (view.publishable.length > 0 || view.mayPublishDecision) {
          <h4>Publicera för andra kommuner</h4>
          <ul class="publish">
            @for (own of view.publishable; track own.id) {
              <li>
                {{ own.label }}:
                @if (own.publishedOn) {
                  publicerad {{ own.publishedOn }}.
                } @else if (confirming() === own.id) {
                  <span class="confirm" role="group" [attr.aria-label]="'Publicera ' + own.label">
                    <span>{{ publishReviewText }}</span>
                    <button class="button" type="button" (click)="publishReview(own.id)">
                      Ja, publicera
                    </button>
                    <button
                      class="button button-secondary"
                      type="button"
                      (click)="confirming.set(null)"
                    >
                      Avbryt
                    </button>
                  </span>
                } @else {
                  <button
                    class="button button-secondary"
                    type="button"
                    (click)="confirming.set(own.id)"
                  >
                    Publicera
                  </button>
                }
              </li>
            }
            @if (view.mayPublishDecision) {
              <li>
                Kommunens beslut:
                @if (view.decisionPublishedOn) {
                  publicerat {{ view.decisionPublishedOn }}.
                }
                @if (confirming() === 'decision') {
                  <span class="confirm" role="group" aria-label="Publicera beslutet">
                    <span>{{ publishDecisionText }}</span>
                    <button class="button" type="button" (click)="publishDecision()">
                      Ja, publicera
                    </button>
                    <button
                      class="button button-secondary"
                      type="button"
                      (click)="confirming.set(null)"
                    >
                      Avbryt
                    </button>
                  </span>
                } @else {
                  <button
                    class="button button-secondary"
                    type="button"
                    (click)="confirming.set('decision')"
                  >
                    Publicera beslutet
                  </button>
                }
              </li>
            }
          </ul>
        }
      }
    </section>
  `,
  styles: `
    .shared-item {
      border-left: 4px solid var(--lr-border, #c4c9d0);
      padding: 0.25rem 0 0.25rem 0.75rem;
      margin-block: 0.75rem;
    }
    .shared-item h4 {
      margin: 0 0 0.25rem;
    }
    .provenance {
      display: grid;
      grid-template-columns: max-content minmax(0, 1fr);
      gap: 0.125rem 1rem;
      margin: 0 0 0.5rem;
    }
    .provenance dt {
      font-weight: 600;
    }
    .provenance dd {
      margin: 0;
      overflow-wrap: anywhere;
      white-space: pre-line;
    }
    .publish {
      padding-left: 1.25rem;
    }
    .publish li {
      margin-block: 0.5rem;
    }
    .confirm {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin-top: 0.25rem;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .saving:empty {
      display: none;
    }
  `,
})
export class SharedKnowledgeSection {
  protected readonly store = inject(SharedKnowledgeStore);
  private readonly auth = inject(AuthStore);

  readonly request = input.required<RequestDetail>();

  protected readonly publishReviewText = PUBLISH_REVIEW_TEXT;
  protected readonly publishDecisionText = PUBLISH_DECISION_TEXT;
  /** The own review (id) or 'decision' whose publication is being confirmed. */
  protected readonly confirming = signal<string | null>(null);
  /** The published review being adopted. */
  protected readonly adopting = signal<string | null>(null);
  protected readonly redoError = signal<string | null>(null);

  private readonly serviceId = computed(() => this.request().serviceId);

  protected readonly view = computed(() => {
    const state = this.store.state();
    if (state.kind !== 'loaded') return null;
    const { shared } = state;
    const request = this.request();
    const roles = this.auth.roles() ?? [];
    const myKinds = REVIEW_KINDS.filter((kind) => roles.includes(REVIEW_ROLE[kind]));
    const decided = (PUBLIC_CATALOGUE_STATUSES as readonly string[]).includes(
      request.service?.catalogueStatus ?? '',
    );
    const ownDecision = shared.decisions.find((decision) => decision.own);
    return {
      version: shared.serviceVersion,
      reviews: shared.reviews
        .filter((review) => !review.own)
        .map((review) => ({
          id: review.id,
          source: review,
          title: `${REVIEW_KIND_LABELS[review.kind]}, ${review.municipality.name}`,
          municipality: review.municipality.name,
          role: ROLE_LABELS[review.reviewerRole],
          reviewedOn: review.reviewedOn,
          publishedOn: day(review.publishedAt),
          version:
            review.serviceVersion === shared.serviceVersion
              ? `${review.serviceVersion} (nuvarande)`
              : `${review.serviceVersion} (nu ${shared.serviceVersion})`,
          outcome: REVIEW_OUTCOME_LABELS[review.outcome],
          conditions: review.conditions.trim(),
          adoptedFrom: review.adoptedFrom?.municipality.name ?? null,
          mayAdopt: myKinds.includes(review.kind) && request.serviceId !== null,
        })),
      decisions: shared.decisions
        .filter((decision) => !decision.own)
        .map((decision) => ({
          id: decision.id,
          municipality: decision.municipality.name,
          status: CATALOGUE_STATUS_LABELS[decision.status],
          decidedOn: decision.decidedOn ?? 'Inget datum',
          publishedOn: day(decision.publishedAt),
          version: String(decision.serviceVersion),
          conditions: decision.publicConditions.trim(),
          reasons: decision.rejectionReasons
            .map((reason) => DECISION_REASON_LABELS[reason].label)
            .join(', '),
        })),
      publishable: myKinds
        .map((kind) => request.reviews?.[kind] ?? null)
        .filter((review) => review !== null)
        .map((review) => ({
          id: review.id,
          label: REVIEW_KIND_LABELS[review.kind],
          publishedOn: review.publishedAt ? day(review.publishedAt) : null,
        })),
      mayPublishDecision:
        decided &&
        request.serviceId !== null &&
        mayCall(ACCESS_POLICY['POST /api/services/:id/decision/publish'], roles),
      decisionPublishedOn: ownDecision ? day(ownDecision.publishedAt) : null,
    };
  });

  constructor() {
    effect(() => {
      const serviceId = this.serviceId();
      if (serviceId) untracked(() => void this.store.load(serviceId));
    });
  }

  protected startAdopting(id: string): void {
    this.redoError.set(null);
    this.adopting.set(id);
  }

  protected async adopt(event: Event, review: PublishedReview): Promise<void> {
    event.preventDefault();
    const serviceId = this.serviceId();
    const input = (event.target as HTMLFormElement).elements.namedItem(
      'redoBy',
    ) as HTMLInputElement;
    const redoBy = tidyDate(input.value);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(redoBy)) {
      this.redoError.set('Ange ett datum som ÅÅÅÅ-MM-DD.');
      return;
    }
    if (!serviceId) return;
    this.redoError.set(null);
    if (await this.store.adopt(review.id, serviceId, redoBy, review.municipality.name)) {
      this.adopting.set(null);
    }
  }

  protected async publishReview(reviewId: string): Promise<void> {
    if (await this.store.publishReview(reviewId)) this.confirming.set(null);
  }

  protected async publishDecision(): Promise<void> {
    const serviceId = this.serviceId();
    if (serviceId && (await this.store.publishDecision(serviceId))) this.confirming.set(null);
  }
}
