import {
  CLOSED_REQUEST_STATES,
  DECISION_OUTCOMES,
  type MoveInput,
  OPEN_REQUEST_STATES,
  REQUEST_MOVES,
  REQUEST_ROUTINE,
  REQUEST_STATES,
  type RequestMove,
  type RequestSnapshot,
  type RoutineActor,
  UNFINISHED_REQUEST_STATES,
  availableMoves,
  isApproval,
  isRequestMove,
  moveInputProblems,
  moveProblem,
  newToolReviewProblems,
  stateAfter,
} from './request-routine';
import { ROLES, type Role } from './roles';

const settings = { confirmationThreshold: 100_000 };
const UNIT = 'unit-1';

const request = (overrides: Partial<RequestSnapshot> = {}): RequestSnapshot => ({
  state: 'DRAFT',
  stateBeforeInfo: null,
  unitId: UNIT,
  endorsed: false,
  proposedOutcome: null,
  decidedOutcome: null,
  annualCost: 20_000,
  ...overrides,
});

const actor = (roles: Role[], unitIds: string[] = [UNIT]): RoutineActor => ({ roles, unitIds });

describe('the request routine', () => {
  it('knows every state and reaches every state but DRAFT by some move', () => {
    const reached = new Set(
      REQUEST_MOVES.map((move) => REQUEST_ROUTINE[move].to).filter(
        (to) => to !== 'SAME' && to !== 'PREVIOUS',
      ),
    );
    expect(REQUEST_STATES.filter((state) => state !== 'DRAFT' && !reached.has(state))).toEqual([]);
  });

  it('follows the main path DRAFT → SUBMITTED → IN_TRIAGE → IN_REVIEW → DECIDED → IMPLEMENTED', () => {
    const path: [RequestMove, string][] = [
      ['SUBMIT', 'SUBMITTED'],
      ['START_TRIAGE', 'IN_TRIAGE'],
      ['START_REVIEW', 'IN_REVIEW'],
      ['DECIDE', 'DECIDED'],
      ['IMPLEMENT', 'IMPLEMENTED'],
    ];
    let current = request({ endorsed: true });
    for (const [move, expected] of path) {
      current = { ...current, state: stateAfter(move, current) };
      expect(current.state).toBe(expected);
    }
  });

  describe('every move × every role, from the states it starts in', () => {
    const cases = REQUEST_MOVES.flatMap((move) =>
      ROLES.map((role) => ({ move, role, allowed: REQUEST_ROUTINE[move].roles.includes(role) })),
    );

    it.each(cases)('$move by $role: allowed $allowed', ({ move, role, allowed }) => {
      const from = REQUEST_ROUTINE[move].from[0] as RequestSnapshot['state'];
      // Above the threshold with a proposal, so that DECIDE by a manager is possible too.
      const snapshot = request({
        state: from,
        proposedOutcome: role === 'OBJECT_MANAGER' ? 'APPROVED' : null,
        annualCost: role === 'OBJECT_MANAGER' ? 500_000 : 20_000,
        decidedOutcome: from === 'DECIDED' ? 'APPROVED' : null,
      });
      const problem = moveProblem(move, snapshot, actor([role]), settings, {
        text: 'Text',
        outcome: 'APPROVED',
        licenceId: 'licence-1',
      });
      if (allowed) {
        // Allowed roles may meet only the "what it carries" rules, never a 403.
        expect(problem?.status).not.toBe(403);
      } else {
        expect(problem).toMatchObject({ status: 403 });
      }
    });
  });

  it('refuses a move from a state it does not start in with 409 naming both', () => {
    expect(
      moveProblem(
        'DECIDE',
        request({ state: 'SUBMITTED' }),
        actor(['OBJECT_SPECIALIST']),
        settings,
      ),
    ).toEqual({
      status: 409,
      message: 'DECIDE is not possible from SUBMITTED',
    });
  });

  it('lets the school act only for its own unit', () => {
    expect(
      moveProblem('WITHDRAW', request(), actor(['REQUESTER'], ['other-unit']), settings),
    ).toMatchObject({
      status: 403,
    });
    expect(moveProblem('WITHDRAW', request(), actor(['REQUESTER']), settings)).toBeNull();
  });

  it('needs the principal’s endorsement before a requester submits, not before a principal does', () => {
    expect(moveProblem('SUBMIT', request(), actor(['REQUESTER']), settings)).toEqual({
      status: 400,
      field: 'endorsement',
      message: 'the principal must endorse the request first',
    });
    expect(
      moveProblem('SUBMIT', request({ endorsed: true }), actor(['REQUESTER']), settings),
    ).toBeNull();
    expect(moveProblem('SUBMIT', request(), actor(['PRINCIPAL']), settings)).toBeNull();
    expect(availableMoves(request(), actor(['REQUESTER']), settings)).not.toContain('SUBMIT');
    expect(availableMoves(request({ endorsed: true }), actor(['REQUESTER']), settings)).toContain(
      'SUBMIT',
    );
    expect(availableMoves(request(), actor(['PRINCIPAL']), settings)).toContain('SUBMIT');
    expect(
      moveProblem('ENDORSE', request({ endorsed: true }), actor(['PRINCIPAL']), settings),
    ).toMatchObject({
      status: 409,
    });
  });

  it('a submitted request whose endorsement a change cleared waits for the principal again', () => {
    const cleared = request({ state: 'SUBMITTED', endorsed: false });
    expect(availableMoves(cleared, actor(['PRINCIPAL']), settings)).toContain('ENDORSE');
    expect(stateAfter('ENDORSE', cleared)).toBe('SUBMITTED');
    expect(moveProblem('START_TRIAGE', cleared, actor(['OBJECT_SPECIALIST']), settings)).toEqual({
      status: 409,
      message: 'the principal must endorse the changed request first',
    });
    expect(availableMoves(cleared, actor(['OBJECT_SPECIALIST']), settings)).toEqual([]);

    const endorsed = { ...cleared, endorsed: true };
    expect(moveProblem('ENDORSE', endorsed, actor(['PRINCIPAL']), settings)).toMatchObject({
      status: 409,
    });
    expect(availableMoves(endorsed, actor(['OBJECT_SPECIALIST']), settings)).toEqual([
      'START_TRIAGE',
    ]);
  });

  it('sends an answered request back to where it was', () => {
    for (const before of ['IN_TRIAGE', 'IN_REVIEW'] as const) {
      expect(stateAfter('ANSWER', request({ state: 'NEEDS_INFO', stateBeforeInfo: before }))).toBe(
        before,
      );
    }
  });

  it('withdraws from every open state and from no closed one', () => {
    const open = ['DRAFT', 'SUBMITTED', 'IN_TRIAGE', 'QUEUED', 'NEEDS_INFO', 'IN_REVIEW'];
    for (const state of REQUEST_STATES) {
      const problem = moveProblem('WITHDRAW', request({ state }), actor(['REQUESTER']), settings);
      expect(problem === null).toBe(open.includes(state));
    }
  });

  describe('decisions', () => {
    const specialist = actor(['OBJECT_SPECIALIST']);
    const manager = actor(['OBJECT_MANAGER']);
    const inReview = (annualCost: number, proposed: RequestSnapshot['proposedOutcome'] = null) =>
      request({ state: 'IN_REVIEW', annualCost, proposedOutcome: proposed });

    it('a rejection names at least one reason and explains itself', () => {
      const review = inReview(10_000);
      expect(
        moveProblem('DECIDE', review, specialist, settings, { outcome: 'REJECTED', text: 'Nej' }),
      ).toMatchObject({
        status: 400,
        field: 'reasons',
      });
      expect(
        moveProblem('DECIDE', review, specialist, settings, {
          outcome: 'REJECTED',
          reasons: ['ECONOMY'],
        }),
      ).toMatchObject({ status: 400, field: 'text' });
      expect(
        moveProblem('DECIDE', review, specialist, settings, {
          outcome: 'REJECTED',
          reasons: ['ECONOMY', 'NEED'],
          text: 'Finns redan i NE.',
        }),
      ).toBeNull();
    });

    it('an approval with conditions states them', () => {
      expect(
        moveProblem('DECIDE', inReview(10_000), specialist, settings, {
          outcome: 'APPROVED_WITH_CONDITIONS',
        }),
      ).toMatchObject({ status: 400, field: 'conditions' });
    });

    it('below the threshold the specialist decides; above it the specialist proposes and a manager decides', () => {
      expect(availableMoves(inReview(100_000), specialist, settings)).toContain('DECIDE');
      expect(availableMoves(inReview(100_000), specialist, settings)).not.toContain(
        'PROPOSE_DECISION',
      );

      expect(availableMoves(inReview(100_001), specialist, settings)).toContain('PROPOSE_DECISION');
      expect(availableMoves(inReview(100_001), specialist, settings)).not.toContain('DECIDE');
      expect(
        moveProblem('DECIDE', inReview(100_001), manager, settings, { outcome: 'APPROVED' }),
      ).toMatchObject({
        status: 409,
        message: 'an object specialist proposes the decision first',
      });
      expect(
        moveProblem('DECIDE', inReview(100_001, 'APPROVED'), manager, settings, {
          outcome: 'APPROVED',
        }),
      ).toBeNull();
      expect(
        moveProblem('DECIDE', inReview(10_000), manager, settings, { outcome: 'APPROVED' }),
      ).toMatchObject({
        status: 403,
      });
    });

    it('implements only what was approved', () => {
      const decided = (outcome: RequestSnapshot['decidedOutcome']) =>
        request({ state: 'DECIDED', decidedOutcome: outcome });
      expect(moveProblem('IMPLEMENT', decided('APPROVED'), specialist, settings)).toBeNull();
      expect(moveProblem('IMPLEMENT', decided('REJECTED'), specialist, settings)).toMatchObject({
        status: 409,
      });
    });
  });

  it('offers each role only its moves: the buttons the UI shows', () => {
    expect(
      availableMoves(
        request({ state: 'IN_TRIAGE' }),
        actor(['OBJECT_SPECIALIST']),
        settings,
      ).sort(),
    ).toEqual(['ASK_FOR_INFO', 'MARK_COVERED', 'QUEUE', 'START_REVIEW'].sort());
    expect(availableMoves(request({ state: 'IN_TRIAGE' }), actor(['REQUESTER']), settings)).toEqual(
      ['WITHDRAW'],
    );
    expect(availableMoves(request({ state: 'IN_TRIAGE' }), actor(['READ_ONLY']), settings)).toEqual(
      [],
    );
    expect(availableMoves(request({ state: 'DRAFT' }), actor(['PRINCIPAL']), settings)).toEqual([
      'ENDORSE',
      'DECLINE',
      'SUBMIT',
      'WITHDRAW',
    ]);
  });
});

