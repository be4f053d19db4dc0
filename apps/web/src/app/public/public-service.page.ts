import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';

import {
  CATALOGUE_STATUS_LABELS,
  DECISION_REASON_LABELS,
  PRODUCT_NAME,
  SERVICE_CATEGORY_LABELS,
} from '@licensregistret/domain';

import { schoolFormNames } from '../shared/format/format';
import { publicMunicipality, publicQuery } from './public-municipality';
import { PUBLIC_PATHS } from './public-paths';
import { PublicServicesStore } from './public-services.store';

/**
 * One decided or retired service for anyone (`/tjanster/:id`, no sign-in): the decision and its
 * date, the grounds of a rejection, the public conditions of an approval. No personal data. Of the
 * municipality in `?kommun=` as the list page chooses it.
 */
@Component({
  selector: 'lr-public-service-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  providers: [PublicServicesStore],
  template: `
    <p>
      <a [routerLink]="listPath" [queryParams]="query()">Tillbaka till tjänster och beslut</a>
    </p>
    @switch (view().kind) {
      @case ('loading') {
        <h1>Tjänst och beslut</h1>
        <p role="status">Hämtar tjänsten …</p>
      }
      @case ('failed') {
        <h1>Tjänst och beslut</h1>
        <p role="status">Tjänsten kunde inte hämtas. Försök igen om en stund.</p>
      }
      @case ('choose') {
        <h1>Tjänst och beslut</h1>
        <p>Välj kommun i listan över tjänster och beslut.</p>
      }
      @case ('missing') {
        <h1>Tjänsten finns inte i listan</h1>
        <p>
          Kommunen har inte beslutat om någon tjänst med den här adressen. Den kan vara under
          granskning; se listan över tjänster och beslut.
        </p>
      }
      @case ('found') {
        @if (service(); as service) {
          <h1>{{ service.name }}</h1>
          @if (municipalityName(); as name) {
            <p class="municipality-name">{{ name }}</p>
          }
          <p class="decision" [attr.data-status]="service.status">
            {{ service.statusText }}
          </p>
          <dl class="facts">
            <dt>Beslutsdatum</dt>
            <dd>{{ service.decidedOn }}</dd>
            <dt>Leverantör</dt>
            <dd>{{ service.supplier }}</dd>
            <dt>Kategori</dt>
            <dd>{{ service.category }}</dd>
            <dt>Skolformer</dt>
            <dd>{{ service.schoolForms }}</dd>
          </dl>
          @if (service.status === 'APPROVED_WITH_CONDITIONS') {
            <h2>Villkor för att använda tjänsten</h2>
            @if (service.conditions) {
              <p class="conditions">{{ service.conditions }}</p>
            } @else {
              <p>Villkoren är inte publicerade. Fråga din rektor vad som gäller.</p>
            }
          }
          @if (service.status === 'REJECTED') {
            <h2>Skäl till avslaget</h2>
            @if (service.reasons.length > 0) {
              <p>Tjänsten bedömdes inte uppfylla de här kraven:</p>
              <ul class="reasons">
                @for (reason of service.reasons; track reason.label) {
                  <li>
                    <strong>{{ reason.label }}.</strong> Kravet: {{ reason.meaning }}
                  </li>
                }
              </ul>
            } @else {
              <p>Skälen är inte publicerade.</p>
            }
          }
          @if (service.status === 'RETIRED') {
            <p>Tjänsten är avvecklad och ska inte längre användas i förskola och skola.</p>
          }
        }
      }
    }
  `,
  styles: `
    .decision {
      display: inline-block;
      padding: 0.25rem 0.75rem;
      border-radius: 0.25rem;
      font-weight: 600;
      color: #3d434a;
      background: #eceef1;
    }
    .decision[data-status='APPROVED'] {
      color: #14632b;
      background: #e3f4e8;
    }
    .decision[data-status='APPROVED_WITH_CONDITIONS'] {
      color: #0b4f5c;
      background: #dff1f4;
      box-shadow: inset 0 0 0 1px #0b4f5c;
    }
    .decision[data-status='REJECTED'] {
      color: #8a1c12;
      background: #fdecea;
    }
    .facts {
      display: grid;
      grid-template-columns: max-content minmax(0, 1fr);
      gap: 0.25rem 1.5rem;
    }
    .facts dt {
      font-weight: 600;
    }
    .facts dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .conditions {
      max-width: 48rem;
      white-space: pre-line;
    }
  `,
})
export class PublicServicePage {
  private readonly store = inject(PublicServicesStore);
  private readonly title = inject(Title);

  /** Route parameter. */
  readonly id = input.required<string>();
  /** Query `?kommun=`: the municipality's slug, where the registry serves several. */
  readonly kommun = input<string>();

  private readonly choice = publicMunicipality(this.kommun);
  protected readonly query = computed(() => publicQuery(this.choice()));
  protected readonly municipalityName = computed(() => {
    const choice = this.choice();
    return choice.kind === 'chosen' ? (choice.municipality?.name ?? null) : null;
  });

  protected readonly listPath = PUBLIC_PATHS.services;

  protected readonly service = computed(() => {
    const state = this.store.state();
    const service = state.services.find((candidate) => candidate.id === this.id());
    if (!service) return null;
    return {
      name: service.name,
      status: service.status,
      statusText: CATALOGUE_STATUS_LABELS[service.status] ?? service.status,
      decidedOn: service.decidedOn ?? 'Inget datum',
      supplier: service.supplierName,
      category: SERVICE_CATEGORY_LABELS[service.category] ?? service.category,
      schoolForms: schoolFormNames(service.schoolForms, 'Alla skolformer'),
      conditions: service.publicConditions.trim(),
      reasons: service.rejectionReasons.map((reason) => DECISION_REASON_LABELS[reason]),
    };
  });

  protected readonly view = computed(
    (): { kind: 'loading' | 'choose' | 'failed' | 'missing' | 'found' } => {
      const choice = this.choice().kind;
      if (choice !== 'chosen') return { kind: choice === 'choose' ? 'choose' : 'loading' };
      const state = this.store.state();
      if (state.status !== 'loaded') return { kind: state.status };
      return { kind: this.service() ? 'found' : 'missing' };
    },
  );

  constructor() {
    const slug = computed(() => {
      const choice = this.choice();
      return choice.kind === 'chosen' ? (choice.municipality?.slug ?? '') : null;
    });
    effect(() => {
      const chosen = slug();
      if (chosen !== null) untracked(() => void this.store.load(chosen || undefined));
    });
    const name = computed(() => this.service()?.name);
    effect(() => {
      const known = name();
      // The title names the service (WCAG 2.4.2), once it is known.
      if (known) this.title.setTitle(`${known} – ${PRODUCT_NAME}`);
    });
  }
}
