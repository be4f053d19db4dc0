import { AsyncLocalStorage } from 'node:async_hooks';

/** A connection whose running statement can be cancelled (PreparingClient). */
export interface Cancellable {
  cancelRunning(): void;
}

/**
 * The statements one HTTP call runs, so that they can be cancelled when its client goes away:
 * the pool's client (PreparingClient) enters every statement it runs into the scope of the call
 * that asked for it, found through AsyncLocalStorage, so no service has to pass anything on.
 */
export class QueryScope {
  private abortedFlag = false;
  private readonly running = new Map<Cancellable, number>();

  get aborted(): boolean {
    return this.abortedFlag;
  }

  /** A statement starts on `client`. */
  enter(client: Cancellable): void {
    this.running.set(client, (this.running.get(client) ?? 0) + 1);
  }

  /** A statement on `client` has ended. */
  leave(client: Cancellable): void {
    const count = (this.running.get(client) ?? 1) - 1;
    if (count > 0) this.running.set(client, count);
    else this.running.delete(client);
  }

  /** The client went away: cancel what runs now, and refuse what would start after. */
  abort(): void {
    if (this.abortedFlag) return;
    this.abortedFlag = true;
    for (const client of this.running.keys()) client.cancelRunning();
  }
}

const scopes = new AsyncLocalStorage<QueryScope>();

/** Runs `work` (and everything it starts) in `scope`. */
export function runInQueryScope<T>(scope: QueryScope, work: () => T): T {
  return scopes.run(scope, work);
}

/** The scope of the HTTP call being served, if any (none for background jobs). */
export function currentQueryScope(): QueryScope | undefined {
  return scopes.getStore();
}

/** A statement not started because the client that asked for it had gone away. */
export class QueryAbortedError extends Error {
  readonly code = 'LR_CLIENT_GONE';

  constructor() {
    super('The client went away; the statement was not run.');
    this.name = 'QueryAbortedError';
  }
}
