// The child side of postgres-process.ts: runs an embedded PostgreSQL until told to stop, or until
// the parent goes away, so that no server outlives the test that started it.
import { startEmbeddedPostgres } from '../database/embedded-postgres';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: postgres-process-child <dataDir> [port]');
  const server = await startEmbeddedPostgres(dataDir, undefined, port ? Number(port) : undefined);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= server.stop().then(() => process.exit(0));
    return stopping;
  };
  process.on('message', (message) => {
    if (message === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  process.send?.({ adminUrl: server.adminUrl });
}

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
