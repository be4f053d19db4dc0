import 'reflect-metadata';

import {
  type ContractTerms,
  EXPIRING_WITHIN_DAYS,
  type IsoDate,
  addDays,
  contractStatus,
} from '@licensregistret/domain';

import { closeTestDatabase, testDatabase } from '../../test/factories';
import { statusPrefilter } from './agreement-rows';

/**
 * The "expiring" window lives in the domain (EXPIRING_WITHIN_DAYS) and, as history, in the SQL
 * function agreement_status of the agreements migration. The generated comparison in
 * agreement-status.e2e-spec.ts rarely lands on its edge, so this pins both copies, and the
 * list's index prefilter built from the constant, to the same last day.
 */
describe('the expiring window is the same in the domain, agreement_status and the list filter', () => {
  const todays: IsoDate[] = ['2026-01-31', '2026-11-30', '2028-02-29'];

  /** Signed, ends by itself with no option: only the end decides between EXPIRING and ACTIVE. */
  const endingOn = (endsOn: IsoDate): ContractTerms => ({
    signedOn: '2024-01-01',
    startsOn: '2024-01-01',
    endsOn,
    noticePeriodMonths: 0,
    internalLeadDays: 0,
    renewsAutomatically: false,
    extensionOptions: 0,
    extensionOptionsUsed: 0,
    nextExtensionDecisionBy: null,
    terminatedOn: null,
    hasFollowUp: false,
  });

  afterAll(async () => {
    await closeTestDatabase();
  });

  it.each(todays)('on %s the last expiring day is today + EXPIRING_WITHIN_DAYS', async (today) => {
    const lastDay = addDays(today, EXPIRING_WITHIN_DAYS);
    const cases = [addDays(lastDay, -1), lastDay, addDays(lastDay, 1)];
    const { rows } = await testDatabase().query<{ ends_on: IsoDate; status: string; hit: boolean }>(
      `SELECT to_char(a.ends_on, 'YYYY-MM-DD') AS ends_on,
              agreement_status('2024-01-01'::date, NULL, a.ends_on, false, 'NOTICE', a.ends_on,
                               a.ends_on, false, $2::date) AS status,
              ${statusPrefilter('EXPIRING', '$2::date')} AS hit
         FROM unnest($1::date[]) AS a(ends_on) ORDER BY a.ends_on`,
      [cases, today],
    );
    expect(rows).toEqual(
      cases.map((endsOn) => ({
        ends_on: endsOn,
        status: contractStatus(endingOn(endsOn), today),
        hit: endsOn <= lastDay,
      })),
    );
    expect(rows.map((row) => row.status)).toEqual(['EXPIRING', 'EXPIRING', 'ACTIVE']);
  });
});
