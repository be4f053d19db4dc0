// The benchmark's baseline: a bare node:http + pg server that runs the same SQL as the API for
// the calls the bench makes (imported from the API's own row modules, so the two cannot drift)
// and maps rows with the same functions. No framework, no validation, no logging: what is left
// when everything but the database work is taken away. Started by tools/bench/run.mjs.
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { Pool, types } from 'pg';
// The list builders share a module with the query DTOs, whose decorators need this loaded.
import 'reflect-metadata';

import { MAX_PAGE_SIZE, type RequestState, todayInSweden } from '@licensregistret/domain';

import { type AgreementRow, agreementRowsSql, toAgreement } from '../app/agreements/agreement-rows';
import type { AgreementListQueryDto } from '../app/agreements/dto/agreement.dto';
import { hashToken } from '../app/auth/secret-token';
import { SESSION_ACTOR, type SessionRow } from '../app/auth/session.sql';
import { SELECT_SERVICE } from '../app/catalogue/service-rows';
import { type KeyedRow, nextCursorOf } from '../app/common/keyset';
import {
  type DetailRow,
  type RequestEventRow,
  type RequestSummaryRow,
  toRequestEvent,
  toSummary,
} from '../app/requests/request-rows';
import { requestDetailSql, requestHistorySql, requestRowsSql } from '../app/requests/request-sql';
import { SELECT_REVIEW } from '../app/reviews/review-rows';
import { PreparingClient } from '../database/preparing-client';

// As the API: a DATE stays 'YYYY-MM-DD'.
types.setTypeParser(1082, (value: string) => value);

// The API's pool: the same size and the same idle settings.
const pool = new Pool({
  connectionString: process.env['DATABASE_URL'],
  max: 10,
  Client: PreparingClient,
});

/** The session's account as the API's guard finds it: the same query, the same parameters. */
async function actorOf(request: IncomingMessage): Promise<SessionRow | null> {
  const token = /(?:^|;\s*)lr_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
  if (!token) return null;
  const { rows } = await pool.query<SessionRow>(SESSION_ACTOR, [hashToken(token), 30, 60]);
  return rows[0] ?? null;
}

const viewerOf = (actor: SessionRow) => ({ roles: actor.roles, schoolUnits: actor.school_units });

const pageOf = (url: URL) => ({
  offset: Number(url.searchParams.get('offset') ?? 0),
  limit: Math.min(Number(url.searchParams.get('limit') ?? 50), MAX_PAGE_SIZE),
});

const afterOf = (url: URL) => url.searchParams.get('after') ?? undefined;

async function queuePage(actor: SessionRow, url: URL) {
  const states = (url.searchParams.get('state') ?? '').split(',') as RequestState[];
  const filters = { states, sort: url.searchParams.get('sort') ?? undefined };
  const sql = requestRowsSql(viewerOf(actor), filters, todayInSweden());
  const paging = pageOf(url);
  const [rows, total] = await Promise.all([
    pool.query<RequestSummaryRow & KeyedRow>(...sql.page(paging, afterOf(url))),
    url.searchParams.get('withTotal') === 'false'
      ? null
      : pool.query<{ total: number }>(...sql.count),
  ]);
  return {
    rows: rows.rows.map(toSummary),
    total: total ? total.rows[0].total : null,
    nextCursor: nextCursorOf(rows.rows, paging.limit, sql.sort),
  };
}

async function agreementsPage(actor: SessionRow, url: URL) {
  const today = todayInSweden();
  const query = Object.fromEntries(url.searchParams) as unknown as AgreementListQueryDto;
  const sql = agreementRowsSql(query, today);
  const paging = pageOf(url);
  const [rows, total] = await Promise.all([
    pool.query<AgreementRow & KeyedRow>(...sql.page(paging, afterOf(url))),
    url.searchParams.get('withTotal') === 'false'
      ? null
      : pool.query<{ total: number }>(...sql.count),
  ]);
  return {
    rows: rows.rows.map((row) => toAgreement(row, today, actor.roles)),
    total: total ? total.rows[0].total : null,
    nextCursor: nextCursorOf(rows.rows, paging.limit, sql.sort),
  };
}

