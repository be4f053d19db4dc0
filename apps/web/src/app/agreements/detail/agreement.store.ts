import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { type Observable, catchError, firstValueFrom, forkJoin, map, of } from 'rxjs';

import {
  type Agreement,
  type AgreementActionRequest,
  type CostSplit,
  type HistoryEntry,
  type Licence,
  MAX_PAGE_SIZE,
  PROBLEM_TYPES,
} from '@licensregistret/domain';

import {
  type FieldMessages,
  type FormErrors,
  formErrorsFromHttp,
  problemOf,
} from '../../shared/forms/form-errors';
import { AgreementsApi } from '../data/agreements-api';
import { AGREEMENT_ACTION_DONE_TEXTS } from './agreement-action-texts';

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

/** What became of the last lifecycle action, told at the top of the actions. */
export interface ActionOutcome {
  kind: 'done' | 'refused';
  text: string;
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
  private readonly outcome$ = signal<ActionOutcome | null>(null);
  /** Counts loads, so the answer for an agreement left behind is dropped. */
  private loads = 0;

  readonly state = this.state$.asReadonly();
  readonly outcome = this.outcome$.asReadonly();

  /** `quietly` keeps the page on screen while it is read again (after an action). */
  async load(id: string, quietly = false): Promise<void> {
    const load = ++this.loads;
    if (!quietly) {
      this.outcome$.set(null);
      this.state$.set({ kind: 'loading' });
    }
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

  /**
   * Takes a lifecycle action on the agreement shown. Done, or refused because the agreement
   * changed (409: the page is read again and says why): the outcome is told and the page shows
   * the agreement as it is now. Wrong input: the form's errors, in Swedish.
   */
  async act(
    request: Omit<AgreementActionRequest, 'version'>,
    messages: Record<string, FieldMessages>,
  ): Promise<'done' | 'refused' | FormErrors> {
    const state = this.state$();
    if (state.kind !== 'loaded') return 'refused';
    const { agreement } = state.view;
    this.outcome$.set(null);
    try {
      await firstValueFrom(this.api.act(agreement.id, { ...request, version: agreement.version }));
      await this.load(agreement.id, true);
      this.outcome$.set({ kind: 'done', text: AGREEMENT_ACTION_DONE_TEXTS[request.action] });
      return 'done';
    } catch (error) {
      if (!(error instanceof HttpErrorResponse) || error.status !== HttpStatusCode.Conflict) {
        return formErrorsFromHttp(error, messages);
      }
      const stale = problemOf(error)?.type === PROBLEM_TYPES.STALE_VERSION;
      await this.load(agreement.id, true);
      this.outcome$.set({
        kind: 'refused',
        text: stale
          ? 'Någon annan har ändrat avtalet sedan du öppnade sidan, så åtgärden gjordes inte. Sidan visar nu avtalet som det är; gör om åtgärden om den fortfarande behövs.'
          : 'Åtgärden går inte längre att göra på avtalet, så den gjordes inte. Sidan visar nu avtalet som det är och de åtgärder som går att göra.',
      });
      return 'refused';
    }
  }

  /**
   * The agreements that could follow this one: not already following another, and not starting
   * before it (the API checks the chain itself).
   */
  async successorCandidates(): Promise<Agreement[]> {
    const state = this.state$();
    if (state.kind !== 'loaded') return [];
    const { agreement } = state.view;
    const page = await firstValueFrom(
      this.api.list({ limit: MAX_PAGE_SIZE, sort: 'agreementNumber:asc', withTotal: false }),
    );
    return page.rows.filter(
      (other) =>
        other.id !== agreement.id &&
        other.followsId === null &&
        other.startsOn >= agreement.startsOn,
    );
  }

  private ref(id: string | null): Observable<AgreementRef | null> {
    if (!id) return of(null);
    return this.api.get(id).pipe(
      map((other): AgreementRef => ({ id, agreementNumber: other.agreementNumber })),
      catchError(() => of<AgreementRef>({ id, agreementNumber: null })),
    );
  }
}
