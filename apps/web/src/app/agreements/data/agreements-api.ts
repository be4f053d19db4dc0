import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import {
  type Agreement,
  type AgreementActionRequest,
  type AgreementListQuery,
  type CostSplit,
  type CreateAgreementRequest,
  type HistoryEntry,
  type Licence,
  MAX_PAGE_SIZE,
  type Page,
  type UpdateAgreementRequest,
} from '@licensregistret/domain';

import { toHttpParams } from '../../shared/http/query-params';

const BASE = '/api/agreements';

/** Agreements with their derived status, and what hangs on one: licences, cost, history. */
@Injectable({ providedIn: 'root' })
export class AgreementsApi {
  private readonly http = inject(HttpClient);

  list(query: AgreementListQuery): Observable<Page<Agreement>> {
    return this.http.get<Page<Agreement>>(BASE, { params: toHttpParams(query) });
  }

  get(id: string): Observable<Agreement> {
    return this.http.get<Agreement>(`${BASE}/${encodeURIComponent(id)}`);
  }

  history(id: string): Observable<HistoryEntry[]> {
    return this.http.get<HistoryEntry[]>(`${BASE}/${encodeURIComponent(id)}/history`);
  }

  costSplit(id: string): Observable<CostSplit> {
    return this.http.get<CostSplit>(`${BASE}/${encodeURIComponent(id)}/cost-split`);
  }

  /** The licences under one agreement (an agreement has a handful, never a full page). */
  licences(agreementId: string): Observable<Page<Licence>> {
    return this.http.get<Page<Licence>>('/api/licences', {
      params: toHttpParams({ agreementId, limit: MAX_PAGE_SIZE }),
    });
  }

  create(request: CreateAgreementRequest): Observable<Agreement> {
    return this.http.post<Agreement>(BASE, request);
  }

  /** Changes the terms against the version read; `reason` is kept in the history. */
  update(id: string, request: UpdateAgreementRequest): Observable<Agreement> {
    return this.http.patch<Agreement>(`${BASE}/${encodeURIComponent(id)}`, request);
  }

  /** A lifecycle action (give notice, extension, successor, early end) against the version read. */
  act(id: string, request: AgreementActionRequest): Observable<Agreement> {
    return this.http.post<Agreement>(`${BASE}/${encodeURIComponent(id)}/actions`, request);
  }
}
