import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { type RequestWithActor, routePathOf } from '../auth/actor';
import { AppException } from '../common/app-exception';

/** At most this many heavy calls of one account run at once (per API instance). */
export const HEAVY_CALLS_PER_ACCOUNT = 2;
/**
 * A page this deep is a heavy call: the rows before it are read and thrown away. The grid asks
 * for blocks of 100 and reaches this after twenty of them; the benchmark's later pages stop at
 * 1,000.
 */
export const DEEP_OFFSET = 2000;
/** What a refused heavy call is told to wait before trying again. */
export const HEAVY_RETRY_AFTER_SECONDS = 2;

/** An export, or a list page at `DEEP_OFFSET` or deeper. */
export function isHeavyCall(request: RequestWithActor): boolean {
  if (request.method !== 'GET') return false;
  const route = routePathOf(request) ?? request.url.split('?')[0] ?? '';
  if (route.endsWith('/export')) return true;
  const offset = Number((request.query as Record<string, unknown> | undefined)?.['offset']);
  return Number.isFinite(offset) && offset >= DEEP_OFFSET;
}

/**
 * Limits the heavy calls one account has running at once: beyond HEAVY_CALLS_PER_ACCOUNT, a
 * heavy call is refused at once with 429 (rate-limited, Retry-After) instead of taking another
 * pooled connection. A call counts until its response has closed (sent, or its client gone).
 * Counted in this instance's memory: with N instances an account has at most N times as many,
 * each instance's pool is still guarded. Callers without a session (none of today's heavy
 * routes allows them) are counted by address. A guard, as a rate limit is in Nest
 * (@nestjs/throttler), and after AccessGuard, whose account it counts by (auth.module.ts).
 */
@Injectable()
export class HeavyCallGuard implements CanActivate {
  private readonly running = new Map<string, number>();

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    if (!isHeavyCall(request)) return true;
    const key = request.actor ? `account:${request.actor.id}` : `address:${request.ip}`;
    const count = this.running.get(key) ?? 0;
    if (count >= HEAVY_CALLS_PER_ACCOUNT) {
      throw new AppException(
        'RATE_LIMITED',
        `You already have ${HEAVY_CALLS_PER_ACCOUNT} exports or deep pages (offset ` +
          `${DEEP_OFFSET} or more) running; wait for one to finish.`,
        { headers: { 'Retry-After': String(HEAVY_RETRY_AFTER_SECONDS) } },
      );
    }
    this.running.set(key, count + 1);
    context
      .switchToHttp()
      .getResponse<FastifyReply>()
      .raw.once('close', () => {
        const left = (this.running.get(key) ?? 1) - 1;
        if (left > 0) this.running.set(key, left);
        else this.running.delete(key);
      });
    return true;
  }
}
