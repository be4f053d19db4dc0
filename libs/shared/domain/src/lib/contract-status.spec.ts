import {
  type ContractTerms,
  contractStatus,
  lastDayToGiveNotice,
  nextDeadline,
} from './contract-status';

/** A signed three-year agreement ending 2027-06-30, six months' notice, 60 days' lead time. */
const terms = (overrides: Partial<ContractTerms> = {}): ContractTerms => ({
  signedOn: '2024-05-20',
  startsOn: '2024-07-01',
  endsOn: '2027-06-30',
  noticePeriodMonths: 6,
  internalLeadDays: 60,
  renewsAutomatically: true,
  extensionOptions: 0,
  extensionOptionsUsed: 0,
  nextExtensionDecisionBy: null,
  terminatedOn: null,
  hasFollowUp: false,
  ...overrides,
});

describe('lastDayToGiveNotice', () => {
  it('counts the notice period in calendar months back from the end', () => {
    expect(lastDayToGiveNotice(terms())).toBe('2026-12-30');
    expect(lastDayToGiveNotice(terms({ endsOn: '2027-08-31', noticePeriodMonths: 6 }))).toBe(
      '2027-02-28',
    );
    expect(lastDayToGiveNotice(terms({ endsOn: '2028-08-31', noticePeriodMonths: 6 }))).toBe(
      '2028-02-29',
    );
    expect(lastDayToGiveNotice(terms({ endsOn: '2027-12-31', noticePeriodMonths: 3 }))).toBe(
      '2027-09-30',
    );
    expect(lastDayToGiveNotice(terms({ noticePeriodMonths: 0 }))).toBe('2027-06-30');
  });
});

describe('contractStatus', () => {
  it('is a draft until signed, whatever the dates', () => {
    expect(contractStatus(terms({ signedOn: null }), '2030-01-01')).toBe('DRAFT');
  });

  it('is terminated once notice is given, before and after the end', () => {
    const ended = terms({ terminatedOn: '2026-11-01' });
    expect(contractStatus(ended, '2026-11-02')).toBe('TERMINATED');
    expect(contractStatus(ended, '2027-07-01')).toBe('TERMINATED');
  });

  it('needs action from the first day of the lead time to the last day to give notice', () => {
    // Last day 2026-12-30; lead time of 60 days starts 2026-10-31.
    expect(contractStatus(terms(), '2026-10-30')).toBe('ACTIVE');
    expect(contractStatus(terms(), '2026-10-31')).toBe('ACTION_NEEDED');
    expect(contractStatus(terms(), '2026-12-30')).toBe('ACTION_NEEDED');
  });

  it('passes the notice window the day after the last day, for one that renews by itself', () => {
    expect(contractStatus(terms(), '2026-12-31')).toBe('NOTICE_WINDOW_PASSED');
    expect(contractStatus(terms(), '2027-06-30')).toBe('NOTICE_WINDOW_PASSED');
  });

  it('expires the day after its end', () => {
    expect(contractStatus(terms(), '2027-07-01')).toBe('EXPIRED');
    expect(contractStatus(terms({ renewsAutomatically: false }), '2027-07-01')).toBe('EXPIRED');
  });

  it('is expiring within 90 days of an end that nothing follows, when it does not renew', () => {
    const fixed = terms({ renewsAutomatically: false });
    // 2027-06-30 minus 90 days is 2027-04-01.
    expect(contractStatus(fixed, '2027-03-31')).toBe('ACTIVE');
    expect(contractStatus(fixed, '2027-04-01')).toBe('EXPIRING');
    expect(contractStatus(fixed, '2027-06-30')).toBe('EXPIRING');
    expect(contractStatus({ ...fixed, hasFollowUp: true }, '2027-06-30')).toBe('ACTIVE');
  });

  it('has no notice to give for one that ends by itself: its notice date needs no action', () => {
    expect(contractStatus(terms({ renewsAutomatically: false }), '2026-11-15')).toBe('ACTIVE');
  });

  it('needs action before an extension must be decided, while options remain', () => {
    const withOption = terms({
      renewsAutomatically: false,
      extensionOptions: 2,
      extensionOptionsUsed: 1,
      nextExtensionDecisionBy: '2027-02-28',
      internalLeadDays: 30,
    });
    expect(nextDeadline(withOption)).toEqual({
      kind: 'EXTENSION',
      date: '2027-02-28',
      actionFrom: '2027-01-29',
    });
    expect(contractStatus(withOption, '2027-01-28')).toBe('ACTIVE');
    expect(contractStatus(withOption, '2027-01-29')).toBe('ACTION_NEEDED');
    expect(contractStatus(withOption, '2027-02-28')).toBe('ACTION_NEEDED');
    // Decision date passed without a recorded extension: it now runs out.
    expect(contractStatus(withOption, '2027-04-01')).toBe('EXPIRING');
  });

  it('ignores the extension date once every option is used', () => {
    const allUsed = terms({
      renewsAutomatically: false,
      extensionOptions: 2,
      extensionOptionsUsed: 2,
      nextExtensionDecisionBy: '2027-02-28',
    });
    expect(nextDeadline(allUsed).kind).toBe('NOTICE');
    expect(contractStatus(allUsed, '2027-02-15')).toBe('ACTIVE');
  });

  it('handles a deadline on a leap day', () => {
    // End 2028-08-31 with six months' notice: the last day is 2028-02-29; 14 days' lead time.
    const leap = terms({ endsOn: '2028-08-31', internalLeadDays: 14 });
    expect(contractStatus(leap, '2028-02-14')).toBe('ACTIVE');
    expect(contractStatus(leap, '2028-02-15')).toBe('ACTION_NEEDED');
    expect(contractStatus(leap, '2028-02-29')).toBe('ACTION_NEEDED');
    expect(contractStatus(leap, '2028-03-01')).toBe('NOTICE_WINDOW_PASSED');
  });

  it('is active before its start once signed', () => {
    expect(
      contractStatus(terms({ startsOn: '2027-01-01', endsOn: '2029-12-31' }), '2026-12-01'),
    ).toBe('ACTIVE');
  });
});
