import { AsyncLocalStorage } from 'node:async_hooks';

/** A connection whose running statement can be cancelled (PreparingClient). */
export interface Cancellable {
  cancelRunning(): void;
}

/**
 * The statements one HTTP call (or one background job's round for a municipality) runs: the
 * pool's client (PreparingClient) finds the scope of the call that asked for a statement through
 * AsyncLocalStorage, so no service has to pass anything on. It runs the statement as the scope's
 * municipality (row-level security, docs/tenancy.md), and enters it into the scope so that it
 * can be cancelled when the call's client goes away.
 */
export class QueryScope {
  private abortedFlag = false;
  private readonly running = new Map<Cancellable, number>();
  private municipality: string | null;

  constructor(municipalityId: string | null = null) {
    this.municipality = municipalityId;
  }

  /** The municipality whose rows the scope's statements see, or null: then they see none. */
  get municipalityId(): string | null {
    return this.municipality;
  }

  /**
   * The call's municipality, once known (from the session, or the sign-in's choice). Set once: a
   * call never acts for two municipalities.
   */
  actFor(municipalityId: string): void {
    if (this.municipality !== null && this.municipality !== municipalityId) {
      throw new Error('A call cannot act for a second municipality.');
    }
    this.municipality = municipalityId;
  }

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

/**
 * Runs `work` as municipality `municipalityId`, in a scope of its own: a background job's round
 * for each municipality, or one municipality's part of work that crosses them (a reported
 * change's fan-out, the demo's seeding).
 */
export function runInMunicipality<T>(municipalityId: string, work: () => T): T {
  return scopes.run(new QueryScope(municipalityId), work);
}

/** Makes the current call act for `municipalityId` (see QueryScope.actFor). */
export function actForMunicipality(municipalityId: string): void {
  const scope = scopes.getStore();
  if (!scope) throw new Error('No query scope to act for a municipality in.');
  scope.actFor(municipalityId);
}

/** A statement not started because the client that asked for it had gone away. */
export class QueryAbortedError extends Error {
  readonly code = 'LR_CLIENT_GONE';

  constructor() {
    super('The client went away; the statement was not run.');
    this.name = 'QueryAbortedError';
  }
}