describe('the principal declines', () => {
  const principal = actor(['PRINCIPAL']);

  it('what awaits their endorsement, sending it back to a draft, with a reason', () => {
    for (const state of ['DRAFT', 'SUBMITTED'] as const) {
      expect(
        moveProblem('DECLINE', request({ state }), principal, settings, { text: 'Nej' }),
      ).toBeNull();
      expect(stateAfter('DECLINE', request({ state }))).toBe('DRAFT');
    }
    expect(moveProblem('DECLINE', request(), principal, settings, { text: '  ' })).toEqual({
      status: 400,
      field: 'text',
      message: 'write why the request is declined',
    });
  });

  it('not what they endorsed, nor another unit’s, nor past submission', () => {
    expect(
      moveProblem('DECLINE', request({ endorsed: true }), principal, settings, { text: 'Nej' }),
    ).toMatchObject({ status: 409 });
    expect(
      moveProblem('DECLINE', request(), actor(['PRINCIPAL'], ['unit-2']), settings, {
        text: 'Nej',
      }),
    ).toMatchObject({ status: 403 });
    expect(
      moveProblem('DECLINE', request({ state: 'IN_TRIAGE', endorsed: true }), principal, settings, {
        text: 'Nej',
      }),
    ).toMatchObject({ status: 409 });
    expect(
      moveProblem('DECLINE', request(), actor(['REQUESTER']), settings, { text: 'Nej' }),
    ).toMatchObject({ status: 403 });
  });
});

