import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  CommentRequest,
  CreateRequestRequest,
  DemandGroup,
  JoinRequestRequest,
  MoveRequest,
  Page,
  RequestDetail,
  RequestEvent,
  RequestListQuery,
  RequestSummary,
  UpdateRequestRequest,
} from '@licensregistret/domain';

import { toHttpParams } from '../../shared/http/query-params';

const BASE = '/api/requests';

/** Requests for digital tools and their moves through the decision routine. */
@Injectable({ providedIn: 'root' })
export class RequestsApi {
  private readonly http = inject(HttpClient);

  list(query: RequestListQuery): Observable<Page<RequestSummary>> {
    return this.http.get<Page<RequestSummary>>(BASE, { params: toHttpParams(query) });
  }

  get(id: string): Observable<RequestDetail> {
    return this.http.get<RequestDetail>(`${BASE}/${encodeURIComponent(id)}`);
  }

  create(body: CreateRequestRequest): Observable<RequestDetail> {
    return this.http.post<RequestDetail>(BASE, body);
  }

  update(id: string, body: UpdateRequestRequest): Observable<RequestDetail> {
    return this.http.patch<RequestDetail>(`${BASE}/${encodeURIComponent(id)}`, body);
  }

  /** Makes a move; a stale `version` gets 409 with `currentState` and `currentVersion`. */
  move(id: string, body: MoveRequest): Observable<RequestDetail> {
    return this.http.post<RequestDetail>(`${BASE}/${encodeURIComponent(id)}/moves`, body);
  }

  /** "Anslut min enhet": the caller's unit joins another unit's open request for the tool. */
  join(id: string, body: JoinRequestRequest): Observable<RequestDetail> {
    return this.http.post<RequestDetail>(`${BASE}/${encodeURIComponent(id)}/join`, body);
  }

  comment(id: string, body: CommentRequest): Observable<RequestEvent> {
    return this.http.post<RequestEvent>(`${BASE}/${encodeURIComponent(id)}/comments`, body);
  }

  events(id: string): Observable<RequestEvent[]> {
    return this.http.get<RequestEvent[]>(`${BASE}/${encodeURIComponent(id)}/events`);
  }

  /** Open requests grouped by tool: how many units and pupils ask for the same thing. */
  demand(): Observable<DemandGroup[]> {
    return this.http.get<DemandGroup[]>(`${BASE}/demand`);
  }
}
