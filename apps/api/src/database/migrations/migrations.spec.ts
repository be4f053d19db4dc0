import { readdirSync } from 'node:fs';

import { MIGRATIONS } from './index';

/**
 * The API is bundled, so TypeORM runs the migrations listed in index.ts, not the files it would
 * find by a glob: a new file that is not listed would never run.
 */
describe('the migration list', () => {
  const files = readdirSync(__dirname)
    .filter((file) => /^\d{13}-.+\.ts$/.test(file))
    .sort();

  it('lists every migration file, oldest first, each class named with its file’s timestamp', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(MIGRATIONS.map((migration) => migration.name.match(/\d{13}$/)?.[0])).toEqual(
      files.map((file) => file.slice(0, 13)),
    );
  });
});
