import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import {
  type ApprovalBlocker,
  type DigitalService,
  type MoveRequest,
  REQUEST_STATE_LABELS,
  type RequestDetail,
  type RequestEvent,
  type RequestMove,
  type Supplier,
  type UnitServiceLicence,
  describeBlocker,
} from '@licensregistret/domain';

import { SuppliersApi } from '../../agreements/data/suppliers-api';
import {
  commentErrorsFromHttp,
  commentSavedText,
  validateComment,
} from '../../requests/comment/comment';
import { RequestsApi } from '../../requests/data/requests-api';
import { ReviewsApi } from '../../requests/data/reviews-api';
import {
  type FormErrors,
  NO_ERRORS,
  formErrorsFromHttp,
  hasErrors,
  problemOf,
} from '../../shared/forms/form-errors';
import { readAll } from '../data/read-all';
import { ServicesApi } from '../data/services-api';
import { UnitLicencesApi } from '../data/unit-licences-api';
import { MOVE_MESSAGES, type MoveFormValue, toMoveRequest, validateMove } from './moves/move-form';
import {
  CHANGE_REPORTED_TEXT,
  SERVICE_CHANGE_MESSAGES,
  type ServiceChangeFormValue,
  toReportServiceChangeRequest,
  validateServiceChange,
} from './service-change-form';

/** A part of the panel read on its own: one that fails leaves the rest standing. */
export type Section<T> = { kind: 'loading' } | { kind: 'loaded'; value: T } | { kind: 'failed' };

export type PanelState =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'failed' }
  | { kind: 'loaded'; request: RequestDetail };

/** What the panel says after a move: done, or someone else got there first. */
export type PanelNotice = { kind: 'done' | 'conflict'; text: string } | null;

/** What a new tool can be linked to or created under when it goes to review. */
export interface NewToolChoices {
  services: Pick<DigitalService, 'id' | 'name' | 'supplierName'>[];
  suppliers: Pick<Supplier, 'id' | 'name' | 'organisationNumber'>[];
}

export type MoveResult = 'done' | 'invalid' | 'conflict' | 'failed';

const STALE_VERSION_TYPE = 'urn:licensregistret:problem:stale-version';

export const NOT_NOW_MESSAGE =
  'Åtgärden går inte att göra i det läge begäran är i nu. Uppgifterna är omladdade: ' +
  'se efter vad som gäller.';

export const CONFLICT_MESSAGE =
  'Någon annan har ändrat begäran medan du hade den öppen. Uppgifterna är nu omladdade: ' +
  'se efter vad som gäller och försök igen om det behövs.';

/** What the panel says after a move that did not change the state. */
const SAME_STATE_TEXT: Partial<Record<RequestMove, string>> = {
  PROPOSE_DECISION: 'Beslutsförslaget är sparat och väntar på objektledarens beslut.',
  ENDORSE: 'Begäran är tillstyrkt.',
};

function doneText(before: RequestDetail, after: RequestDetail, move: RequestMove): string {
  if (after.state !== before.state) {
    return `Klart. Begäran ${after.number} har nu status ”${REQUEST_STATE_LABELS[after.state]}”.`;
  }
  return SAME_STATE_TEXT[move] ?? 'Klart.';
}

function notFound(error: unknown): boolean {
  // A malformed id in the address is a 400: no such request either.
  return (
    error instanceof HttpErrorResponse &&
    (error.status === HttpStatusCode.NotFound || error.status === HttpStatusCode.BadRequest)
  );
}

/**
 * One request in the side panel: the request with its reviews and history, the moves the caller
 * makes on it, and what some moves' forms choose from (the unit's licences, services, suppliers);
 * comments on the request, and changes of its service that make the reviews due again.
 */
@Injectable()
export class RequestPanelStore {
  private readonly api = inject(RequestsApi);
  private readonly licencesApi = inject(UnitLicencesApi);
  private readonly servicesApi = inject(ServicesApi);
  private readonly suppliersApi = inject(SuppliersApi);
  private readonly reviewsApi = inject(ReviewsApi);

