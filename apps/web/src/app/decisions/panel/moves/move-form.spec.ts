import { DECISION_REASONS } from '@licensregistret/domain';

import { flagsOf } from '../../../shared/forms/flags';
import { testRequestDetail } from '../../decision.testing';
import {
  type MoveFormValue,
  emptyMoveForm,
  moveForm,
  moveFormFor,
  toMoveRequest,
  validateMove,
} from './move-form';

const request = testRequestDetail({ state: 'IN_REVIEW', version: 7 });
const newTool = testRequestDetail({
  serviceId: null,
  service: null,
  newTool: { name: 'Skolplus', supplierName: 'Skolplus AB', webAddress: 'https://skolplus.se' },
});

function form(overrides: Partial<MoveFormValue>): MoveFormValue {
  return { ...emptyMoveForm(), ...overrides };
}

describe('moveForm', () => {
  it('asks for nothing when a move carries nothing, and starts review of a known service at once', () => {
    expect(moveForm('START_TRIAGE', request)).toBeNull();
    expect(moveForm('QUEUE', request)).toBeNull();
    expect(moveForm('START_REVIEW', request)).toBeNull();
    expect(moveForm('START_REVIEW', newTool)).toBe('NEW_TOOL');
    expect(moveForm('ASK_FOR_INFO', request)).toBe('TEXT');
    expect(moveForm('MARK_COVERED', request)).toBe('LICENCE');
    expect(moveForm('DECIDE', request)).toBe('DECISION');
  });
});

describe('validateMove', () => {
  it('wants the question when asking the school for more', () => {
    expect(validateMove('ASK_FOR_INFO', form({ text: '  ' }), request).fields).toEqual({
      text: ['Skriv frågan till skolan.'],
    });
    expect(validateMove('ASK_FOR_INFO', form({ text: 'Hur många?' }), request).fields).toEqual({});
  });

  it('wants the covering licence', () => {
    expect(validateMove('MARK_COVERED', form({}), request).fields).toEqual({
      licenceId: ['Välj den licens som redan täcker skolenheten.'],
    });
  });

  it('wants an outcome, and for a rejection a reason and an explanation to the school', () => {
    expect(Object.keys(validateMove('DECIDE', form({}), request).fields)).toEqual(['outcome']);
    expect(validateMove('DECIDE', form({ outcome: 'REJECTED' }), request).fields).toEqual({
      reasons: ['Ett avslag ska ange minst ett av de fem skälen.'],
      text: ['Ett avslag ska förklaras för skolan.'],
    });
    expect(
      validateMove(
        'DECIDE',
        form({
          outcome: 'REJECTED',
          reasons: flagsOf(DECISION_REASONS, ['NEED']),
          text: 'NE täcker redan behovet.',
        }),
        request,
      ).fields,
    ).toEqual({});
  });

  it('wants the conditions of an approval with conditions', () => {
    expect(
      validateMove('PROPOSE_DECISION', form({ outcome: 'APPROVED_WITH_CONDITIONS' }), request)
        .fields,
    ).toEqual({ conditions: ['Skriv villkoren.'] });
  });

  it('wants a service, or a supplier and a category, when a new tool goes to review', () => {
    expect(
      validateMove('START_REVIEW', form({ serviceChoice: 'EXISTING_SERVICE' }), newTool).fields,
    ).toEqual({ serviceId: ['Välj den tjänst i registret som verktyget är.'] });
    expect(Object.keys(validateMove('START_REVIEW', form({}), newTool).fields)).toEqual([
      'supplierId',
      'category',
    ]);
    expect(
      Object.keys(
        validateMove(
          'START_REVIEW',
          form({
            supplierChoice: 'NEW_SUPPLIER',
            supplierOrganisationNumber: '556677-8890',
            category: 'LEARNING_MATERIAL',
          }),
          newTool,
        ).fields,
      ),
    ).toEqual(['supplierOrganisationNumber']);
  });

  it('says when an organisation number is well formed but its check digit is wrong', () => {
    const number = (supplierOrganisationNumber: string) =>
      validateMove(
        'START_REVIEW',
        form({
          supplierChoice: 'NEW_SUPPLIER',
          supplierOrganisationNumber,
          category: 'LEARNING_MATERIAL',
        }),
        newTool,
      ).fields['supplierOrganisationNumber']?.[0];
    expect(number('556677-8890')).toContain('fel kontrollsiffra');
    expect(number('5566778890')).toContain('NNNNNN-NNNN');
  });
});

