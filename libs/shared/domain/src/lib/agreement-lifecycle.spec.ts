import {
  AGREEMENT_ACTIONS,
  type AgreementSnapshot,
  agreementActionChanges,
  agreementActionInputProblems,
  agreementActionProblem,
  availableAgreementActions,
} from './agreement-lifecycle';
import { ROLES } from './roles';

const TODAY = '2026-03-01';
const PROCUREMENT = ['PROCUREMENT'] as const;

/** Renews by itself; 3 months' notice, so the last day to give notice is 2026-09-30. */
function renewing(overrides: Partial<AgreementSnapshot> = {}): AgreementSnapshot {
  return {
    id: 'a1',
    signedOn: '2024-12-01',
    startsOn: '2025-01-01',
    endsOn: '2026-12-31',
    terminatedOn: null,
    renewsAutomatically: true,
    noticePeriodMonths: 3,
    extensionOptions: 0,
    extensionOptionsUsed: 0,
    extensionMonths: 0,
    nextExtensionDecisionBy: null,
    followedById: null,
    ...overrides,
  };
}

/** "2 years + 1 + 1": ends 2026-12-31, the first option decided by 2026-06-30. */
function withOptions(overrides: Partial<AgreementSnapshot> = {}): AgreementSnapshot {
  return renewing({
    renewsAutomatically: false,
    extensionOptions: 2,
    extensionMonths: 12,
    nextExtensionDecisionBy: '2026-06-30',
    ...overrides,
  });
}

const valid = { reason: 'Behovet finns kvar', date: '2026-02-15', caseNumber: 'Bou 2026/12' };