  private readonly state$ = signal<PanelState>({ kind: 'loading' });
  private readonly events$ = signal<Section<RequestEvent[]>>({ kind: 'loading' });
  private readonly saving$ = signal<RequestMove | null>(null);
  private readonly errors$ = signal<FormErrors>(NO_ERRORS);
  private readonly notice$ = signal<PanelNotice>(null);
  private readonly licences$ = signal<Section<UnitServiceLicence[]>>({ kind: 'loading' });
  private readonly newToolChoices$ = signal<Section<NewToolChoices>>({ kind: 'loading' });
  private readonly commenting$ = signal(false);
  private readonly commentErrors$ = signal<FormErrors>(NO_ERRORS);
  private readonly commentStatus$ = signal('');
  private readonly reportingChange$ = signal(false);
  private readonly changeErrors$ = signal<FormErrors>(NO_ERRORS);
  private readonly changeNotice$ = signal<string | null>(null);

  readonly state = this.state$.asReadonly();
  readonly events = this.events$.asReadonly();
  /** The move being saved, or null. */
  readonly saving = this.saving$.asReadonly();
  readonly errors = this.errors$.asReadonly();
  readonly notice = this.notice$.asReadonly();
  readonly licences = this.licences$.asReadonly();
  readonly newToolChoices = this.newToolChoices$.asReadonly();
  /** Whether a comment is being saved. */
  readonly commenting = this.commenting$.asReadonly();
  readonly commentErrors = this.commentErrors$.asReadonly();
  /** What the last comment led to, for the comment form's status line. */
  readonly commentStatus = this.commentStatus$.asReadonly();
  /** Whether a change of the service is being reported. */
  readonly reportingChange = this.reportingChange$.asReadonly();
  readonly changeErrors = this.changeErrors$.asReadonly();
  /** Said once a change of the service is reported and the request read again. */
  readonly changeNotice = this.changeNotice$.asReadonly();

  private id: string | null = null;
  /** Counts loads, so the answer for a request left behind is dropped. */
  private loads = 0;
  private licencesOf: string | null = null;
  private newToolChoicesLoaded = false;

  /** Shows another request: forgets what was said about the previous one. */
  async open(id: string): Promise<void> {
    this.id = id;
    this.notice$.set(null);
    this.errors$.set(NO_ERRORS);
    this.commentErrors$.set(NO_ERRORS);
    this.commentStatus$.set('');
    this.changeErrors$.set(NO_ERRORS);
    this.changeNotice$.set(null);
    this.state$.set({ kind: 'loading' });
    this.events$.set({ kind: 'loading' });
    await this.load();
  }

  /** Reads the request and its history again. */
  async load(): Promise<void> {
    const id = this.id;
    if (!id) return;
    const load = ++this.loads;
    const events = this.loadEvents(id, load);
    try {
      const request = await firstValueFrom(this.api.get(id));
      if (load !== this.loads) return;
      this.state$.set({ kind: 'loaded', request });
    } catch (error) {
      if (load !== this.loads) return;
      this.state$.set({ kind: notFound(error) ? 'not-found' : 'failed' });
    }
    await events;
  }

