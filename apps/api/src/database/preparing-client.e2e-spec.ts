import { PreparingClient } from './preparing-client';

describe('PreparingClient', () => {
  let client: PreparingClient;

  const prepared = async () =>
    (
      await client.query<{ name: string; statement: string }>(
        'SELECT name, statement FROM pg_prepared_statements ORDER BY statement',
      )
    ).rows;

  beforeEach(async () => {
    client = new PreparingClient({ connectionString: process.env['DATABASE_URL'] });
    await client.connect();
  });

  afterEach(async () => {
    await client.end();
  });

  it('prepares a parameterised query once per text, on its connection', async () => {
    const answers = [];
    for (const value of [1, 2, 3]) {
      answers.push((await client.query('SELECT $1::int + 1 AS n', [value])).rows[0].n);
    }
    await client.query('SELECT $1::text AS other', ['x']);

    expect(answers).toEqual([2, 3, 4]);
    const statements = await prepared();
    expect(statements.map((row) => row.statement)).toEqual([
      'SELECT $1::int + 1 AS n',
      'SELECT $1::text AS other',
    ]);
    expect(new Set(statements.map((row) => row.name)).size).toBe(2);
  });

  it('prepares a query config with its own types as it would the text, and keeps the types', async () => {
    const types = { getTypeParser: () => (value: string) => `parsed ${value}` };
    const config = { text: 'SELECT $1::int + 1 AS n', values: [1], types };
    const first = await client.query(config);
    const second = await client.query({ ...config, values: [2] });
    await client.query('SELECT $1::int + 1 AS n', [3]);

    expect([first.rows[0].n, second.rows[0].n]).toEqual(['parsed 2', 'parsed 3']);
    expect((await prepared()).map((row) => row.statement)).toEqual(['SELECT $1::int + 1 AS n']);
    expect(config).toEqual({ text: 'SELECT $1::int + 1 AS n', values: [1], types });
  });

  it('leaves queries without parameters and utility commands unprepared', async () => {
    await client.query('SELECT 1');
    await client.query('BEGIN');
    await client.query(
      'DECLARE numbers NO SCROLL CURSOR FOR SELECT g FROM generate_series(1, $1::int) g',
      [3],
    );
    const fetched = await client.query('FETCH FORWARD 5 FROM numbers');
    await client.query('COMMIT');

    expect(fetched.rows.map((row) => row.g)).toEqual([1, 2, 3]);
    expect(await prepared()).toEqual([]);
  });
});
