import { createHash } from 'node:crypto';
import { Client, Connection, type QueryConfig } from 'pg';

import { type Cancellable, QueryAbortedError, currentQueryScope } from './query-scope';

/** Statements worth a plan of their own; utility commands (DECLARE, SET, BEGIN …) are not. */
const PLANNABLE = /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i;

const names = new Map<string, string>();

/** A statement's name on a connection: a hash of its text, so equal texts share one plan. */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `lr_${createHash('sha1').update(text).digest('base64url')}`;
    names.set(text, name);
  }
  return name;
}

/**
 * The pool's client: every parameterised query is sent as a named prepared statement, so
 * PostgreSQL parses and plans each of the API's SQL texts once per connection instead of on
 * every call. On 200,000 requests, planning the decision queue's page or a request's detail
 * took as long as running it (about 1 ms each). After five runs PostgreSQL may keep one generic
 * plan for a statement, which cannot match a partial index through a parameter: SQL that needs
 * such an index says the index's condition as a constant (see request-sql.ts). The SQL texts
 * are fixed fragments with `$n` parameters, so the statements per connection stay few.
 */
export class PreparingClient extends Client implements Cancellable {
  /** While a cancel request is on its way: the next statement waits, so it cannot be hit. */
  cancelling: Promise<void> | undefined;

  /**
   * The municipality this connection's statements act for (`app.municipality_id`, '' for none),
   * as last set by this client; undefined when not known (a new connection, a rollback).
   */
  municipalitySet: string | undefined;

  /**
   * Cancels the statement running on this connection, as psql's Ctrl+C does: PostgreSQL's cancel
   * request, on a connection of its own (no pooled connection needed, none is free when the
   * pool is full). The server ignores it if the connection is idle by the time it arrives; the
   * next statement on this connection waits until it has arrived, so it cannot cancel that one.
   */
  cancelRunning(): void {
    const { processID, secretKey } = this as unknown as { processID: number; secretKey: unknown };
    if (this.cancelling || !processID) return;
    const connection = new Connection() as Connection & {
      connect(port: number | string, host?: string): void;
      cancel(processID: number, secretKey: unknown): void;
    };
    this.cancelling = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, CANCEL_ARRIVAL_MS);
      const arrived = () => {
        clearTimeout(timer);
        resolve();
      };
      // The server closes the cancel connection once it has signalled the backend.
      connection.on('end', arrived);
      connection.on('error', arrived);
      connection.on('connect', () => connection.cancel(processID, secretKey));
      if (this.host.startsWith('/')) connection.connect(`${this.host}/.s.PGSQL.${this.port}`);
      else connection.connect(this.port, this.host);
    }).finally(() => {
      this.cancelling = undefined;
    });
  }
}

/** The longest a statement waits for a cancel request sent on its connection to arrive. */
const CANCEL_ARRIVAL_MS = 1000;

const send = Client.prototype.query as (this: Client, ...args: unknown[]) => unknown;

type Callback = (error: unknown, result?: unknown) => void;

/**
 * Sends the query, entered into the scope of the HTTP call it serves (query-scope.ts) so that it
 * can be cancelled if that call's client goes away; once gone, no new statement starts
 * (transaction control still runs, so a transaction can roll back).
 */
function sendInScope(client: PreparingClient, args: unknown[], plannable: boolean): unknown {
  const scope = currentQueryScope();
  if (!scope) return send.apply(client, args);
  const last = args.length - 1;
  const callback = typeof args[last] === 'function' ? (args[last] as Callback) : undefined;
  if (scope.aborted && plannable) {
    const error = new QueryAbortedError();
    if (!callback) return Promise.reject(error);
    process.nextTick(callback, error);
    return undefined;
  }
  scope.enter(client);
  const leave = () => scope.leave(client);
  if (callback) {
    args[last] = (error: unknown, result?: unknown) => {
      leave();
      callback(error, result);
    };
    return send.apply(client, args);
  }
  const result = send.apply(client, args);
  if (result instanceof Promise) result.then(leave, leave);
  else leave();
  return result;
}

/** A query config of text and values (not a cursor or another Submittable): its own types. */
function isPlainConfig(value: unknown): value is QueryConfig {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as QueryConfig).text === 'string' &&
    typeof (value as { submit?: unknown }).submit !== 'function'
  );
}

/**
 * Statements that read nothing under row-level security as the caller (a SECURITY DEFINER
 * function of the migrations, which runs as the tables' owner): they run under whatever
 * municipality the connection has, so that the session lookup, which every call starts with
 * before its municipality is known, adds no round trip to set one.
 */
const MUNICIPALITY_NEUTRAL = new Set<string>();

/** Marks `text` as a statement that does not depend on the connection's municipality. */
export function municipalityNeutral(text: string): string {
  MUNICIPALITY_NEUTRAL.add(text);
  return text;
}

/** Makes a connection's statements act for a municipality ('' for none), until set again. */
const ACT_FOR_MUNICIPALITY = `SELECT set_config('app.municipality_id', $1, false)`;
/** Undoes what the transaction set, the municipality with it. */
const ROLLBACK = /^\s*ROLLBACK\b/i;

// pg's query has many overloads; replacing it on the prototype keeps every one of them typed.
PreparingClient.prototype.query = function (this: PreparingClient, ...args: unknown[]) {
  const [first, values] = args;
  let text: string | undefined;
  let plannable = false;
  if (typeof first === 'string') {
    text = first;
    plannable = PLANNABLE.test(first);
    if (plannable && Array.isArray(values)) {
      args.splice(0, 2, { name: statementName(first), text: first, values });
    }
  } else if (isPlainConfig(first)) {
    text = first.text;
    plannable = PLANNABLE.test(first.text);
    if (plannable && Array.isArray(first.values) && !first.name) {
      args[0] = { ...first, name: statementName(first.text) };
    }
  }
  const run = () => sendInScope(this, args, plannable);
  const last = args[args.length - 1];
  const callback = typeof last === 'function' ? (last as Callback) : undefined;
  const cancelling = this.cancelling;
  const wanted = currentQueryScope()?.municipalityId ?? '';
  if (text !== undefined && ROLLBACK.test(text)) {
    this.municipalitySet = undefined;
  } else if (this.municipalitySet !== wanted && !MUNICIPALITY_NEUTRAL.has(text as string)) {
    this.municipalitySet = wanted;
    if (text === undefined) {
      // A cursor or another Submittable must be returned as it is: its setting goes first in
      // pg's queue instead (the transaction a cursor runs in has set it at BEGIN already).
      void actFor(this, wanted, undefined).catch(() => undefined);
      return run();
    }
    // The statement runs only once the municipality is set: never as another call's.
    const set = actFor(this, wanted, cancelling);
    if (!callback) return set.then(run);
    set.then(run, (error: unknown) => callback(error));
    return undefined;
  }
  if (cancelling && !callback && text !== undefined) return cancelling.then(run);
  return run();
} as Client['query'];

/** Sets the connection's municipality, after a cancel on its way has arrived. */
function actFor(
  client: PreparingClient,
  municipalityId: string,
  cancelling: Promise<void> | undefined,
): Promise<unknown> {
  const set = () => send.call(client, ACT_FOR_MUNICIPALITY, [municipalityId]) as Promise<unknown>;
  return (cancelling ? cancelling.then(set) : set()).catch((error: unknown) => {
    client.municipalitySet = undefined;
    throw error;
  });
}
