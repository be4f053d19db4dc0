import { ChangeDetectionStrategy, Component, type OnInit, computed, inject } from '@angular/core';

import {
  CATALOGUE_STATUS_LABELS,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  SIGN_IN_METHOD_LABELS,
  type ServiceCategory,
} from '@licensregistret/domain';

import { countText, schoolFormNames } from '../shared/format/format';
import { CatalogueStore } from './catalogue.store';
import { licenceStatus } from './licence-status';

/** The host name of a web address, as the link's text: "www.ne.se". */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Katalog: the approved services, searchable by name and category, each saying whether the
 * person's unit (or a unit they pick) already has it through a licence.
 */
@Component({
  selector: 'lr-catalogue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [CatalogueStore],
  templateUrl: './catalogue.page.html',
  styleUrl: './catalogue.page.css',
})
export class CataloguePage implements OnInit {
  protected readonly store = inject(CatalogueStore);

  protected readonly categories = SERVICE_CATEGORIES;
  protected readonly categoryLabels = SERVICE_CATEGORY_LABELS;

  protected readonly statusText = computed(() => {
    const { status, total } = this.store.state();
    switch (status) {
      case 'loading':
        return 'Hämtar tjänster …';
      case 'failed':
        return 'Katalogen kunde inte hämtas. Försök igen om en stund.';
      case 'loaded':
        return total === 0
          ? 'Inga tjänster matchar sökningen.'
          : countText(total, 'tjänst', 'tjänster');
    }
  });

  protected readonly entries = computed(() => {
    const context = this.store.context();
    return this.store.state().entries.map((entry) => ({
      ...entry,
      licence: licenceStatus(entry, context),
      categoryText: SERVICE_CATEGORY_LABELS[entry.category],
      schoolFormsText: schoolFormNames(entry.schoolForms, 'Alla skolformer'),
      signInText: SIGN_IN_METHOD_LABELS[entry.signInMethod],
      decisionText: CATALOGUE_STATUS_LABELS[entry.catalogueStatus],
      conditions: entry.conditions.trim() || null,
      host: entry.webAddress ? hostOf(entry.webAddress) : null,
    }));
  });

  ngOnInit(): void {
    void this.store.start();
  }

  protected search(event: Event): void {
    this.store.searchSoon((event.target as HTMLInputElement).value);
  }

  protected chooseCategory(event: Event): void {
    this.store.setFilter('category', (event.target as HTMLSelectElement).value as ServiceCategory);
  }

  protected chooseUnit(event: Event): void {
    this.store.setFilter('unitId', (event.target as HTMLSelectElement).value);
  }

  protected loadMore(): Promise<void> {
    return this.store.loadMore();
  }
}
