import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type { IsoDate, SharedKnowledge } from '@licensregistret/domain';

import { SharingApi } from '../data/sharing-api';
import { PanelRequestStore } from './panel-request.store';

export type SharedKnowledgeState =
  { kind: 'loading' } | { kind: 'loaded'; shared: SharedKnowledge } | { kind: 'failed' };

/** Said when a publication or an adoption fails, in Swedish. */
function failureText(error: unknown, what: string): string {
  if (error instanceof HttpErrorResponse) {
    if (error.status === HttpStatusCode.Conflict) {
      return `${what} gick inte: tjänsten har inget beslut att publicera, eller det är redan publicerat.`;
    }
    if (error.status === HttpStatusCode.BadRequest) {
      return `${what} gick inte: kontrollera datumet och försök igen.`;
    }
    if (error.status === HttpStatusCode.Forbidden) {
      return `${what} gick inte: din roll får inte göra det.`;
    }
  }
  return `${what} gick inte just nu. Försök igen om en stund.`;
}

/**
 * What the registry's municipalities published about the open request's tool, and the caller's
 * publishing and adopting. After a publication or an adoption both the shared list and the request
 * (its own reviews) are read again.
 */
@Injectable()
export class SharedKnowledgeStore {
  private readonly api = inject(SharingApi);
  private readonly request = inject(PanelRequestStore);

  private readonly state$ = signal<SharedKnowledgeState>({ kind: 'loading' });
  private readonly busy$ = signal(false);
  private readonly notice$ = signal<string | null>(null);
  private readonly failure$ = signal<string | null>(null);
  private serviceId: string | null = null;

  readonly state = this.state$.asReadonly();
  readonly busy = this.busy$.asReadonly();
  readonly notice = this.notice$.asReadonly();
  readonly failure = this.failure$.asReadonly();

  async load(serviceId: string): Promise<void> {
    if (serviceId !== this.serviceId) {
      this.notice$.set(null);
      this.failure$.set(null);
      this.state$.set({ kind: 'loading' });
    }
    this.serviceId = serviceId;
    try {
      const shared = await firstValueFrom(this.api.shared(serviceId));
      if (this.serviceId === serviceId) this.state$.set({ kind: 'loaded', shared });
    } catch {
      if (this.serviceId === serviceId) this.state$.set({ kind: 'failed' });
    }
  }

  publishReview(reviewId: string): Promise<boolean> {
    return this.act(
      () => firstValueFrom(this.api.publishReview(reviewId)),
      'Granskningen är publicerad för andra kommuner.',
      'Publiceringen',
    );
  }

  publishDecision(serviceId: string): Promise<boolean> {
    return this.act(
      () => firstValueFrom(this.api.publishDecision(serviceId)),
      'Beslutet är publicerat för andra kommuner.',
      'Publiceringen',
    );
  }

  adopt(
    publishedReviewId: string,
    serviceId: string,
    redoBy: IsoDate,
    from: string,
  ): Promise<boolean> {
    return this.act(
      () => firstValueFrom(this.api.adopt(publishedReviewId, { serviceId, redoBy })),
      `Din egen granskning utgår nu från granskningen i ${from}. Den finns i tabellen ovan.`,
      'Att utgå från granskningen',
    );
  }

  private async act(work: () => Promise<unknown>, done: string, what: string): Promise<boolean> {
    const serviceId = this.serviceId;
    if (this.busy$() || serviceId === null) return false;
    this.busy$.set(true);
    this.notice$.set(null);
    this.failure$.set(null);
    try {
      await work();
      await Promise.all([this.load(serviceId), this.request.load()]);
      this.notice$.set(done);
      return true;
    } catch (error) {
      this.failure$.set(failureText(error, what));
      return false;
    } finally {
      this.busy$.set(false);
    }
  }
}
