import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import { localApiUrl } from '../database/api-login';

export const workspaceRoot = join(__dirname, '..', '..', '..', '..');

/** The API as `npm start` runs it (main.ts, from source), in a process of its own. */
export interface ApiProcess {
  pid: number;
  /** From the "ready" line: where it says it listens, e.g. http://127.0.0.1:41234. */
  url: string;
  port: number;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves once a line of output matches, or rejects after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** Sends a signal; `stop()` asks for a clean shutdown (SIGTERM) and waits for the exit. */
  kill(signal: NodeJS.Signals): void;
  stop(): Promise<void>;
  exited: Promise<number | null>;
}

/** How a start ended when it never became ready: its exit code and output. */
export class ApiStartFailure extends Error {
  constructor(
    readonly code: number | null,
    readonly output: string,
  ) {
    super(`The API exited (${code}) before it was ready:\n${output}`);
  }
}

/**
 * Starts `apps/api/src/main.ts` through ts-node (the same code the build bundles) with the
 * given environment on top of this one, minus DATABASE_URL unless given. Resolves when it logs
 * that it is ready; rejects with ApiStartFailure when it exits first.
 */
export function startApiProcess(
  env: Record<string, string>,
  { args = [], timeoutMs = 120_000 }: { args?: string[]; timeoutMs?: number } = {},
): Promise<ApiProcess> {
  const inherited = { ...process.env };
  delete inherited['DATABASE_URL'];
  delete inherited['DEMO_DATA'];
  delete inherited['HOST'];
  delete inherited['NODE_ENV'];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(__dirname, '..', 'main.ts'),
      ...args,
    ],
    {
      cwd: workspaceRoot,
      env: {
        ...inherited,
        TS_NODE_PROJECT: join(__dirname, '..', '..', 'tsconfig.spec.json'),
        LOG_LEVEL: 'info',
        PORT: '0',
        REMINDER_SCAN_MINUTES: '0',
        // The API's own login on the test server, as the embedded start-up makes it.
        ...(env['DATABASE_URL'] ? { DATABASE_APP_URL: localApiUrl(env['DATABASE_URL']) } : {}),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const waitFor = (pattern: RegExp, waitMs: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const line = output.split('\n').find((candidate) => pattern.test(candidate));
        if (line === undefined) return;
        done();
        resolve(line);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`No line matching ${pattern} within ${waitMs} ms:\n${output}`));
      }, waitMs);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });

  return new Promise((resolve, reject) => {
    let settled = false;
    void exited.then((code) => {
      if (!settled) {
        settled = true;
        reject(new ApiStartFailure(code, output));
      }
    });
    waitFor(/is ready at /, timeoutMs).then(
      (line) => {
        if (settled) return;
        settled = true;
        const readyUrl = /is ready at (https?:\/\/[^\s"]+)/.exec(line)?.[1] ?? '';
        resolve({
          pid: child.pid as number,
          url: readyUrl,
          port: Number(new URL(readyUrl).port),
          output: () => output,
          waitFor,
          kill: (signal) => child.kill(signal),
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
          exited,
        });
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        child.kill('SIGKILL');
        reject(error);
      },
    );
  });
}