/** The request as the actor may see it (the API's readRow), or undefined. */
async function readRow(
  query: Pool['query'],
  actor: SessionRow,
  id: string,
): Promise<DetailRow | undefined> {
  const { rows } = await query<DetailRow>(
    ...requestDetailSql(viewerOf(actor), id, todayInSweden()),
  );
  return rows[0];
}

async function history(actor: SessionRow, id: string) {
  const { rows } = await pool.query<RequestEventRow | { id: null }>(
    ...requestHistorySql(viewerOf(actor), id),
  );
  if (rows.length === 0) return undefined;
  return rows[0].id === null ? [] : (rows as RequestEventRow[]).map(toRequestEvent);
}

/**
 * Queue or unqueue with the API's statements: lock, read, the service's reviews, the version
 * check, the update, the event, and the request, its service and its reviews read again for the
 * answer. The routine's rules themselves are the API's; here only the two moves the bench makes.
 */
async function move(actor: SessionRow, id: string, body: { move: string; version: number }) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT 1 FROM request WHERE id = $1 FOR UPDATE', [id]);
    const query = client.query.bind(client) as Pool['query'];
    const row = await readRow(query, actor, id);
    if (!row) return { status: 404, body: { status: 404 } };
    await client.query(
      `${SELECT_REVIEW} WHERE r.service_id = $1 ORDER BY r.created_at DESC, r.id`,
      [row.service_id],
    );
    const to = body.move === 'QUEUE' ? 'QUEUED' : 'IN_TRIAGE';
    const allowed = body.move === 'QUEUE' ? row.state === 'IN_TRIAGE' : row.state === 'QUEUED';
    if (row.version !== body.version || !allowed) {
      await client.query('ROLLBACK');
      return {
        status: 409,
        body: { status: 409, currentState: row.state, currentVersion: row.version },
      };
    }
    await client.query(
      `UPDATE request SET state = $2, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, to],
    );
    await client.query(
      `INSERT INTO event (actor_id, subject_type, subject_id, kind, changes, from_state, to_state, message)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [actor.id, 'request', id, body.move, '{}', row.state, to, null],
    );
    const after = (await readRow(query, actor, id)) as DetailRow;
    await client.query(`${SELECT_SERVICE} WHERE d.id = $1`, [after.service_id]);
    await client.query(
      `${SELECT_REVIEW} WHERE r.service_id = $1 ORDER BY r.created_at DESC, r.id`,
      [after.service_id],
    );
    await client.query('COMMIT');
    return { status: 200, body: toSummary(after) };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<{ move: string; version: number }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://baseline');
  if (url.pathname === '/api/health') {
    await pool.query('SELECT 1');
    return send(response, 200, { status: 'ok' });
  }
  const actor = await actorOf(request);
  if (!actor) return send(response, 401, { status: 401 });
  if (url.pathname === '/api/requests') return send(response, 200, await queuePage(actor, url));
  if (url.pathname === '/api/agreements')
    return send(response, 200, await agreementsPage(actor, url));
  const events = /^\/api\/requests\/([0-9a-f-]{36})\/events$/.exec(url.pathname);
  if (events) {
    const found = await history(actor, events[1]);
    return found ? send(response, 200, found) : send(response, 404, { status: 404 });
  }
  const moves = /^\/api\/requests\/([0-9a-f-]{36})\/moves$/.exec(url.pathname);
  if (moves && request.method === 'POST') {
    const result = await move(actor, moves[1], await readBody(request));
    return send(response, result.status, result.body);
  }
  send(response, 404, { status: 404 });
}

createServer((request, response) => {
  handle(request, response).catch((error: unknown) => {
    // A load run ends by closing its connections, some in the middle of a request body.
    if (request.destroyed) return;
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    if (!response.headersSent) send(response, 500, { status: 500 });
  });
}).listen(Number(process.env['PORT'] ?? 3472), '127.0.0.1');
