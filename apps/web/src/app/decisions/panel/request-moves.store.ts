import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { Injectable, inject, linkedSignal, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import {
  type ApprovalBlocker,
  type MoveRequest,
  PROBLEM_TYPES,
  REQUEST_STATE_LABELS,
  type RequestDetail,
  type RequestMove,
  describeBlocker,
} from '@licensregistret/domain';

import { RequestsApi } from '../../requests/data/requests-api';
import {
  type FormErrors,
  NO_ERRORS,
  formErrorsFromHttp,
  hasErrors,
  problemOf,
} from '../../shared/forms/form-errors';
import { MOVE_MESSAGES, type MoveFormValue, toMoveRequest, validateMove } from './moves/move-form';
import { type OpenedRequest, PanelRequestStore } from './panel-request.store';
import { RequestHistoryStore } from './request-history.store';

/** What the panel says after a move: done, or someone else got there first. */
export type PanelNotice = { kind: 'done' | 'conflict'; text: string } | null;

export type MoveResult = 'done' | 'invalid' | 'conflict' | 'failed';

export const NOT_NOW_MESSAGE =
  'Åtgärden går inte att göra i det läge begäran är i nu. Uppgifterna är omladdade: ' +
  'se efter vad som gäller.';

export const CONFLICT_MESSAGE =
  'Någon annan har ändrat begäran medan du hade den öppen. Uppgifterna är nu omladdade: ' +
  'se efter vad som gäller och försök igen om det behövs.';

/** What the panel says after a move that did not change the state. */
const SAME_STATE_TEXT: Partial<Record<RequestMove, string>> = {
  PROPOSE_DECISION: 'Beslutsförslaget är sparat och väntar på objektledarens beslut.',
  CORRECT_DECISION: 'Beslutet är rättat. Skolan har fått besked igen.',
  ENDORSE: 'Begäran är tillstyrkt.',
};

function doneText(before: RequestDetail, after: RequestDetail, move: RequestMove): string {
  if (after.state !== before.state) {
    return `Klart. Begäran ${after.number} har nu status ”${REQUEST_STATE_LABELS[after.state]}”.`;
  }
  return SAME_STATE_TEXT[move] ?? 'Klart.';
}

/**
 * The moves the caller makes on the open request: one at a time, with the version the panel
 * shows; what it led to (done, or someone else got there first), and what was wrong with it.
 * Both are forgotten when another request is opened.
 */
@Injectable()
export class RequestMovesStore {
  private readonly api = inject(RequestsApi);
  private readonly request = inject(PanelRequestStore);
  private readonly history = inject(RequestHistoryStore);

  private readonly saving$ = signal<RequestMove | null>(null);
  private readonly errors$ = linkedSignal<OpenedRequest | null, FormErrors>({
    source: this.request.opened,
    computation: () => NO_ERRORS,
  });
  private readonly notice$ = linkedSignal<OpenedRequest | null, PanelNotice>({
    source: this.request.opened,
    computation: () => null,
  });

  /** The move being saved, or null. */
  readonly saving = this.saving$.asReadonly();
  readonly errors = this.errors$.asReadonly();
  readonly notice = this.notice$.asReadonly();

  /**
   * Makes a move with what its form holds. A stale view (409) is read again and said so; a
   * refused field lands next to it.
   */
  async makeMove(move: RequestMove, value: MoveFormValue): Promise<MoveResult> {
    const before = this.request.request();
    if (!before || this.saving$() !== null) return 'failed';
    const invalid = validateMove(move, value, before);
    this.notice$.set(null);
    if (hasErrors(invalid)) {
      this.errors$.set(invalid);
      return 'invalid';
    }

    this.errors$.set(NO_ERRORS);
    this.saving$.set(move);
    const body = toMoveRequest(move, value, before);
    try {
      const after = await firstValueFrom(this.api.move(before.id, body));
      this.request.show(after);
      this.notice$.set({ kind: 'done', text: doneText(before, after, move) });
      void this.history.load(after.id);
      return 'done';
    } catch (error) {
      return this.refused(error, body);
    } finally {
      this.saving$.set(null);
    }
  }

  /**
   * Checks the form before a confirmation step shows it: true when the routine's rules pass;
   * otherwise the errors are set as a refused move's would be.
   */
  check(move: RequestMove, value: MoveFormValue): boolean {
    const request = this.request.request();
    if (!request) return false;
    const invalid = validateMove(move, value, request);
    this.notice$.set(null);
    this.errors$.set(invalid);
    return !hasErrors(invalid);
  }

  clearErrors(): void {
    this.errors$.set(NO_ERRORS);
  }

  /**
   * A refused move: a stale version (someone else moved the request) is read again and said so;
   * an approval the gates stop names what stops it; a refused field lands next to it.
   */
  private async refused(error: unknown, body: MoveRequest): Promise<MoveResult> {
    const problem = problemOf(error);
    const conflict = error instanceof HttpErrorResponse && error.status === HttpStatusCode.Conflict;
    if (conflict && !problem?.errors?.length) {
      const stale = problem?.type === PROBLEM_TYPES.STALE_VERSION;
      const blockers = (problem as { blockers?: ApprovalBlocker[] } | null)?.blockers;
      if (stale || !blockers?.length) {
        this.notice$.set({ kind: 'conflict', text: stale ? CONFLICT_MESSAGE : NOT_NOW_MESSAGE });
        await this.request.load();
        return 'conflict';
      }
      this.errors$.set({
        fields: {},
        general: [`Begäran kan inte godkännas än: ${blockers.map(describeBlocker).join('; ')}.`],
      });
      // The reviews may have changed since the panel read them.
      await this.request.load();
      return 'failed';
    }
    const errors = formErrorsFromHttp(error, MOVE_MESSAGES);
    // A new supplier's name already taken is said next to the organisation number typed.
    if (body.supplierOrganisationNumber && errors.fields['supplierId']) {
      const { supplierId, ...fields } = errors.fields;
      errors.fields = { ...fields, supplierOrganisationNumber: supplierId };
    }
    this.errors$.set(errors);
    return 'failed';
  }
}
