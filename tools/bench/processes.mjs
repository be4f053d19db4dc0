// The bench's servers as child processes: started from the repository's root, stopped on purpose.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Starts `command` with `env` added to this process's environment, its stdout to `output` and
 * its stderr to this process's. If it stops before `stop()` is called, the bench ends: its
 * figures would mean nothing. `stop()` resolves when it has exited.
 */
export function startProcess(name, command, commandArgs, env = {}, output = 'ignore') {
  const child = spawn(command, commandArgs, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', output, 'inherit'],
  });
  child.exited = new Promise((resolve) => child.once('exit', resolve));
  child.on('exit', (code, signal) => {
    if (!child.stopping) {
      process.stdout.write(`${name} stopped unexpectedly (${code ?? signal})\n`);
      process.exit(1);
    }
  });
  child.stop = () => {
    child.stopping = true;
    child.kill('SIGTERM');
    return child.exited;
  };
  return child;
}

/** Resolves once `baseUrl` answers `/api/health`; throws after 30 s. */
export async function waitForHealth(baseUrl) {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${baseUrl} did not become healthy`);
}
