import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { type Observable, catchError, firstValueFrom, forkJoin, map, of } from 'rxjs';

import type { Agreement, CostSplit, HistoryEntry, Licence } from '@licensregistret/domain';

import { AgreementsApi } from '../data/agreements-api';

/** A part of the page read on its own: one that fails leaves the rest of the page standing. */
export type Section<T> = { kind: 'loaded'; value: T } | { kind: 'failed' };

/** Another agreement of the renewal chain; its number is null if it could not be read. */
export interface AgreementRef {
  id: string;
  agreementNumber: string | null;
}

export interface AgreementView {
  agreement: Agreement;
  licences: Section<Licence[]>;
  costSplit: Section<CostSplit>;
  history: Section<HistoryEntry[]>;
  follows: AgreementRef | null;
  followedBy: AgreementRef | null;
}

export type AgreementState =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'failed' }
  | { kind: 'loaded'; view: AgreementView };

function section<T>(source: Observable<T>): Observable<Section<T>> {
  return source.pipe(
    map((value): Section<T> => ({ kind: 'loaded', value })),
    catchError(() => of<Section<T>>({ kind: 'failed' })),
  );
}

/** One agreement with its licences, cost split, history and renewal chain. */
@Injectable()
export class AgreementStore {
  private readonly api = inject(AgreementsApi);
  private readonly state$ = signal<AgreementState>({ kind: 'loading' });
  /** Counts loads, so the answer for an agreement left behind is dropped. */
  private loads = 0;

  readonly state = this.state$.asReadonly();

  async load(id: string): Promise<void> {
    const load = ++this.loads;
    this.state$.set({ kind: 'loading' });
    try {
      const { agreement, ...sections } = await firstValueFrom(
        forkJoin({
          agreement: this.api.get(id),
          licences: section(this.api.licences(id).pipe(map((page) => page.rows))),
          costSplit: section(this.api.costSplit(id)),
          history: section(this.api.history(id)),
        }),
      );
      const [follows, followedBy] = await firstValueFrom(
        forkJoin([this.ref(agreement.followsId), this.ref(agreement.followedById)]),
      );
      if (load !== this.loads) return;
      this.state$.set({
        kind: 'loaded',
        view: { agreement, ...sections, follows, followedBy },
      });
    } catch (error) {
      if (load !== this.loads) return;
      // A malformed id in the address is a 400: no such agreement either.
      const notFound =
        error instanceof HttpErrorResponse &&
        (error.status === HttpStatusCode.NotFound || error.status === HttpStatusCode.BadRequest);
      this.state$.set({ kind: notFound ? 'not-found' : 'failed' });
    }
  }

  private ref(id: string | null): Observable<AgreementRef | null> {
    if (!id) return of(null);
    return this.api.get(id).pipe(
      map((other): AgreementRef => ({ id, agreementNumber: other.agreementNumber })),
      catchError(() => of<AgreementRef>({ id, agreementNumber: null })),
    );
  }
}
