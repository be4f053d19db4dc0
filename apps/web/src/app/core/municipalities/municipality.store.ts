import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type { Municipality } from '@licensregistret/domain';

import { MunicipalitiesApi } from './municipalities-api';

export type MunicipalitiesState =
  { kind: 'loading' } | { kind: 'loaded'; municipalities: Municipality[] } | { kind: 'failed' };

/** Where this browser keeps the municipality last signed in to or looked at. */
export const MUNICIPALITY_STORAGE_KEY = 'licensregistret.kommun';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * The registry's municipalities, read once, and the one this browser chose last (remembered in
 * localStorage): the sign-in page and the public pages ask which only when there are several.
 */
@Injectable({ providedIn: 'root' })
export class MunicipalityStore {
  private readonly api = inject(MunicipalitiesApi);
  private readonly state$ = signal<MunicipalitiesState>({ kind: 'loading' });
  private readonly remembered$ = signal<string | null>(this.readRemembered());
  private loading: Promise<void> | null = null;

  readonly state = this.state$.asReadonly();
  readonly municipalities = computed(() => {
    const state = this.state$();
    return state.kind === 'loaded' ? state.municipalities : [];
  });
  /** Whether a person must say which municipality: the registry serves several. */
  readonly several = computed(() => this.municipalities().length > 1);
  /** The remembered choice, while it is still one of the registry's municipalities. */
  readonly remembered = computed(() => {
    const slug = this.remembered$();
    return this.municipalities().some((m) => m.slug === slug) ? slug : null;
  });

  /** Reads the list once; later calls wait for the same answer (a failure may be retried). */
  load(): Promise<void> {
    this.loading ??= this.fetch();
    return this.loading;
  }

  /** Reads the list again (the API did not know a municipality the page offered). */
  reload(): Promise<void> {
    this.loading = this.fetch();
    return this.loading;
  }

  /** The municipality of `slug`, if the registry has it. */
  find(slug: string | null | undefined): Municipality | null {
    return this.municipalities().find((m) => m.slug === slug) ?? null;
  }

  /**
   * The slug to send for a choice: the one chosen; with a single municipality, that one
   * (nothing to choose); otherwise none, and the API says which field is missing.
   */
  slugFor(chosen: string | null | undefined): string | undefined {
    if (chosen && this.find(chosen)) return chosen;
    const list = this.municipalities();
    return list.length === 1 ? list[0]?.slug : undefined;
  }

  remember(slug: string): void {
    this.remembered$.set(slug);
    try {
      storage()?.setItem(MUNICIPALITY_STORAGE_KEY, slug);
    } catch {
      // A browser that keeps nothing (private mode, full storage) asks again next time.
    }
  }

  private async fetch(): Promise<void> {
    try {
      this.state$.set({ kind: 'loaded', municipalities: await firstValueFrom(this.api.list()) });
    } catch {
      this.state$.set({ kind: 'failed' });
      this.loading = null;
    }
  }

  private readRemembered(): string | null {
    try {
      return storage()?.getItem(MUNICIPALITY_STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }
}
