import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { Injectable, type WritableSignal, inject, signal } from '@angular/core';
import { type Observable, catchError, firstValueFrom, forkJoin, map, of } from 'rxjs';

import {
  type MoveConflict,
  type RequestDetail,
  type RequestEvent,
  type RequestMove,
  moveInputProblems,
} from '@licensregistret/domain';

import {
  type FieldMessages,
  type FormErrors,
  NO_ERRORS,
  formErrorsFromHttp,
  hasErrors,
  problemOf,
} from '../../shared/forms/form-errors';
import { CommentSender } from '../comment/comment-sender';
import { RequestsApi } from '../data/requests-api';
import {
  REQUEST_MESSAGES,
  type RequestFormValue,
  toRequestContent,
  validateRequest,
} from '../form/request-form';
import { stateLabel } from '../request-labels';

/** A part of the page read on its own: one that fails leaves the rest of the page standing. */
export type Section<T> = { kind: 'loaded'; value: T } | { kind: 'failed' };

export type RequestPageState =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'failed' }
  | { kind: 'loaded'; request: RequestDetail; events: Section<RequestEvent[]> };

/** What the last move or edit led to: done, or someone else got there first. */
export interface Notice {
  kind: 'done' | 'conflict';
  text: string;
}

/** What is being sent now: a move, or the edited content. */
export type Busy = RequestMove | 'EDIT' | null;

/** Messages for what a move must carry (the API names the field it lacks). */
export const MOVE_MESSAGES: Record<string, FieldMessages> = {
  text: { invalid: 'Skriv ditt svar på frågan.' },
  endorsement: { invalid: 'Rektor behöver tillstyrka begäran innan den kan skickas in.' },
};

/** A decline's text is its reason. */
export const DECLINE_MESSAGES: Record<string, FieldMessages> = {
  ...MOVE_MESSAGES,
  text: { invalid: 'Skriv varför du avstyrker begäran.' },
};

const messagesFor = (move: RequestMove) => (move === 'DECLINE' ? DECLINE_MESSAGES : MOVE_MESSAGES);

const DONE_TEXT: Partial<Record<RequestMove | 'EDIT', string>> = {
  ENDORSE: 'Du har tillstyrkt begäran.',
  DECLINE: 'Du har avstyrkt begäran. Beställaren har fått besked och kan ändra den.',
  SUBMIT: 'Begäran är inskickad. Du får en notis när den har bedömts.',
  ANSWER: 'Ditt svar är skickat.',
  WITHDRAW: 'Begäran är återtagen.',
  EDIT: 'Ändringarna är sparade.',
};

function section<T>(source: Observable<T>): Observable<Section<T>> {
  return source.pipe(
    map((value): Section<T> => ({ kind: 'loaded', value })),
    catchError(() => of<Section<T>>({ kind: 'failed' })),
  );
}

function isStatus(error: unknown, ...statuses: number[]): boolean {
  return error instanceof HttpErrorResponse && statuses.includes(error.status);
}

/** "Someone else changed it": a 409 that names no field of the form. */
function isConflict(error: unknown): boolean {
  if (!isStatus(error, HttpStatusCode.Conflict)) return false;
  const fields = (problemOf(error)?.errors ?? []).filter((item) => item.field !== 'version');
  return fields.length === 0;
}

export function conflictText(error: unknown): string {
  const current = problemOf(error) as Partial<MoveConflict> | null;
  const now = current?.currentState
    ? ` Den har nu status ${stateLabel(current.currentState)}.`
    : '';
  return (
    `Någon annan har ändrat begäran medan du hade den öppen, så det du gjorde sparades inte.${now}` +
    ' Sidan visar nu det senaste; gör om det du ville göra om det fortfarande behövs.'
  );
}

/**
 * One request with its history, and the school's moves on it: endorse, submit, answer the open
 * question, withdraw, and edit while it may be edited; and comments added to its history. A move
 * on a stale version reloads the request and says someone else changed it.
 */
@Injectable()
export class RequestStore {
  private readonly api = inject(RequestsApi);
  private readonly state$ = signal<RequestPageState>({ kind: 'loading' });
  private readonly busy$ = signal<Busy>(null);
  private readonly moveErrors$ = signal<FormErrors>(NO_ERRORS);
  private readonly editErrors$ = signal<FormErrors>(NO_ERRORS);
  private readonly notice$ = signal<Notice | null>(null);
  private readonly comments = new CommentSender(this.api);
  /** Counts loads, so the answer for a request left behind is dropped. */
  private loads = 0;