describe('the object manager corrects or reopens a decision', () => {
  const manager = actor(['OBJECT_MANAGER'], []);
  const decided = (state: 'DECIDED' | 'IMPLEMENTED' = 'DECIDED') =>
    request({ state, endorsed: true, decidedOutcome: 'APPROVED' });

  it('with the reason logged and a complete new decision', () => {
    expect(
      moveProblem('CORRECT_DECISION', decided(), manager, settings, {
        outcome: 'REJECTED',
        reasons: ['NEED'],
        text: 'Täcks redan.',
        correctionReason: 'Fel beslut.',
      }),
    ).toBeNull();
    expect(stateAfter('CORRECT_DECISION', decided())).toBe('DECIDED');
    expect(
      moveInputProblems('CORRECT_DECISION', { outcome: 'REJECTED' }).map((p) => p.field),
    ).toEqual(['correctionReason', 'reasons', 'text']);
    expect(moveInputProblems('REOPEN_DECISION', {})).toEqual([
      { field: 'correctionReason', message: 'write why the decision is changed' },
    ]);
    expect(stateAfter('REOPEN_DECISION', decided())).toBe('IN_REVIEW');
  });

  it('an implemented one only to another approval, and not reopened', () => {
    const reason = { correctionReason: 'Fel.' };
    expect(
      moveProblem('CORRECT_DECISION', decided('IMPLEMENTED'), manager, settings, {
        ...reason,
        outcome: 'APPROVED_WITH_CONDITIONS',
        conditions: 'Villkor',
      }),
    ).toBeNull();
    expect(
      moveProblem('CORRECT_DECISION', decided('IMPLEMENTED'), manager, settings, {
        ...reason,
        outcome: 'REJECTED',
        reasons: ['NEED'],
        text: 'Nej',
      }),
    ).toMatchObject({ status: 409 });
    expect(
      moveProblem('REOPEN_DECISION', decided('IMPLEMENTED'), manager, settings, reason),
    ).toMatchObject({
      status: 409,
    });
  });

  it('is the manager’s alone, and only once decided', () => {
    expect(availableMoves(decided(), manager, settings)).toEqual([
      'CORRECT_DECISION',
      'REOPEN_DECISION',
    ]);
    expect(availableMoves(decided(), actor(['OBJECT_SPECIALIST'], []), settings)).toEqual([
      'IMPLEMENT',
    ]);
    expect(
      moveProblem('REOPEN_DECISION', request({ state: 'IN_REVIEW' }), manager, settings, {
        correctionReason: 'Fel.',
      }),
    ).toMatchObject({ status: 409 });
  });
});

