import type { Agreement } from '@licensregistret/domain';

import {
  agreementTermText,
  formatCost,
  parseSek,
  toAgreementChange,
  toAgreementFormValue,
  toAgreementRequest,
  validateAgreement,
} from './agreement-form';

const agreement = {
  id: 'a1',
  supplierId: 's1',
  supplierName: 'Begreppa AB',
  agreementNumber: 'BG-1',
  caseNumber: 'Bou 2025/1',
  procurementRoute: 'DIRECT_AWARD',
  frameworkName: null,
  callOffReference: null,
  signedOn: '2025-06-01',
  startsOn: '2025-07-01',
  endsOn: '2027-06-30',
  extensionOptions: 2,
  extensionMonths: 12,
  extensionOptionsUsed: 0,
  nextExtensionDecisionBy: '2027-03-31',
  noticePeriodMonths: 6,
  internalLeadDays: 60,
  renewsAutomatically: false,
  annualCost: 120000.5,
  costModel: 'PER_PUPIL',
  ownerId: null,
  ownerName: null,
  scopeSchoolForms: ['GR'],
  dataProcessingAgreement: { signed: true, signedOn: null, subProcessors: ['Moln AB'] },
  documents: [{ title: 'Avtal', url: 'https://example.se/avtal.pdf' }],
  followsId: null,
  terminatedOn: null,
  version: 3,
} as unknown as Agreement;

describe('the agreement form', () => {
  it('reads a cost as typed in Swedish, and writes it back the same way', () => {
    expect(parseSek('120 000,50')).toBe(120000.5);
    expect(parseSek('120\u00a0000')).toBe(120000);
    expect(parseSek('48500.5 kr')).toBe(48500.5);
    expect(parseSek('12,555')).toBeNull();
    expect(parseSek('tolv')).toBeNull();
    expect(parseSek('')).toBeNull();
    expect(formatCost(120000.5)).toBe('120 000,50');
    expect(formatCost(1245000)).toBe('1 245 000');
  });

  it('names every missing term of a new agreement, and asks no reason for it', () => {
    const errors = validateAgreement(toAgreementFormValue(null), false);
    expect(Object.keys(errors.fields).sort()).toEqual([
      'agreementNumber',
      'annualCost',
      'caseNumber',
      'costModel',
      'endsOn',
      'procurementRoute',
      'startsOn',
      'supplierId',
    ]);
  });

  it('asks why an agreement is changed', () => {
    const value = toAgreementFormValue(agreement);
    expect(validateAgreement(value, true).fields).toEqual({
      reason: ['Skriv varför uppgifterna ändras (högst 1000 tecken).'],
    });
    expect(validateAgreement({ ...value, reason: 'Rättelse' }, true).fields).toEqual({});
  });

  it('checks the rules across fields as the API does', () => {
    const value = { ...toAgreementFormValue(agreement), reason: 'x' };
    const fields = (change: object) =>
      Object.keys(validateAgreement({ ...value, ...change }, true).fields);
    expect(fields({ endsOn: '2025-06-30' })).toEqual(['endsOn', 'noticePeriodMonths']);
    expect(fields({ endsOn: '2025-12-31', noticePeriodMonths: 7 })).toEqual(['noticePeriodMonths']);
    expect(fields({ extensionOptionsUsed: 3 })).toEqual(['extensionOptionsUsed']);
    expect(fields({ startsOn: '2025-02-30' })).toEqual(['startsOn']);
    expect(fields({ dpaSignedOn: '1 juni' })).toEqual(['dataProcessingAgreement']);
    expect(fields({ extensionOptions: 1.5 })).toEqual(['extensionOptions']);
  });

  it('sends a new agreement’s terms, empty optional text as null', () => {
    const request = toAgreementRequest({
      ...toAgreementFormValue(agreement),
      frameworkName: '  ',
      subProcessors: ' Moln AB \n\n Lagring AB',
      dpaSignedOn: '2025-06-02',
    });
    expect(request).toMatchObject({
      frameworkName: null,
      annualCost: 120000.5,
      scopeSchoolForms: ['GR'],
      dataProcessingAgreement: {
        signed: true,
        signedOn: '2025-06-02',
        subProcessors: ['Moln AB', 'Lagring AB'],
      },
      documents: [],
    });
  });

  it('changes the form’s terms with the reason, leaving documents alone', () => {
    const change = toAgreementChange({
      ...toAgreementFormValue(agreement),
      reason: ' Fel diarienummer ',
    });
    expect(change).not.toHaveProperty('documents');
    expect(change).toMatchObject({ reason: 'Fel diarienummer', caseNumber: 'Bou 2025/1' });
  });

  it('words terms for the stale-version table by their Swedish meaning', () => {
    expect(agreementTermText('supplierId', agreement)).toBe('Begreppa AB');
    expect(agreementTermText('procurementRoute', agreement)).toBe('Direktupphandling');
    expect(agreementTermText('annualCost', agreement)).toBe('120 000,50 kr');
    expect(agreementTermText('scopeSchoolForms', agreement)).toBe('Grundskola');
    expect(agreementTermText('dataProcessingAgreement', agreement)).toBe(
      'Undertecknat; underbiträden: Moln AB',
    );
    expect(agreementTermText('renewsAutomatically', agreement)).toBe('Nej');
  });
});
