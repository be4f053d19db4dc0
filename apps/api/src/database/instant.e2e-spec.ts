import { Client, types } from 'pg';

import { isoInstant } from './instant';
import { withTimestampsAsText } from './pg-pool';

const parseTimestamptz = types.getTypeParser(1184, 'text') as (text: string) => Date;

/** Instants PostgreSQL writes in every shape: whole seconds, 1–6 fraction digits, far years. */
const INSTANTS = [
  '2026-12-04 17:41:49+00',
  '2026-12-04 17:41:49.5+00',
  '2026-12-04 17:41:49.05+00',
  '2026-12-04 17:41:49.123+00',
  '2026-12-04 17:41:49.1234+00',
  '2026-12-04 17:41:49.999999+00',
  '2026-12-04 17:41:49.000001+00',
  '2026-03-29 01:59:59.999+00',
  '2026-10-25 00:30:00.291+00',
  '1999-12-31 23:59:59.9999+00',
  '0099-06-01 12:00:00+00',
  '12026-01-01 00:00:00.25+00',
  '0044-03-15 12:00:00+00 BC',
];

describe('isoInstant', () => {
  let client: Client;

  beforeEach(async () => {
    client = new Client({ connectionString: process.env['DATABASE_URL'] });
    await client.connect();
  });

  afterEach(async () => {
    await client.end();
  });

  /** Each instant as PostgreSQL's text (the hot reads' types) and as pg's Date. */
  async function readBothWays(): Promise<{ text: string; date: Date }[]> {
    const sql = 'SELECT moment, moment AS date FROM unnest($1::timestamptz[]) moment';
    const asText = await client.query<{ moment: string }>(withTimestampsAsText(sql, [INSTANTS]));
    const asDates = await client.query<{ date: Date }>(sql, [INSTANTS]);
    return asText.rows.map((row, index) => ({ text: row.moment, date: asDates.rows[index].date }));
  }

  it.each(['UTC', 'Europe/Stockholm', 'America/St_Johns'])(
    'writes the text of a timestamptz as toISOString() writes its Date (session time zone %s)',
    async (zone) => {
      await client.query(`SET TIME ZONE '${zone}'`);
      const read = await readBothWays();

      expect(read.map(({ text }) => typeof text)).toEqual(INSTANTS.map(() => 'string'));
      for (const { text, date } of read)
        expect([text, isoInstant(text)]).toEqual([text, date.toISOString()]);
    },
  );

  it('agrees with pg’s own parser on every millisecond and microsecond digit', () => {
    for (let micros = 0; micros < 1_000_000; micros += 7) {
      const fraction = String(micros).padStart(6, '0').replace(/0+$/, '');
      const text = `2026-12-04 17:41:49${fraction ? `.${fraction}` : ''}+00`;
      const iso = isoInstant(text);
      if (iso !== parseTimestamptz(text).toISOString()) {
        expect(iso).toBe(parseTimestamptz(text).toISOString());
      }
    }
  });

  it('writes a Date as toISOString() does', () => {
    const date = new Date(Date.UTC(2026, 11, 4, 17, 41, 49, 212));
    expect(isoInstant(date)).toBe('2026-12-04T17:41:49.212Z');
  });
});