  /**
   * Makes a move with what its form holds. A stale view (409) is read again and said so; a
   * refused field lands next to it.
   */
  async makeMove(move: RequestMove, value: MoveFormValue): Promise<MoveResult> {
    const state = this.state$();
    if (state.kind !== 'loaded' || this.saving$() !== null) return 'failed';
    const before = state.request;
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
      this.loads++;
      this.state$.set({ kind: 'loaded', request: after });
      this.notice$.set({ kind: 'done', text: doneText(before, after, move) });
      void this.loadEvents(after.id, this.loads);
      return 'done';
    } catch (error) {
      return this.refused(error, body);
    } finally {
      this.saving$.set(null);
    }
  }

  /**
   * A refused move: a stale version (someone else moved the request) is read again and said so;
   * an approval the gates stop names what stops it; a refused field lands next to it.
   */
  private async refused(error: unknown, body: MoveRequest): Promise<MoveResult> {
    const problem = problemOf(error);
    const conflict = error instanceof HttpErrorResponse && error.status === HttpStatusCode.Conflict;
    if (conflict && !problem?.errors?.length) {
      const blockers = (problem as { blockers?: ApprovalBlocker[] } | null)?.blockers;
      if (problem?.type === STALE_VERSION_TYPE || !blockers?.length) {
        this.notice$.set({
          kind: 'conflict',
          text: problem?.type === STALE_VERSION_TYPE ? CONFLICT_MESSAGE : NOT_NOW_MESSAGE,
        });
        await this.load();
        return 'conflict';
      }
      this.errors$.set({
        fields: {},
        general: [`Begäran kan inte godkännas än: ${blockers.map(describeBlocker).join('; ')}.`],
      });
      // The reviews may have changed since the panel read them.
      await this.load();
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

  clearErrors(): void {
    this.errors$.set(NO_ERRORS);
  }

  /**
   * Adds a comment to the request's history, then reads the history again; true when saved.
   * An empty comment is refused here; a refused one lands at the field or is said for the form.
   */
  async comment(text: string): Promise<boolean> {
    const id = this.id;
    if (!id || this.commenting$()) return false;
    this.commentStatus$.set('');
    const invalid = validateComment(text);
    if (hasErrors(invalid)) {
      this.commentErrors$.set(invalid);
      return false;
    }
    this.commentErrors$.set(NO_ERRORS);
    this.commenting$.set(true);
    try {
      await firstValueFrom(this.api.comment(id, { text: text.trim() }));
      if (this.id !== id) return false;
      await this.loadEvents(id, this.loads);
      if (this.id !== id) return false;
      this.commentStatus$.set(commentSavedText(this.events$().kind === 'loaded'));
      return true;
    } catch (error) {
      if (this.id === id) this.commentErrors$.set(commentErrorsFromHttp(error));
      return false;
    } finally {
      this.commenting$.set(false);
    }
  }

  /**
   * Reports a new version, migration or sub-processor of the request's service: its reviews are
   * due again. The request is read again (its reviews and approval blockers change); true when
   * the change was reported.
   */
  async reportChange(value: ServiceChangeFormValue): Promise<boolean> {
    const state = this.state$();
    const id = this.id;
    if (state.kind !== 'loaded' || !id || this.reportingChange$()) return false;
    const serviceId = state.request.serviceId;
    if (serviceId === null) return false;
    this.changeNotice$.set(null);
    const invalid = validateServiceChange(value);
    if (hasErrors(invalid)) {
      this.changeErrors$.set(invalid);
      return false;
    }
    this.changeErrors$.set(NO_ERRORS);
    this.reportingChange$.set(true);
    try {
      await firstValueFrom(
        this.reviewsApi.reportChange(serviceId, toReportServiceChangeRequest(value)),
      );
      if (this.id !== id) return false;
      await this.load();
      if (this.id !== id) return false;
      this.changeNotice$.set(CHANGE_REPORTED_TEXT);
      return true;
    } catch (error) {
      if (this.id === id)
        this.changeErrors$.set(formErrorsFromHttp(error, SERVICE_CHANGE_MESSAGES));
      return false;
    } finally {
      this.reportingChange$.set(false);
    }
  }

  /** The licences in force for the request's unit, to name the one that already covers it. */
  async loadLicences(unitId: string): Promise<void> {
    if (this.licencesOf === unitId && this.licences$().kind === 'loaded') return;
    this.licencesOf = unitId;
    this.licences$.set({ kind: 'loading' });
    try {
      const licences = await firstValueFrom(this.licencesApi.forUnit(unitId));
      if (this.licencesOf === unitId) this.licences$.set({ kind: 'loaded', value: licences });
    } catch {
      if (this.licencesOf === unitId) this.licences$.set({ kind: 'failed' });
    }
  }

  /** The services and suppliers a new tool can be linked to when it goes to review. */
  async loadNewToolChoices(): Promise<void> {
    if (this.newToolChoicesLoaded) return;
    this.newToolChoicesLoaded = true;
    this.newToolChoices$.set({ kind: 'loading' });
    try {
      const [services, suppliers] = await Promise.all([
        readAll<DigitalService>((offset, limit) =>
          this.servicesApi.list({ offset, limit, sort: 'name:asc' }),
        ),
        firstValueFrom(this.suppliersApi.listForChoice()).then((page) => page.rows),
      ]);
      this.newToolChoices$.set({
        kind: 'loaded',
        value: {
          services: services.map(({ id, name, supplierName }) => ({ id, name, supplierName })),
          suppliers: suppliers.map(({ id, name, organisationNumber }) => ({
            id,
            name,
            organisationNumber,
          })),
        },
      });
    } catch {
      this.newToolChoicesLoaded = false;
      this.newToolChoices$.set({ kind: 'failed' });
    }
  }

  private async loadEvents(id: string, load: number): Promise<void> {
    try {
      const events = await firstValueFrom(this.api.events(id));
      if (load === this.loads) this.events$.set({ kind: 'loaded', value: events });
    } catch {
      if (load === this.loads) this.events$.set({ kind: 'failed' });
    }
  }
}
