import { OPEN_REQUEST_STATES } from '@licensregistret/domain';

import { closeTestDatabase, testDatabase } from '../../test/factories';
import { OPEN_STATES_SQL } from './request-rows';

/** The states named in a partial index's WHERE, in order. */
function statesOf(indexdef: string): string[] {
  const where = indexdef.slice(indexdef.indexOf(' WHERE '));
  return [...where.matchAll(/'([A-Z_]+)'::text/g)].map((match) => match[1] as string);
}

/**
 * The open request states live in the domain (OPEN_REQUEST_STATES); the migrations repeat them in
 * the predicates of two partial indexes (history, not edited), and the queries that must match
 * those indexes repeat them as a SQL constant. All copies must be the same list.
 */
describe('the open request states in SQL are the domain’s', () => {
  afterAll(async () => {
    await closeTestDatabase();
  });

  it.each(['request_open_tool_idx', 'request_open_submitted_idx'])(
    'the partial index %s covers exactly the open states',
    async (index) => {
      const { rows } = await testDatabase().query<{ indexdef: string }>(
        `SELECT indexdef FROM pg_indexes WHERE tablename = 'request' AND indexname = $1`,
        [index],
      );
      expect(rows).toHaveLength(1);
      expect(statesOf(rows[0]?.indexdef ?? '')).toEqual([...OPEN_REQUEST_STATES]);
    },
  );

  it('the constant the queue and the demand count use is the same list', async () => {
    const { rows } = await testDatabase().query<{ states: string[] }>(
      `SELECT ${OPEN_STATES_SQL} AS states`,
    );
    expect(rows[0]?.states).toEqual([...OPEN_REQUEST_STATES]);
  });
});
