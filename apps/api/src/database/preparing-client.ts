import { createHash } from 'node:crypto';
import { Client } from 'pg';

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
export class PreparingClient extends Client {}

const send = Client.prototype.query as (this: Client, ...args: unknown[]) => unknown;

// pg's query has many overloads; replacing it on the prototype keeps every one of them typed.
PreparingClient.prototype.query = function (this: Client, ...args: unknown[]) {
  const [text, values] = args;
  if (typeof text === 'string' && Array.isArray(values) && PLANNABLE.test(text)) {
    args.splice(0, 2, { name: statementName(text), text, values });
  }
  return send.apply(this, args);
} as Client['query'];