describe('toMoveRequest', () => {
  it('sends the version seen and only what the move carries', () => {
    expect(toMoveRequest('START_TRIAGE', form({ text: 'x' }), request)).toEqual({
      move: 'START_TRIAGE',
      version: 7,
    });
    expect(toMoveRequest('ASK_FOR_INFO', form({ text: ' Vilka årskurser? ' }), request)).toEqual({
      move: 'ASK_FOR_INFO',
      version: 7,
      text: 'Vilka årskurser?',
    });
    expect(toMoveRequest('MARK_COVERED', form({ licenceId: 'lic-1' }), request)).toEqual({
      move: 'MARK_COVERED',
      version: 7,
      licenceId: 'lic-1',
    });
    expect(
      toMoveRequest(
        'MARK_COVERED',
        form({ licenceId: 'lic-1', text: 'Logga in via NE.' }),
        request,
      ),
    ).toEqual({ move: 'MARK_COVERED', version: 7, licenceId: 'lic-1', text: 'Logga in via NE.' });
  });

  it('sends the decision with its checked reasons, and conditions only with that outcome', () => {
    expect(
      toMoveRequest(
        'DECIDE',
        form({
          outcome: 'REJECTED',
          reasons: flagsOf(DECISION_REASONS, ['ECONOMY', 'NEED']),
          text: 'Täcks av NE.',
          conditions: 'left over',
        }),
        request,
      ),
    ).toEqual({
      move: 'DECIDE',
      version: 7,
      outcome: 'REJECTED',
      reasons: ['ECONOMY', 'NEED'],
      text: 'Täcks av NE.',
      conditions: '',
    });
  });

  it('sends the catalogue description and the public conditions text the specialist wrote', () => {
    expect(
      toMoveRequest(
        'DECIDE',
        form({
          outcome: 'APPROVED_WITH_CONDITIONS',
          conditions: ' Endast skolkonton; PUB-bilaga 2. ',
          publicConditions: ' Används bara med skolkonto. ',
          description: ' Glosträning med delade ordlistor. ',
        }),
        request,
      ),
    ).toMatchObject({
      outcome: 'APPROVED_WITH_CONDITIONS',
      conditions: 'Endast skolkonton; PUB-bilaga 2.',
      publicConditions: 'Används bara med skolkonto.',
      description: 'Glosträning med delade ordlistor.',
    });
    const rejected = toMoveRequest(
      'DECIDE',
      form({
        outcome: 'REJECTED',
        reasons: flagsOf(DECISION_REASONS, ['NEED']),
        text: 'Finns redan.',
        publicConditions: 'kvar',
        description: 'kvar',
      }),
      request,
    );
    expect(rejected).not.toHaveProperty('publicConditions');
    expect(rejected).not.toHaveProperty('description');
    expect(
      toMoveRequest(
        'START_REVIEW',
        form({ supplierId: 's-1', category: 'SKILLS_TRAINING', description: ' Ordlistor. ' }),
        newTool,
      ),
    ).toEqual({
      move: 'START_REVIEW',
      version: 4,
      supplierId: 's-1',
      category: 'SKILLS_TRAINING',
      description: 'Ordlistor.',
    });
  });

  it('names an existing service, an existing supplier or a new one by organisation number', () => {
    expect(
      toMoveRequest(
        'START_REVIEW',
        form({ serviceChoice: 'EXISTING_SERVICE', serviceId: 'svc-1', category: 'OFFICE_SUPPORT' }),
        newTool,
      ),
    ).toEqual({ move: 'START_REVIEW', version: 4, serviceId: 'svc-1' });
    expect(
      toMoveRequest(
        'START_REVIEW',
        form({ supplierId: 's-1', category: 'SKILLS_TRAINING' }),
        newTool,
      ),
    ).toEqual({ move: 'START_REVIEW', version: 4, supplierId: 's-1', category: 'SKILLS_TRAINING' });
    expect(
      toMoveRequest(
        'START_REVIEW',
        form({
          supplierChoice: 'NEW_SUPPLIER',
          supplierId: 's-1',
          supplierOrganisationNumber: ' 556677-8899 ',
          category: 'SKILLS_TRAINING',
        }),
        newTool,
      ),
    ).toEqual({
      move: 'START_REVIEW',
      version: 4,
      supplierOrganisationNumber: '556677-8899',
      category: 'SKILLS_TRAINING',
    });
  });
});