describe('open and unfinished states', () => {
  it('are submitted and not closed; unfinished adds the draft', () => {
    expect(OPEN_REQUEST_STATES).toEqual([
      'SUBMITTED',
      'IN_TRIAGE',
      'QUEUED',
      'NEEDS_INFO',
      'IN_REVIEW',
    ]);
    expect(UNFINISHED_REQUEST_STATES).toEqual(['DRAFT', ...OPEN_REQUEST_STATES]);
  });

  it('split every state: unfinished or closed, never both', () => {
    expect([...UNFINISHED_REQUEST_STATES, ...CLOSED_REQUEST_STATES].sort()).toEqual(
      [...REQUEST_STATES].sort(),
    );
  });

  it('let the school withdraw exactly the unfinished ones', () => {
    expect(REQUEST_ROUTINE.WITHDRAW.from).toEqual(UNFINISHED_REQUEST_STATES);
  });

  it('knows a move from another kind of event', () => {
    expect(isRequestMove('DECIDE')).toBe(true);
    expect(isRequestMove('COMMENT')).toBe(false);
  });
});

describe('moveInputProblems: what a move must carry, every field at once', () => {
  const fields = (move: RequestMove, input: MoveInput) =>
    moveInputProblems(move, input).map((problem) => problem.field);

  it('needs a question or an answer to have text', () => {
    expect(fields('ASK_FOR_INFO', { text: '   ' })).toEqual(['text']);
    expect(fields('ANSWER', {})).toEqual(['text']);
    expect(fields('ANSWER', { text: 'Ja' })).toEqual([]);
  });

  it('needs the covering licence to find a request covered', () => {
    expect(fields('MARK_COVERED', {})).toEqual(['licenceId']);
    expect(fields('MARK_COVERED', { licenceId: 'l' })).toEqual([]);
  });

  it('needs an outcome first, then a rejection’s reasons and text, or the conditions', () => {
    for (const move of ['PROPOSE_DECISION', 'DECIDE'] as const) {
      expect(fields(move, {})).toEqual(['outcome']);
      expect(fields(move, { outcome: 'REJECTED', text: ' ' })).toEqual(['reasons', 'text']);
      expect(fields(move, { outcome: 'REJECTED', reasons: ['NEED'], text: 'Nej' })).toEqual([]);
      expect(fields(move, { outcome: 'APPROVED_WITH_CONDITIONS' })).toEqual(['conditions']);
      expect(fields(move, { outcome: 'APPROVED' })).toEqual([]);
    }
  });

  it('asks nothing of the moves that carry nothing', () => {
    expect(fields('QUEUE', {})).toEqual([]);
    expect(fields('START_REVIEW', {})).toEqual([]);
  });

  it('is the 400 moveProblem answers, naming the first field', () => {
    const inReview = request({ state: 'IN_REVIEW' });
    expect(
      moveProblem('DECIDE', inReview, actor(['OBJECT_SPECIALIST']), settings, {
        outcome: 'REJECTED',
      }),
    ).toEqual({
      status: 400,
      field: 'reasons',
      message: 'a rejection names at least one of the five reasons',
    });
  });
});