  readonly state = this.state$.asReadonly();
  readonly busy = this.busy$.asReadonly();
  /** What is wrong with the last move: what it lacks (`text`, `endorsement`) or in general. */
  readonly moveErrors = this.moveErrors$.asReadonly();
  /** What is wrong with the edited content, by field or in general. */
  readonly editErrors = this.editErrors$.asReadonly();
  readonly notice = this.notice$.asReadonly();
  /** Whether a comment is being saved. */
  readonly commenting = this.comments.sending;
  /** What is wrong with the last comment: its text, or in general. */
  readonly commentErrors = this.comments.errors;
  /** What the last comment led to, for the comment form's status line. */
  readonly commentStatus = this.comments.status;

  async load(id: string): Promise<void> {
    const load = ++this.loads;
    this.state$.set({ kind: 'loading' });
    this.clearErrors();
    this.notice$.set(null);
    this.comments.reset();
    await this.read(id, load);
  }

  /** Makes a move; true when it was made. `text` is what an answer or a decline carries. */
  async move(move: RequestMove, text?: string): Promise<boolean> {
    const request = this.request();
    if (!request || this.busy$()) return false;
    // What the routine says the move must carry (an answer its text), kept in the form.
    const missing = moveInputProblems(move, { text });
    if (missing.length > 0) {
      const fields = Object.fromEntries(
        missing.map(({ field }) => [
          field,
          [messagesFor(move)[field]?.invalid ?? 'Uppgiften saknas.'],
        ]),
      );
      this.moveErrors$.set({ fields, general: [] });
      return false;
    }
    return this.send(move, this.moveErrors$, messagesFor(move), () =>
      this.api.move(request.id, {
        move,
        version: request.version,
        ...(text !== undefined ? { text: text.trim() } : {}),
      }),
    );
  }

  /** Saves the edited content; true when saved. */
  async update(value: RequestFormValue): Promise<boolean> {
    const request = this.request();
    if (!request || this.busy$()) return false;
    const invalid = validateRequest(value);
    if (hasErrors(invalid)) {
      this.editErrors$.set(invalid);
      return false;
    }
    return this.send('EDIT', this.editErrors$, REQUEST_MESSAGES, () =>
      this.api.update(request.id, { ...toRequestContent(value), version: request.version }),
    );
  }

  clearErrors(): void {
    this.moveErrors$.set(NO_ERRORS);
    this.editErrors$.set(NO_ERRORS);
  }

  /**
   * Adds a comment to the history, then reads the history again; true when saved. An empty
   * comment is refused here; a refused one lands at the field or is said for the form.
   */
  async comment(text: string): Promise<boolean> {
    const request = this.request();
    if (!request) return false;
    const load = this.loads;
    return this.comments.send(
      request.id,
      text,
      () => load === this.loads,
      async () => {
        const events = await firstValueFrom(section(this.api.events(request.id)));
        const state = this.state$();
        if (load !== this.loads || state.kind !== 'loaded') return null;
        this.state$.set({ ...state, events });
        return events.kind === 'loaded';
      },
    );
  }

  private request(): RequestDetail | null {
    const state = this.state$();
    return state.kind === 'loaded' ? state.request : null;
  }

  private async send(
    what: Exclude<Busy, null>,
    errors: WritableSignal<FormErrors>,
    messages: Record<string, FieldMessages>,
    call: () => Observable<RequestDetail>,
  ): Promise<boolean> {
    const load = this.loads;
    this.busy$.set(what);
    this.clearErrors();
    this.notice$.set(null);
    try {
      const updated = await firstValueFrom(call());
      if (load !== this.loads) return false;
      const events = await firstValueFrom(section(this.api.events(updated.id)));
      if (load !== this.loads) return false;
      this.state$.set({ kind: 'loaded', request: updated, events });
      this.notice$.set({ kind: 'done', text: DONE_TEXT[what] ?? 'Klart.' });
      return true;
    } catch (error) {
      if (load !== this.loads) return false;
      if (isConflict(error)) {
        const request = this.request();
        if (request) await this.read(request.id, load);
        this.notice$.set({ kind: 'conflict', text: conflictText(error) });
      } else {
        errors.set(formErrorsFromHttp(error, messages));
      }
      return false;
    } finally {
      this.busy$.set(null);
    }
  }

  private async read(id: string, load: number): Promise<void> {
    try {
      const { request, events } = await firstValueFrom(
        forkJoin({ request: this.api.get(id), events: section(this.api.events(id)) }),
      );
      if (load !== this.loads) return;
      this.state$.set({ kind: 'loaded', request, events });
    } catch (error) {
      if (load !== this.loads) return;
      // A malformed id in the address is a 400: no such request either.
      const notFound = isStatus(error, HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
      this.state$.set({ kind: notFound ? 'not-found' : 'failed' });
    }
  }
}