describe('agreement lifecycle actions', () => {
  it('are for procurement and the object manager; everyone else is refused with a 403', () => {
    for (const role of ROLES) {
      const allowed = role === 'PROCUREMENT' || role === 'OBJECT_MANAGER';
      expect(availableAgreementActions(renewing(), [role], TODAY).length > 0).toBe(allowed);
      if (!allowed) {
        expect(agreementActionProblem('GIVE_NOTICE', renewing(), [role], TODAY)?.status).toBe(403);
      }
    }
  });

  it('offer notice, successor, end early and correction on a running agreement that renews', () => {
    expect(availableAgreementActions(renewing(), PROCUREMENT, TODAY)).toEqual([
      'GIVE_NOTICE',
      'REGISTER_SUCCESSOR',
      'END_EARLY',
      'CORRECT',
    ]);
  });

  it('offer the extension decision while an option is left and its date has not passed', () => {
    expect(availableAgreementActions(withOptions(), PROCUREMENT, TODAY)).toEqual([
      'USE_EXTENSION',
      'DECLINE_EXTENSION',
      'REGISTER_SUCCESSOR',
      'END_EARLY',
      'CORRECT',
    ]);
    expect(availableAgreementActions(withOptions(), PROCUREMENT, '2026-06-30')).toContain(
      'USE_EXTENSION',
    );
  });

  it('refuse the extension decision after its date, with none left or no date, naming why', () => {
    expect(
      agreementActionProblem('USE_EXTENSION', withOptions(), PROCUREMENT, '2026-07-01'),
    ).toEqual({
      status: 409,
      message: 'USE_EXTENSION refused: the decision date of the extension, 2026-06-30, has passed',
    });
    expect(
      agreementActionProblem(
        'DECLINE_EXTENSION',
        withOptions({ extensionOptionsUsed: 2 }),
        PROCUREMENT,
        TODAY,
      )?.message,
    ).toMatch(/no extension option is left/);
    expect(
      agreementActionProblem(
        'USE_EXTENSION',
        withOptions({ nextExtensionDecisionBy: null }),
        PROCUREMENT,
        TODAY,
      )?.message,
    ).toMatch(/no decision date/);
  });

  it('refuse notice on an agreement that ends by itself, or once its last day has passed', () => {
    expect(
      agreementActionProblem('GIVE_NOTICE', withOptions(), PROCUREMENT, TODAY)?.message,
    ).toMatch(/does not renew by itself/);
    expect(agreementActionProblem('GIVE_NOTICE', renewing(), PROCUREMENT, '2026-09-30')).toBeNull();
    expect(agreementActionProblem('GIVE_NOTICE', renewing(), PROCUREMENT, '2026-10-01')).toEqual({
      status: 409,
      message: 'GIVE_NOTICE refused: the last day to give notice, 2026-09-30, has passed',
    });
  });

  it('leave only the correction on a draft', () => {
    expect(availableAgreementActions(renewing({ signedOn: null }), PROCUREMENT, TODAY)).toEqual([
      'CORRECT',
    ]);
    expect(
      agreementActionProblem('END_EARLY', renewing({ signedOn: null }), PROCUREMENT, TODAY)
        ?.message,
    ).toMatch(/draft/);
  });

  it('leave the successor and the correction once terminated or ended', () => {
    const terminated = renewing({ terminatedOn: '2026-02-01' });
    expect(availableAgreementActions(terminated, PROCUREMENT, TODAY)).toEqual([
      'REGISTER_SUCCESSOR',
      'CORRECT',
    ]);
    expect(agreementActionProblem('GIVE_NOTICE', terminated, PROCUREMENT, TODAY)?.message).toMatch(
      /terminated on 2026-02-01/,
    );
    expect(availableAgreementActions(renewing(), PROCUREMENT, '2027-01-01')).toEqual([
      'REGISTER_SUCCESSOR',
      'CORRECT',
    ]);
    expect(
      agreementActionProblem('END_EARLY', renewing(), PROCUREMENT, '2027-01-01')?.message,
    ).toMatch(/ended on 2026-12-31/);
  });

  it('register one successor only', () => {
    const followed = renewing({ followedById: 'a2' });
    expect(availableAgreementActions(followed, PROCUREMENT, TODAY)).not.toContain(
      'REGISTER_SUCCESSOR',
    );
    expect(agreementActionProblem('REGISTER_SUCCESSOR', followed, PROCUREMENT, TODAY)?.status).toBe(
      409,
    );
  });

  it('ask every action for its reason', () => {
    for (const action of AGREEMENT_ACTIONS) {
      if (action === 'CORRECT') continue;
      expect(
        agreementActionInputProblems(action, renewing(), { ...valid, reason: ' ' }, TODAY).map(
          (problem) => problem.field,
        ),
      ).toContain('reason');
    }
  });

  it('check the notice’s date and case number', () => {
    const fields = (input: object) =>
      agreementActionInputProblems('GIVE_NOTICE', renewing(), input, TODAY).map((p) => p.field);
    expect(fields(valid)).toEqual([]);
    expect(fields({ reason: 'x' })).toEqual(['date', 'caseNumber']);
    expect(fields({ ...valid, date: '2026-03-02' })).toEqual(['date']);
    expect(fields({ ...valid, date: '2024-12-31' })).toEqual(['date']);
    expect(
      agreementActionInputProblems(
        'GIVE_NOTICE',
        renewing({ endsOn: '2026-03-31' }),
        valid,
        TODAY,
      )[0]?.message,
    ).toBe('notice must be given by the last day to give notice, 2025-12-31');
  });

  it('check the early end’s date: within the agreement and not shorter than its notice period', () => {
    const fields = (date: string | undefined) =>
      agreementActionInputProblems('END_EARLY', renewing(), { ...valid, date }, TODAY).map(
        (problem) => problem.field,
      );
    expect(fields('2026-06-30')).toEqual([]);
    expect(fields(undefined)).toEqual(['date']);
    expect(fields('2026-12-31')).toEqual(['date']);
    expect(fields('2024-12-31')).toEqual(['date']);
    expect(fields('2025-03-31')).toEqual(['date']);
    expect(fields('2025-04-01')).toEqual([]);
  });

  it('check the successor and the next decision date', () => {
    expect(
      agreementActionInputProblems('REGISTER_SUCCESSOR', renewing(), { reason: 'x' }, TODAY),
    ).toEqual([{ field: 'successorId', message: 'choose the agreement that follows' }]);
    expect(
      agreementActionInputProblems(
        'REGISTER_SUCCESSOR',
        renewing(),
        { reason: 'x', successorId: 'a1' },
        TODAY,
      )[0]?.message,
    ).toBe('an agreement cannot follow itself');
    const next = (nextExtensionDecisionBy: string, agreement = withOptions()) =>
      agreementActionInputProblems(
        'USE_EXTENSION',
        agreement,
        { reason: 'x', nextExtensionDecisionBy },
        TODAY,
      );
    expect(next('2027-06-30')).toEqual([]);
    expect(next('2028-01-01')[0]?.message).toBe(
      'the next decision date must be by the new end, 2027-12-31',
    );
    expect(next('2026-03-01')[0]?.field).toBe('nextExtensionDecisionBy');
    expect(next('2027-06-30', withOptions({ extensionOptionsUsed: 1 }))[0]?.message).toBe(
      'no option remains after this one to decide on',
    );
  });

  it('give notice by terminating on its date', () => {
    expect(agreementActionChanges('GIVE_NOTICE', renewing(), valid)).toEqual({
      terminatedOn: '2026-02-15',
    });
  });

  it('use an option: the end moves, the next decision date keeps its distance, then clears', () => {
    expect(agreementActionChanges('USE_EXTENSION', withOptions(), { reason: 'x' })).toEqual({
      endsOn: '2027-12-31',
      extensionOptionsUsed: 1,
      nextExtensionDecisionBy: '2027-06-30',
    });
    expect(
      agreementActionChanges('USE_EXTENSION', withOptions(), {
        reason: 'x',
        nextExtensionDecisionBy: '2027-05-31',
      }).nextExtensionDecisionBy,
    ).toBe('2027-05-31');
    expect(
      agreementActionChanges(
        'USE_EXTENSION',
        withOptions({
          extensionOptionsUsed: 1,
          endsOn: '2027-12-31',
          nextExtensionDecisionBy: '2027-06-30',
        }),
        { reason: 'x' },
      ),
    ).toEqual({ endsOn: '2028-12-31', extensionOptionsUsed: 2, nextExtensionDecisionBy: null });
  });

  it('extend from a month end to a shorter month end', () => {
    expect(
      agreementActionChanges(
        'USE_EXTENSION',
        withOptions({
          endsOn: '2027-08-31',
          extensionMonths: 6,
          nextExtensionDecisionBy: '2027-02-28',
        }),
        { reason: 'x' },
      ),
    ).toEqual({
      endsOn: '2028-02-29',
      extensionOptionsUsed: 1,
      nextExtensionDecisionBy: '2027-08-28',
    });
  });

  it('decline an option: the options left lapse and no decision remains', () => {
    expect(agreementActionChanges('DECLINE_EXTENSION', withOptions(), { reason: 'x' })).toEqual({
      extensionOptions: 0,
      nextExtensionDecisionBy: null,
    });
  });

  it('end early: the end and the termination are the date', () => {
    expect(
      agreementActionChanges('END_EARLY', withOptions(), { reason: 'x', date: '2026-05-31' }),
    ).toEqual({
      endsOn: '2026-05-31',
      terminatedOn: '2026-05-31',
      nextExtensionDecisionBy: null,
    });
  });
});