describe('newToolReviewProblems: what starting the review of a new tool needs', () => {
  const fields = (input: Parameters<typeof newToolReviewProblems>[0]) =>
    newToolReviewProblems(input).map((problem) => problem.field);

  it('needs nothing else when the tool is a catalogue service', () => {
    expect(fields({ serviceId: 's' })).toEqual([]);
    expect(fields({ serviceId: '' })).toEqual(['serviceId']);
  });

  it('needs a supplier, existing or new by a valid organisation number, and a category', () => {
    expect(fields({})).toEqual(['supplierId', 'category']);
    expect(fields({ supplierId: '', category: 'SKILLS_TRAINING' })).toEqual(['supplierId']);
    expect(fields({ supplierId: 'sup', category: '' })).toEqual(['category']);
    expect(
      fields({ supplierOrganisationNumber: '556036-0794', category: 'SKILLS_TRAINING' }),
    ).toEqual(['supplierOrganisationNumber']);
    expect(
      fields({ supplierOrganisationNumber: '556036-0793', category: 'SKILLS_TRAINING' }),
    ).toEqual([]);
    expect(fields({ supplierId: 'sup', category: 'SKILLS_TRAINING' })).toEqual([]);
  });
});

describe('isApproval', () => {
  it('is an approval with or without conditions, not a rejection or no outcome yet', () => {
    expect(DECISION_OUTCOMES.filter(isApproval)).toEqual(['APPROVED', 'APPROVED_WITH_CONDITIONS']);
    expect(isApproval('')).toBe(false);
    expect(isApproval(null)).toBe(false);
  });
});
