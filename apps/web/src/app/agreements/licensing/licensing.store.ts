import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { type Observable, firstValueFrom, forkJoin, map, of, switchMap } from 'rxjs';

import {
  ACCESS_POLICY,
  type Agreement,
  type LicenceFromRequests,
  type LicenceFromRequestsRequest,
  PROBLEM_TYPES,
  type RequestDetail,
  type Role,
  isApproval,
  mayCall,
} from '@licensregistret/domain';

import { AuthStore } from '../../core/auth/auth.store';
import {
  type FieldMessages,
  type FormErrors,
  NO_ERRORS,
  SAVE_FAILED_MESSAGE,
  formErrorsFromHttp,
  problemOf,
} from '../../shared/forms/form-errors';
import { LicensingApi } from './licensing-api';

/** Statuses in which an agreement can carry a new licence: signed and not ended. */
const USABLE: readonly Agreement['status'][] = [
  'ACTIVE',
  'ACTION_NEEDED',
  'EXPIRING',
  'NOTICE_WINDOW_PASSED',
];

export interface LicensingData {
  /** The request the page was opened for. */
  request: RequestDetail;
  /** Other approved requests for the same service, waiting for their licence too. */
  others: RequestDetail[];
  /** The service's supplier's agreements that can carry a licence now. */
  agreements: Agreement[];
}

export type LicensingState =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'load-failed' }
  /** Not an approved, decided request the caller may implement: why, in Swedish. */
  | { status: 'not-licensable'; request: RequestDetail; why: string }
  | { status: 'ready'; data: LicensingData }
  | { status: 'done'; data: LicensingData; result: LicenceFromRequests };

export const LICENSING_FIELD_MESSAGES: Record<string, FieldMessages> = {
  requests: { invalid: 'Välj begäranden om samma tjänst, var och en en gång.' },
  agreementId: { invalid: 'Välj ett avtal.' },
  scope: { invalid: 'Välj vilka licensen ska gälla.' },
  schoolForms: { invalid: 'Välj skolformer som når alla enheter som begärt verktyget.' },
  unitIds: { invalid: 'Licensen måste nå alla enheter som begärt verktyget.' },
  startsOn: { invalid: 'Skriv startdatum som ÅÅÅÅ-MM-DD, tidigast avtalets startdag.' },
  endsOn: {
    invalid:
      'Skriv slutdatum som ÅÅÅÅ-MM-DD: inte före startdatum eller i dag, och inte efter avtalets slut.',
  },
  seatCount: { invalid: 'Antal licenser ska vara ett heltal, 0 eller fler.' },
  text: { invalid: 'Meddelandet får vara högst 4 000 tecken.' },
};

export const AGREEMENT_REFUSED_MESSAGE =
  'Avtalet kan inte bära licensen: det är inte undertecknat, har upphört eller gäller inte tjänstens skolformer.';
export const REQUEST_CHANGED_MESSAGE =
  'Någon har ändrat en av begärandena sedan sidan lästes in. Ladda om sidan och försök igen.';

/** Why a request cannot be licensed here by these roles, or null when it can. */
function notLicensable(request: RequestDetail, roles: readonly Role[] | null): string | null {
  if (!mayCall(ACCESS_POLICY['POST /api/licences/from-requests'], roles)) {
    return 'Det är upphandlare som licensierar godkända begäranden.';
  }
  if (request.state !== 'DECIDED') return 'Begäran är inte beslutad och väntar inte på licens.';
  if (!isApproval(request.decision?.outcome))
    return 'Begäran är avslagen och kan inte licensieras.';
  if (!request.service) return 'Begäran gäller ingen tjänst i katalogen.';
  if (!request.availableMoves.includes('IMPLEMENT')) return 'Du kan inte införa begäran.';
  return null;
}

/** "Licensiera": reads what the page offers, and sends the licence with its requests. */
@Injectable()
export class LicensingStore {
  private readonly api = inject(LicensingApi);
  private readonly auth = inject(AuthStore);
  private readonly state$ = signal<LicensingState>({ status: 'loading' });
  private readonly errors$ = signal<FormErrors>(NO_ERRORS);
  private readonly saving$ = signal(false);

  readonly state = this.state$.asReadonly();
  readonly errors = this.errors$.asReadonly();
  readonly saving = this.saving$.asReadonly();

  async load(requestId: string): Promise<void> {
    this.state$.set({ status: 'loading' });
    this.errors$.set(NO_ERRORS);
    try {
      const request = await firstValueFrom(this.api.request(requestId));
      const why = notLicensable(request, this.auth.roles());
      const service = request.service;
      if (why || !service) {
        this.state$.set({ status: 'not-licensable', request, why: why ?? '' });
        return;
      }
      const { others, agreements } = await firstValueFrom(
        forkJoin({
          others: this.otherRequests(service.id, request.id),
          agreements: this.api
            .agreementsOf(service.supplierId)
            .pipe(map((page) => page.rows.filter((row) => USABLE.includes(row.status)))),
        }),
      );
      this.state$.set({ status: 'ready', data: { request, others, agreements } });
    } catch (error) {
      const missing =
        error instanceof HttpErrorResponse &&
        (error.status === HttpStatusCode.NotFound || error.status === HttpStatusCode.BadRequest);
      this.state$.set({ status: missing ? 'not-found' : 'load-failed' });
    }
  }

  /** Sends the licence; true when it was made and the requests implemented. */
  async license(body: LicenceFromRequestsRequest): Promise<boolean> {
    const state = this.state$();
    if (state.status !== 'ready' || this.saving$()) return false;
    this.saving$.set(true);
    this.errors$.set(NO_ERRORS);
    try {
      const result = await firstValueFrom(this.api.license(body));
      this.state$.set({ status: 'done', data: state.data, result });
      return true;
    } catch (error) {
      this.errors$.set(licensingErrors(error));
      return false;
    } finally {
      this.saving$.set(false);
    }
  }

  /** The service's other decided requests, approved, in full (their units and joined units). */
  private otherRequests(serviceId: string, exceptId: string): Observable<RequestDetail[]> {
    return this.api.decidedRequests(serviceId).pipe(
      switchMap((page) => {
        const reads = page.rows
          .filter((row) => row.id !== exceptId && isApproval(row.decisionOutcome))
          .map((row) => this.api.request(row.id));
        return reads.length > 0 ? forkJoin(reads) : of<RequestDetail[]>([]);
      }),
    );
  }
}

/** A refused licensing in Swedish: fields of a 400, the agreement or a changed request of a 409. */
export function licensingErrors(error: unknown): FormErrors {
  const problem = problemOf(error);
  const status = error instanceof HttpErrorResponse ? error.status : 0;
  if (status === HttpStatusCode.Conflict) {
    if (
      problem?.type !== PROBLEM_TYPES.STALE_VERSION &&
      problem?.errors?.some((e) => e.field === 'agreementId')
    ) {
      return { fields: { agreementId: [AGREEMENT_REFUSED_MESSAGE] }, general: [] };
    }
    return { fields: {}, general: [REQUEST_CHANGED_MESSAGE] };
  }
  if (status === HttpStatusCode.BadRequest) {
    return formErrorsFromHttp(error, LICENSING_FIELD_MESSAGES);
  }
  return { fields: {}, general: [SAVE_FAILED_MESSAGE] };
}
