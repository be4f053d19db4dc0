import { DATA_CATEGORIES, DATA_SUBJECTS, DPIA_CRITERIA } from '@licensregistret/domain';

import { flagsOf } from '../../shared/forms/flags';
import { testDataProtectionReview, testRequestDetail, testService } from '../decision.testing';
import {
  type ReviewFormValue,
  dataProtectionStops,
  kronor,
  reviewFormFor,
  toCreateReviewRequest,
  validateReview,
} from './review-form';

const TODAY = '2026-03-14';

function form(overrides: Partial<ReviewFormValue> = {}): ReviewFormValue {
  return { ...reviewFormFor(testService(), null, TODAY), ...overrides };
}

describe('reviewFormFor', () => {
  it('leaves storage, transfers and sign-in unanswered: they have legal weight; redo in a year', () => {
    const value = reviewFormFor(
      testService({ personalData: 'NONE', dataLocation: 'OUTSIDE_EU_EEA' }),
      null,
      TODAY,
    );
    expect(value.redoBy).toBe('2027-03-14');
    expect(value.outcome).toBe('');
    expect(value.dataProtection.processesPersonalData).toBe(false);
    expect(value.dataProtection.storageLocation).toBe('');
    expect(value.dataProtection.transferMechanism).toBe('');
    expect(value.informationSecurity.signInMethod).toBe('');
  });

  it('fills in what the request already says: personal data, and whose', () => {
    const value = reviewFormFor(
      testService({ personalData: 'NONE' }),
      null,
      TODAY,
      testRequestDetail({ personalData: 'PUPILS_ORDINARY', pupilCount: 30, staffCount: 0 }),
    );
    expect(value.dataProtection.processesPersonalData).toBe(true);
    expect(value.dataProtection.dataSubjects).toEqual({
      PUPILS: true,
      GUARDIANS: false,
      STAFF: false,
    });
    const none = reviewFormFor(
      testService(),
      null,
      TODAY,
      testRequestDetail({ personalData: 'NONE' }),
    );
    expect(none.dataProtection.processesPersonalData).toBe(false);
    expect(none.dataProtection.dataSubjects.PUPILS).toBe(false);
  });

  it('starts a new review from the latest review’s findings', () => {
    const value = reviewFormFor(testService(), testDataProtectionReview(), TODAY);
    expect(value.dataProtection.legalBasis).toBe('PUBLIC_INTEREST');
    expect(value.dataProtection.purpose).toBe('Elevernas läsning och lärarens uppföljning.');
    expect(value.dataProtection.dataCategories.IDENTITY).toBe(true);
    expect(value.dataProtection.dataCategories.HEALTH).toBe(false);
    expect(value.dataProtection.subProcessors).toBe('Amazon Web Services EMEA SARL (Stockholm)');
    // The outcome is the reviewer's to give again.
    expect(value.outcome).toBe('');
  });
});

describe('validateReview', () => {
  it('wants an outcome, the conditions of a conditional approval and a redo date after today', () => {
    expect(
      Object.keys(validateReview('PROCUREMENT', form({ redoBy: TODAY }), TODAY).fields),
    ).toEqual(['outcome', 'redoBy', 'procurementRoute', 'annualCost']);
    expect(
      validateReview('INFORMATION_SECURITY', form({ outcome: 'APPROVED_WITH_CONDITIONS' }), TODAY)
        .fields['conditions'],
    ).toEqual(['Skriv villkoren.']);
  });

  it('wants the purpose, the legal basis, categories, subjects and retention when personal data is processed', () => {
    expect(
      Object.keys(validateReview('DATA_PROTECTION', form({ outcome: 'APPROVED' }), TODAY).fields),
    ).toEqual([
      'purpose',
      'legalBasis',
      'dataCategories',
      'dataSubjects',
      'retention',
      'storageLocation',
    ]);
    const none = form({ outcome: 'APPROVED' });
    none.dataProtection.processesPersonalData = false;
    none.dataProtection.storageLocation = 'SWEDEN';
    expect(validateReview('DATA_PROTECTION', none, TODAY).fields).toEqual({});
  });

  it('wants the transfer mechanism chosen when the data leaves the EU/EEA', () => {
    const value = form({ outcome: 'APPROVED' });
    value.dataProtection.processesPersonalData = false;
    value.dataProtection.storageLocation = 'OUTSIDE_EU_EEA';
    expect(Object.keys(validateReview('DATA_PROTECTION', value, TODAY).fields)).toEqual([
      'transferMechanism',
    ]);
  });

  it('wants all three KLASSA levels and the sign-in method', () => {
    const value = form({ outcome: 'APPROVED' });
    value.informationSecurity = {
      confidentiality: '2',
      integrity: '',
      availability: '4',
      signInMethod: '',
      risks: '',
    };
    expect(Object.keys(validateReview('INFORMATION_SECURITY', value, TODAY).fields)).toEqual([
      'integrity',
      'signInMethod',
    ]);
  });
});

