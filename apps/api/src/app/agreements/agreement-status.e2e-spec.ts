import {
  CONTRACT_STATUSES,
  type ContractStatus,
  type ContractTerms,
  type IsoDate,
  addDays,
  addMonths,
  contractStatus,
  lastDayToGiveNotice,
  nextDeadline,
} from '@licensregistret/domain';

import {
  closeTestDatabase,
  testDatabase,
  unique,
  uniqueOrganisationNumber,
} from '../../test/factories';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Generated extends ContractTerms {
  index: number;
  followsIndex: number | null;
}

function generate(count: number, seed: number): Generated[] {
  const next = random(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const agreements: Generated[] = [];
  for (let index = 0; index < count; index += 1) {
    // Month ends and leap days are over-represented: that is where date rules break.
    const startsOn =
      next() < 0.3 ? addMonths('2024-02-29', int(0, 30)) : addDays('2024-01-01', int(0, 1500));
    const months = int(1, 60);
    const endsOn =
      next() < 0.4 ? addDays(addMonths(startsOn, months), -1) : addMonths(startsOn, months);
    const noticePeriodMonths = Math.min(int(0, 12), months - 1);
    const extensionOptions = int(0, 3);
    agreements.push({
      index,
      signedOn: next() < 0.1 ? null : addDays(startsOn, -int(0, 60)),
      startsOn,
      endsOn,
      noticePeriodMonths,
      internalLeadDays: int(0, 180),
      renewsAutomatically: next() < 0.5,
      extensionOptions,
      extensionOptionsUsed: int(0, extensionOptions),
      nextExtensionDecisionBy: next() < 0.5 ? addDays(endsOn, -int(0, 400)) : null,
      terminatedOn: next() < 0.08 ? addDays(startsOn, int(0, 300)) : null,
      hasFollowUp: false,
      followsIndex: index > 0 && next() < 0.15 ? int(0, index - 1) : null,
    });
  }
  for (const agreement of agreements) {
    if (agreement.followsIndex !== null)
      (agreements[agreement.followsIndex] as Generated).hasFollowUp = true;
  }
  return agreements;
}

describe('agreement_status in SQL gives the same answer as contractStatus', () => {
  const agreements = generate(1500, 20261122);
  const ids: string[] = [];
  const todays: IsoDate[] = [
    '2024-02-29',
    '2025-03-01',
    '2026-06-30',
    '2026-11-22',
    '2026-12-31',
    '2027-02-28',
    '2028-02-29',
    '2029-01-01',
  ];

  beforeAll(async () => {
    const db = testDatabase();
    const [supplier] = (
      await db.query(
        `INSERT INTO supplier (name, organisation_number) VALUES ($1, $2) RETURNING id`,
        [unique('Generator AB'), uniqueOrganisationNumber()],
      )
    ).rows;
    const batch = unique('GEN');
    for (const agreement of agreements) {
      const { rows } = await db.query(
        `INSERT INTO agreement (supplier_id, agreement_number, case_number, procurement_route, signed_on,
           starts_on, ends_on, extension_options, extension_options_used, next_extension_decision_by,
           notice_period_months, internal_lead_days, renews_automatically, annual_cost, cost_model,
           terminated_on, follows_id)
         VALUES ($1, $2, 'KS 2026/1', 'OWN_TENDER', $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, 'FLAT', $12, $13)
         RETURNING id`,
        [
          supplier.id,
          `${batch}-${agreement.index}`,
          agreement.signedOn,
          agreement.startsOn,
          agreement.endsOn,
          agreement.extensionOptions,
          agreement.extensionOptionsUsed,
          agreement.nextExtensionDecisionBy,
          agreement.noticePeriodMonths,
          agreement.internalLeadDays,
          agreement.renewsAutomatically,
          agreement.terminatedOn,
          agreement.followsIndex === null ? null : ids[agreement.followsIndex],
        ],
      );
      ids.push(rows[0].id);
    }
  });

  afterAll(async () => {
    await closeTestDatabase();
  });

  it.each(todays)('on %s, for every generated agreement', async (today) => {
    const { rows } = await testDatabase().query<{ id: string; status: ContractStatus }>(
      `SELECT a.id, agreement_status(a.signed_on, a.terminated_on, a.ends_on, a.renews_automatically,
                a.next_deadline_kind, a.next_deadline, a.action_from,
                EXISTS (SELECT 1 FROM agreement f WHERE f.follows_id = a.id), $2::date) AS status
         FROM agreement a WHERE a.id = ANY($1)`,
      [ids, today],
    );
    const fromSql = new Map(rows.map((row) => [row.id, row.status]));
    const mismatches = agreements
      .map((agreement) => ({
        agreement,
        expected: contractStatus(agreement, today),
        actual: fromSql.get(ids[agreement.index] as string),
      }))
      .filter(({ expected, actual }) => expected !== actual);
    expect(mismatches).toEqual([]);
  });

  it('puts every status on the table at least once, so the comparison covers them all', () => {
    const seen = new Set(
      todays.flatMap((today) => agreements.map((agreement) => contractStatus(agreement, today))),
    );
    expect([...seen].sort()).toEqual([...CONTRACT_STATUSES].sort());
  });

  it('stores the derived deadlines as the domain computes them', async () => {
    const { rows } = await testDatabase().query(
      `SELECT id, to_char(last_day_to_give_notice, 'YYYY-MM-DD') AS notice,
              to_char(action_from, 'YYYY-MM-DD') AS action_from FROM agreement WHERE id = ANY($1)`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const agreement of agreements) {
      const row = byId.get(ids[agreement.index]);
      expect(row.notice).toBe(lastDayToGiveNotice(agreement));
      expect(row.action_from).toBe(nextDeadline(agreement).actionFrom);
    }
  });
});