describe('moveFormFor', () => {
  it('starts a manager’s decision from the specialist’s proposal', () => {
    const proposed = testRequestDetail({
      proposal: {
        outcome: 'APPROVED_WITH_CONDITIONS',
        reasons: [],
        text: 'Godkänns för förberedelseklass.',
        conditions: 'Endast Skolfederation-inloggning.',
        proposedByName: 'Olle Objektspecialist',
        proposedAt: '2026-03-01T10:00:00Z',
      },
    });
    const value = moveFormFor('DECIDE', proposed);
    expect(value.outcome).toBe('APPROVED_WITH_CONDITIONS');
    expect(value.conditions).toBe('Endast Skolfederation-inloggning.');
    expect(moveFormFor('PROPOSE_DECISION', proposed).outcome).toBe('');
  });
});

describe('correcting and reopening a decision', () => {
  const decided = testRequestDetail({
    state: 'DECIDED',
    version: 9,
    decision: {
      outcome: 'REJECTED',
      reasons: ['NEED', 'ECONOMY'],
      text: 'Behovet täcks redan.',
      conditions: '',
      publicConditions: '',
      decidedByName: 'Olle Objektspecialist',
      decidedAt: '2026-03-01T10:00:00Z',
    },
  });

  it('starts a correction from the decision it corrects', () => {
    const value = moveFormFor('CORRECT_DECISION', decided);
    expect(value.outcome).toBe('REJECTED');
    expect(value.reasons).toEqual(flagsOf(DECISION_REASONS, ['NEED', 'ECONOMY']));
    expect(value.text).toBe('Behovet täcks redan.');
    expect(value.correctionReason).toBe('');
    expect(moveForm('CORRECT_DECISION', decided)).toBe('DECISION');
    expect(moveForm('REOPEN_DECISION', decided)).toBe('REOPEN');
    expect(moveForm('DECLINE', decided)).toBe('TEXT');
  });

  it('wants why the decision is changed, and for a correction a whole decision', () => {
    expect(validateMove('REOPEN_DECISION', emptyMoveForm(), decided).fields).toEqual({
      correctionReason: ['Skriv varför beslutet ändras. Skälet sparas i historiken.'],
    });
    expect(
      Object.keys(validateMove('CORRECT_DECISION', form({ outcome: 'REJECTED' }), decided).fields),
    ).toEqual(['correctionReason', 'reasons', 'text']);
  });

  it('sends the reason with the correction, and only the reason when reopening', () => {
    expect(
      toMoveRequest(
        'CORRECT_DECISION',
        form({ outcome: 'APPROVED', text: ' Godkänd. ', correctionReason: ' Fel skäl. ' }),
        decided,
      ),
    ).toEqual({
      move: 'CORRECT_DECISION',
      version: 9,
      outcome: 'APPROVED',
      reasons: [],
      text: 'Godkänd.',
      conditions: '',
      correctionReason: 'Fel skäl.',
    });
    expect(
      toMoveRequest(
        'REOPEN_DECISION',
        form({ text: 'ignored', correctionReason: ' Ny fakta. ' }),
        decided,
      ),
    ).toEqual({ move: 'REOPEN_DECISION', version: 9, correctionReason: 'Ny fakta.' });
    expect(toMoveRequest('DECIDE', form({ outcome: 'APPROVED' }), request)).not.toHaveProperty(
      'correctionReason',
    );
  });
});
