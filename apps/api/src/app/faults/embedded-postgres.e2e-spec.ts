import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { processRuns } from '../../database/embedded-postgres';
import {
  type ApiProcess,
  ApiStartFailure,
  startApiProcess,
  workspaceRoot,
} from '../../test/api-process';

/**
 * The embedded PostgreSQL of the real API process (main.ts, as `npm start` runs it), with a
 * data directory of this file's own in `.data/`: the API killed with `kill -9` leaves its
 * server running, and the next start must stop it and serve; the server stopped under a running
 * API must be started again; a stale `postmaster.pid` must not stop a start; and a server that
 * another running API uses must be left alone.
 */

const START_MS = 180_000;
/** How long the API may take to serve again once its server has stopped. */
const RECOVERY_MS = 30_000;

/** A data directory of this file's own under `.data/`, and the APIs started on it. */
class Scene {
  readonly dataDir: string;
  readonly clusterDir: string;
  readonly running = new Set<ApiProcess>();

  constructor(name: string) {
    this.dataDir = join(workspaceRoot, '.data', `embedded-fault-${process.pid}-${name}`);
    this.clusterDir = join(this.dataDir, 'postgres');
  }

  async start(): Promise<ApiProcess> {
    const api = await startApiProcess({ DATA_DIR: this.dataDir, LOG_LEVEL: 'info' });
    this.running.add(api);
    return api;
  }

  /** The start's failure, or the API if it started. */
  async tryStart(): Promise<ApiProcess | ApiStartFailure> {
    try {
      return await this.start();
    } catch (error) {
      if (error instanceof ApiStartFailure) return error;
      throw error;
    }
  }

  postmasterPid(): number | null {
    try {
      return Number(readFileSync(join(this.clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      return null;
    }
  }

  async cleanUp(): Promise<void> {
    for (const api of this.running) await api.stop();
    // A server a crashed API left behind (should a test fail half-way) is not left running.
    const left = this.postmasterPid();
    if (left && processRuns(left)) {
      process.kill(left, 'SIGINT');
      for (let tries = 0; tries < 100 && processRuns(left); tries += 1) await sleep(100);
    }
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

async function health(api: ApiProcess): Promise<number | 'no answer'> {
  try {
    const response = await fetch(`${api.url}/api/health`, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 'no answer';
  }
}

/** Asks until the API's health check says 200, for at most `withinMs`. */
async function servesWithin(api: ApiProcess, withinMs: number): Promise<number | 'no answer'> {
  const deadline = Date.now() + withinMs;
  let last = await health(api);
  while (last !== 200 && Date.now() < deadline) {
    await sleep(250);
    last = await health(api);
  }
  return last;
}

describe('the embedded PostgreSQL after the API was killed with kill -9', () => {
  const scene = new Scene('crash');
  afterAll(() => scene.cleanUp(), 60_000);

  it(
    'starts the next API, which stops the server its predecessor left running',
    async () => {
      const first = await scene.start();
      expect(await health(first)).toBe(200);
      const leftBehind = scene.postmasterPid();
      expect(leftBehind).not.toBeNull();

      first.kill('SIGKILL');
      await first.exited;
      scene.running.delete(first);
      // The crash left the server running: the situation the next start has to handle.
      expect(processRuns(leftBehind as number)).toBe(true);

      const next = await scene.start();
      expect(await health(next)).toBe(200);
      expect(processRuns(leftBehind as number)).toBe(false);
      expect(scene.postmasterPid()).not.toBe(leftBehind);
      expect(next.output()).toContain(
        `Stopping the embedded PostgreSQL (pid ${leftBehind}) that an earlier run left running`,
      );
    },
    START_MS * 2,
  );
});

describe('the embedded PostgreSQL under a running API', () => {
  const scene = new Scene('running');
  let api: ApiProcess;
  beforeAll(async () => {
    api = await scene.start();
  }, START_MS);
  afterAll(() => scene.cleanUp(), 60_000);

  it(
    'is left alone by a second API started on the same data directory',
    async () => {
      const serverPid = scene.postmasterPid();
      const second = await scene.tryStart();
      expect(second).toBeInstanceOf(ApiStartFailure);
      expect((second as ApiStartFailure).output).toMatch(/did not start/);
      expect(scene.postmasterPid()).toBe(serverPid);
      expect(processRuns(serverPid as number)).toBe(true);
      expect(await health(api)).toBe(200);
    },
    START_MS,
  );

  it(
    'is started again when it stops, and the API says so and serves again',
    async () => {
      const before = scene.postmasterPid() as number;
      // A fast shutdown from outside, as `pg_ctl stop -m fast` does.
      process.kill(before, 'SIGINT');
      await api.waitFor(/The embedded PostgreSQL stopped/, RECOVERY_MS);
      await api.waitFor(/The embedded PostgreSQL is running again/, RECOVERY_MS);
      expect(await servesWithin(api, RECOVERY_MS)).toBe(200);
      const after = scene.postmasterPid();
      expect(after).not.toBeNull();
      expect(after).not.toBe(before);
      expect(processRuns(after as number)).toBe(true);
    },
    START_MS,
  );
});

describe('the embedded PostgreSQL with a stale postmaster.pid', () => {
  const scene = new Scene('stale');
  let bystander: ChildProcess | undefined;
  afterAll(async () => {
    bystander?.kill('SIGKILL');
    await scene.cleanUp();
  }, 60_000);

  it(
    'starts when the lock file names a live process that is not its server, leaving it be',
    async () => {
      const first = await scene.start();
      const lockFile = readFileSync(join(scene.clusterDir, 'postmaster.pid'), 'utf8');
      await first.stop();
      scene.running.delete(first);
      // A clean shutdown takes the server and its lock file away.
      expect(scene.postmasterPid()).toBeNull();

      // The lock file of a server that died, whose process id another process has since taken.
      bystander = spawn('sleep', ['600'], { stdio: 'ignore' });
      const taken = bystander.pid as number;
      writeFileSync(
        join(scene.clusterDir, 'postmaster.pid'),
        lockFile.replace(/^\d+\n/, `${taken}\n`),
      );

      const api = await scene.start();
      expect(await health(api)).toBe(200);
      expect(scene.postmasterPid()).not.toBe(taken);
      // The process named in the stale file was not touched.
      expect(processRuns(taken)).toBe(true);
      expect(api.output()).toContain('Removing the stale postmaster.pid');
    },
    START_MS * 2,
  );
});
