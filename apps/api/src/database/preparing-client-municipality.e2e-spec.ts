import { localApiUrl } from './api-login';
import { PreparingClient, municipalityNeutral } from './preparing-client';
import { runInMunicipality } from './query-scope';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const SETTING = `SELECT current_setting('app.municipality_id', true) AS value`;
const NEUTRAL = municipalityNeutral(
  `SELECT current_setting('app.municipality_id', true) AS neutral`,
);

/**
 * The pool's client runs every statement as the municipality of the call it serves
 * (docs/tenancy.md): set on the connection before a statement when it differs, never left from
 * another call, and again after a rollback undid it.
 */
describe('PreparingClient acting for a municipality', () => {
  let client: PreparingClient;

  beforeEach(async () => {
    client = new PreparingClient({
      connectionString: localApiUrl(process.env['DATABASE_URL'] as string),
    });
    await client.connect();
  });

  afterEach(() => client.end());

  const setting = async () => (await client.query<{ value: string }>(SETTING, [])).rows[0]?.value;

  it('runs each statement as its scope’s municipality, and as none outside any', async () => {
    expect(await runInMunicipality(A, setting)).toBe(A);
    expect(await runInMunicipality(B, setting)).toBe(B);
    expect(await setting()).toBe('');
    expect(await runInMunicipality(A, setting)).toBe(A);
  });

  /** Statements the server finished while `work` ran (one ReadyForQuery each). */
  async function roundTrips(work: () => Promise<unknown>): Promise<number> {
    const connection = (client as unknown as { connection: NodeJS.EventEmitter }).connection;
    let count = 0;
    const counted = () => (count += 1);
    connection.on('readyForQuery', counted);
    try {
      await work();
    } finally {
      connection.off('readyForQuery', counted);
    }
    return count;
  }

  it('sets it only when the connection’s differs', async () => {
    expect(await roundTrips(() => runInMunicipality(A, setting))).toBe(2);
    expect(await roundTrips(() => runInMunicipality(A, setting))).toBe(1);
    expect(await roundTrips(() => runInMunicipality(B, setting))).toBe(2);
    expect(await roundTrips(setting)).toBe(2);
    expect(await roundTrips(setting)).toBe(1);
  });

  it('sets it again after a rollback undid it', async () => {
    await runInMunicipality(B, async () => {
      await client.query('BEGIN');
      expect(await setting()).toBe(B);
      await client.query('ROLLBACK');
      expect(await setting()).toBe(B);
    });
  });

  it('leaves the connection’s municipality to a statement that does not depend on it', async () => {
    await runInMunicipality(A, setting);
    let neutral: string | undefined;
    const trips = await roundTrips(async () => {
      neutral = (await client.query<{ neutral: string }>(NEUTRAL, [])).rows[0]?.neutral;
    });
    expect({ neutral, trips }).toEqual({ neutral: A, trips: 1 });
    expect(
      await roundTrips(() => runInMunicipality(B, async () => client.query(NEUTRAL, []))),
    ).toBe(1);
    expect(await runInMunicipality(B, setting)).toBe(B);
  });
});
