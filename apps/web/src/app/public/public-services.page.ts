import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import {
  CATALOGUE_STATUS_LABELS,
  PUBLIC_CATALOGUE_STATUSES,
  SERVICE_CATEGORY_LABELS,
} from '@licensregistret/domain';

import { MunicipalityStore } from '../core/municipalities/municipality.store';
import { countText, schoolFormNames } from '../shared/format/format';
import { publicMunicipality, publicQuery } from './public-municipality';
import { PUBLIC_PATHS } from './public-paths';
import { PublicServicesStore, type PublicStatusFilter } from './public-services.store';

/**
 * Tjänster och beslut (`/tjanster`, no sign-in): which digital services the municipality has
 * decided on for its schools, and which it has retired. No personal data. Where the registry
 * serves several municipalities, the visitor chooses one (`?kommun=`, remembered).
 */
@Component({
  selector: 'lr-public-services-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  providers: [PublicServicesStore],
  templateUrl: './public-services.page.html',
  styleUrl: './public-services.page.css',
})
export class PublicServicesPage {
  protected readonly store = inject(PublicServicesStore);
  protected readonly municipalities = inject(MunicipalityStore);
  private readonly router = inject(Router);

  /** Query `?kommun=`: the municipality's slug, where the registry serves several. */
  readonly kommun = input<string>();

  protected readonly choice = publicMunicipality(this.kommun);
  protected readonly query = computed(() => publicQuery(this.choice()));
  protected readonly chosenName = computed(() => {
    const choice = this.choice();
    return choice.kind === 'chosen' ? (choice.municipality?.name ?? null) : null;
  });

  protected readonly statuses = PUBLIC_CATALOGUE_STATUSES;
  protected readonly statusLabels = CATALOGUE_STATUS_LABELS;
  protected readonly accessibilityPath = PUBLIC_PATHS.accessibility;
  protected readonly servicesPath = PUBLIC_PATHS.services;

  protected readonly rows = computed(() =>
    this.store.shown().map((service) => ({
      id: service.id,
      name: service.name,
      supplier: service.supplierName,
      category: SERVICE_CATEGORY_LABELS[service.category] ?? service.category,
      schoolForms: schoolFormNames(service.schoolForms, 'Alla skolformer'),
      status: service.status,
      statusText: CATALOGUE_STATUS_LABELS[service.status] ?? service.status,
      decidedOn: service.decidedOn ?? 'Inget datum',
      conditions: service.publicConditions.trim(),
    })),
  );

  protected readonly statusText = computed(() => {
    const choice = this.choice().kind;
    if (choice === 'choose') return 'Välj kommun för att se vilka tjänster den har beslutat om.';
    if (choice === 'waiting') return 'Hämtar tjänster …';
    const state = this.store.state();
    switch (state.status) {
      case 'loading':
        return 'Hämtar tjänster …';
      case 'failed':
        return 'Tjänsterna kunde inte hämtas. Försök igen om en stund.';
      case 'loaded': {
        const shown = this.rows().length;
        if (state.services.length === 0) return 'Inga beslut är registrerade än.';
        if (shown === 0) return 'Inga tjänster matchar.';
        return shown === state.services.length
          ? countText(shown, 'tjänst', 'tjänster')
          : `${countText(shown, 'tjänst', 'tjänster')} av ${state.services.length}`;
      }
    }
  });

  constructor() {
    const slug = computed(() => {
      const choice = this.choice();
      return choice.kind === 'chosen' ? (choice.municipality?.slug ?? '') : null;
    });
    effect(() => {
      const chosen = slug();
      if (chosen !== null) untracked(() => void this.store.load(chosen || undefined));
    });
  }

  protected chooseMunicipality(event: Event): void {
    const slug = (event.target as HTMLSelectElement).value;
    if (!slug) return;
    this.municipalities.remember(slug);
    void this.router.navigate([], { queryParams: { kommun: slug }, queryParamsHandling: 'merge' });
  }

  protected search(event: Event): void {
    this.store.search((event.target as HTMLInputElement).value);
  }

  protected chooseStatus(event: Event): void {
    this.store.filterStatus((event.target as HTMLSelectElement).value as PublicStatusFilter);
  }
}
