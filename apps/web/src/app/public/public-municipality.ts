import { type Signal, computed, inject } from '@angular/core';

import type { Municipality } from '@licensregistret/domain';

import { MunicipalityStore } from '../core/municipalities/municipality.store';

/**
 * Whose decisions a public page shows: where the registry serves one municipality, that one
 * (nothing to choose, as before); of several, the one in the address (`?kommun=`), else the one
 * this browser chose last, else the visitor is asked.
 */
export type PublicMunicipality =
  | { kind: 'waiting' }
  | { kind: 'choose' }
  /** `municipality` is null when the registry serves one (or its list could not be read). */
  | { kind: 'chosen'; municipality: Municipality | null };

export function publicMunicipality(kommun: Signal<string | undefined>): Signal<PublicMunicipality> {
  const store = inject(MunicipalityStore);
  void store.load();
  return computed(() => {
    const state = store.state();
    if (state.kind === 'loading') return { kind: 'waiting' };
    if (!store.several()) return { kind: 'chosen', municipality: null };
    const municipality = store.find(kommun()) ?? store.find(store.remembered());
    return municipality ? { kind: 'chosen', municipality } : { kind: 'choose' };
  });
}

/** The query parameters that keep a public page's municipality on its links. */
export function publicQuery(choice: PublicMunicipality): { kommun: string } | null {
  return choice.kind === 'chosen' && choice.municipality
    ? { kommun: choice.municipality.slug }
    : null;
}
