// The benchmark's baseline: a bare node:http + pg server that runs the same SQL as the API for
// the calls the bench makes (imported from the API's own row modules, so the two cannot drift)
// and maps rows with the same functions. No framework, no validation, no logging: what is left
// when everything but the database work is taken away. Started by tools/bench/run.mjs.
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { Pool, types } from 'pg';
// The list builders share a module with the query DTOs, whose decorators need this loaded.
import 'reflect-metadata';

import {
  MAX_PAGE_SIZE,
  type RequestMove,
  type RequestState,
  type RoutineSettings,
  moveProblem,
  stateAfter,
  todayInSweden,
} from '@licensregistret/domain';

import { type AgreementRow, agreementRowsSql, toAgreement } from '../app/agreements/agreement-rows';
import type { AgreementListQueryDto } from '../app/agreements/dto/agreement.dto';
import { hashToken } from '../app/auth/secret-token';
import { SESSION_ACTOR, type SessionRow } from '../app/auth/session.sql';
import type { EventRecord } from '../app/common/event-log.service';
import { type KeyedRow, nextCursorOf } from '../app/common/keyset';
import { routineActorOf } from '../app/requests/request-access';
import {
  type FullDetailRow,
  type MoveFactsRow,
  currentReviewsOf,
  moveFactsSql,
  moveWriteSql,
  snapshotOf,
  toDetail,
} from '../app/requests/request-detail';
import {
  type RequestEventRow,
  type RequestSummaryRow,
  toRequestEvent,
  toSummary,
} from '../app/requests/request-rows';
import { requestHistorySql, requestRowsSql } from '../app/requests/request-sql';
import { withTimestampsAsText } from '../database/pg-pool';
import { PreparingClient } from '../database/preparing-client';
import { QueryScope, actForMunicipality, runInQueryScope } from '../database/query-scope';

// As the API: a DATE stays 'YYYY-MM-DD'.
types.setTypeParser(1082, (value: string) => value);

// The API's pool: the same size and the same idle settings, as the API's login (row-level
// security applies); PreparingClient sets each connection's municipality as in the API.
const pool = new Pool({
  connectionString: process.env['DATABASE_APP_URL'],
  max: 10,
  Client: PreparingClient,
});

/** The session's account as the API's guard finds it: the same query, the same parameters. */
async function actorOf(request: IncomingMessage): Promise<SessionRow | null> {
  const token = /(?:^|;\s*)lr_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
  if (!token) return null;
  const { rows } = await pool.query<SessionRow>(SESSION_ACTOR, [hashToken(token), 30, 60]);
  // The call's later statements act for the account's municipality, as the API's guard makes them.
  if (rows[0]) actForMunicipality(rows[0].municipality_id);
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
    pool.query<RequestSummaryRow & KeyedRow>(
      withTimestampsAsText(...sql.page(paging, afterOf(url))),
    ),
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

async function history(actor: SessionRow, id: string) {
  const { rows } = await pool.query<RequestEventRow | { id: null }>(
    withTimestampsAsText(...requestHistorySql(viewerOf(actor), id)),
  );
  if (rows.length === 0) return undefined;
  return rows[0].id === null ? [] : (rows as RequestEventRow[]).map(toRequestEvent);
}

/** The API's default (DECISION_CONFIRMATION_THRESHOLD_SEK), which the bench does not set. */
const SETTINGS: RoutineSettings = {
  confirmationThreshold: Number(process.env['DECISION_CONFIRMATION_THRESHOLD_SEK'] ?? 100_000),
};

interface MoveBody {
  move: RequestMove;
  version: number;
  text?: string;
}

/**
 * A move with the API's statements and its routine: the facts locked and read in one statement,
 * judged by the domain's routine, written and read back in one more, the answer mapped as the
 * API maps it. Only the moves that set nothing but the state (those the bench makes): others
 * are a 400 here.
 */
async function move(actor: SessionRow, id: string, body: MoveBody) {
  const viewer = viewerOf(actor);
  const today = todayInSweden();
  const client = await pool.connect();
  let open = false;
  try {
    await client.query('BEGIN');
    open = true;
    const [row] = (await client.query<MoveFactsRow>(...moveFactsSql(viewer, id, today))).rows;
    const refuse = async (status: number) => {
      await client.query('ROLLBACK');
      open = false;
      const current = row ? { currentState: row.state, currentVersion: row.version } : {};
      return { status, body: { status, ...current } };
    };
    if (!row) return await refuse(404);
    if (row.version !== body.version) return await refuse(409);
    const reviews = currentReviewsOf(row, today);
    const snapshot = snapshotOf(row, reviews);
    const problem = moveProblem(body.move, snapshot, routineActorOf(viewer), SETTINGS, body);
    if (problem) return await refuse(problem.status);
    if (body.move !== 'QUEUE' && body.move !== 'UNQUEUE') return await refuse(400);
    const to = stateAfter(body.move, snapshot);
    const event: EventRecord = {
      actorId: actor.id,
      subjectType: 'request',
      subjectId: id,
      kind: body.move,
      fromState: row.state,
      toState: to,
      message: body.text || null,
      changes: {},
    };
    const [written] = (
      await client.query<FullDetailRow>(...moveWriteSql(viewer, { id, to, event }, today, false))
    ).rows;
    if (!written) return await refuse(404);
    await client.query('COMMIT');
    open = false;
    return { status: 200, body: toDetail(written, viewer, SETTINGS, today, reviews) };
  } catch (error) {
    if (open) await client.query('ROLLBACK');
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

async function readBody(request: IncomingMessage): Promise<MoveBody> {
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
  // Each call in a query scope of its own, as the API's: its municipality once the session is known.
  runInQueryScope(new QueryScope(), () => handle(request, response)).catch((error: unknown) => {
    // A load run ends by closing its connections, some in the middle of a request body.
    if (request.destroyed) return;
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    if (!response.headersSent) send(response, 500, { status: 500 });
  });
}).listen(Number(process.env['PORT'] ?? 3472), '127.0.0.1');
