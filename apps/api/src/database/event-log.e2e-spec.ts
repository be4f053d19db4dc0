import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

describe('the event table (migration)', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: process.env['DATABASE_URL'] });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
  });

  it('accepts new events and refuses to change or delete them', async () => {
    const subjectId = randomUUID();
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO event (subject_type, subject_id, kind, to_state) VALUES ('request', $1, 'moved', 'SUBMITTED') RETURNING id`,
      [subjectId],
    );
    const id = inserted.rows[0]?.id;

    await expect(
      client.query(`UPDATE event SET to_state = 'DECIDED' WHERE id = $1`, [id]),
    ).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(client.query('DELETE FROM event WHERE id = $1', [id])).rejects.toThrow(
      /append-only: DELETE refused/,
    );
    await expect(client.query('TRUNCATE event')).rejects.toThrow(/append-only: TRUNCATE refused/);

    const kept = await client.query('SELECT to_state FROM event WHERE subject_id = $1', [
      subjectId,
    ]);
    expect(kept.rows).toEqual([{ to_state: 'SUBMITTED' }]);
  });
});