describe('toCreateReviewRequest', () => {
  it('sends the GDPR findings as lists, one sub-processor a line', () => {
    const value = form({ outcome: 'APPROVED', notes: ' Bra. ', conditions: 'kvar' });
    value.dataProtection = {
      ...value.dataProtection,
      purpose: ' Läsning i undervisningen. ',
      legalBasis: 'PUBLIC_INTEREST',
      dataCategories: flagsOf(DATA_CATEGORIES, ['IDENTITY', 'HEALTH']),
      dataSubjects: flagsOf(DATA_SUBJECTS, ['PUPILS']),
      dataProcessingAgreementSigned: true,
      dpiaCriteria: flagsOf(DPIA_CRITERIA, ['SENSITIVE_DATA', 'VULNERABLE_SUBJECTS']),
      dpiaDone: true,
      storageLocation: 'EU_EEA',
      transferMechanism: 'SCC_WITH_TIA',
      subProcessors: 'AWS (Stockholm)\n\n  Sendgrid  \n',
      retention: ' 90 dagar ',
    };
    expect(toCreateReviewRequest('DATA_PROTECTION', value)).toEqual({
      kind: 'DATA_PROTECTION',
      outcome: 'APPROVED',
      conditions: '',
      notes: 'Bra.',
      redoBy: '2027-03-14',
      findings: {
        processesPersonalData: true,
        purpose: 'Läsning i undervisningen.',
        legalBasis: 'PUBLIC_INTEREST',
        dataCategories: ['IDENTITY', 'HEALTH'],
        dataSubjects: ['PUPILS'],
        dataProcessingAgreementSigned: true,
        dpiaCriteria: ['SENSITIVE_DATA', 'VULNERABLE_SUBJECTS'],
        dpiaDone: true,
        storageLocation: 'EU_EEA',
        transferMechanism: 'NONE',
        subProcessors: ['AWS (Stockholm)', 'Sendgrid'],
        retention: '90 dagar',
      },
    });
  });

  it('sends the KLASSA levels as numbers and the cost in kronor', () => {
    const value = form({ outcome: 'APPROVED_WITH_CONDITIONS', conditions: ' Endast SSO. ' });
    value.informationSecurity = {
      confidentiality: '2',
      integrity: '1',
      availability: '0',
      signInMethod: 'MUNICIPAL_SSO',
      risks: 'Inga kända.',
    };
    value.procurement = {
      procurementRoute: 'DIRECT_AWARD',
      annualCost: '48 500,50',
      agreementId: '',
      budgetCovered: true,
    };
    expect(toCreateReviewRequest('INFORMATION_SECURITY', value)).toMatchObject({
      conditions: 'Endast SSO.',
      findings: {
        confidentiality: 2,
        integrity: 1,
        availability: 0,
        signInMethod: 'MUNICIPAL_SSO',
        risks: 'Inga kända.',
      },
    });
    expect(toCreateReviewRequest('PROCUREMENT', value).findings).toEqual({
      procurementRoute: 'DIRECT_AWARD',
      annualCost: 48500.5,
      agreementId: null,
      budgetCovered: true,
    });
  });
});

describe('kronor', () => {
  it('reads Swedish amounts and refuses what is not one', () => {
    expect(kronor('1 245 000')).toBe(1_245_000);
    expect(kronor('99,5')).toBe(99.5);
    expect(kronor('')).toBeNull();
    expect(kronor('-1')).toBeNull();
    expect(kronor('12,345')).toBeNull();
    expect(kronor('tio')).toBeNull();
  });
});

describe('dataProtectionStops', () => {
  it('names GDPR’s three hard stops as the form stands', () => {
    const findings = form().dataProtection;
    expect(
      dataProtectionStops({
        ...findings,
        dataProcessingAgreementSigned: false,
        dpiaCriteria: flagsOf(DPIA_CRITERIA, ['LARGE_SCALE', 'VULNERABLE_SUBJECTS']),
        storageLocation: 'OUTSIDE_EU_EEA',
        transferMechanism: 'NONE',
      }),
    ).toEqual([
      'Personuppgifter behandlas utan undertecknat biträdesavtal',
      'Två eller fler av IMY:s kriterier gäller men ingen konsekvensbedömning är gjord',
      'Uppgifter förs utanför EU/EES utan överföringsmekanism',
    ]);
    expect(dataProtectionStops({ ...findings, processesPersonalData: false })).toEqual([]);
  });
});
