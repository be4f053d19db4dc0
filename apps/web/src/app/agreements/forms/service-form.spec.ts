import type { DigitalService } from '@licensregistret/domain';

import {
  serviceFieldText,
  toServiceFormValue,
  toServiceRequest,
  validateService,
} from './service-form';

const service = {
  id: 'sv1',
  name: 'Begreppa',
  supplierId: 's1',
  supplierName: 'Begreppa AB',
  category: 'LEARNING_MATERIAL',
  description: 'Begreppsträning',
  schoolForms: ['GR', 'GRS'],
  languages: ['svenska', 'arabiska'],
  webAddress: null,
  signInMethod: 'FEDERATION',
  personalData: 'PUPILS_ORDINARY',
  dataLocation: 'EU_EEA',
  catalogueStatus: 'APPROVED',
  conditions: '',
  publicConditions: '',
  version: 2,
} as DigitalService;

describe('the service form', () => {
  it('starts a new service under review and names every missing choice', () => {
    const value = toServiceFormValue(null);
    expect(value.catalogueStatus).toBe('UNDER_REVIEW');
    expect(Object.keys(validateService(value).fields).sort()).toEqual([
      'category',
      'dataLocation',
      'name',
      'personalData',
      'signInMethod',
      'supplierId',
    ]);
  });

  it('refuses a web address without https:// and a language longer than 50 characters', () => {
    const value = {
      ...toServiceFormValue(service),
      webAddress: 'begreppa.se',
      languages: `svenska, ${'x'.repeat(51)}`,
    };
    expect(Object.keys(validateService(value).fields)).toEqual(['languages', 'webAddress']);
  });

  it('sends languages as a list and an empty web address as null', () => {
    const request = toServiceRequest({
      ...toServiceFormValue(service),
      languages: ' svenska ,, engelska ',
    });
    expect(request).toMatchObject({
      languages: ['svenska', 'engelska'],
      webAddress: null,
      schoolForms: ['GR', 'GRS'],
      catalogueStatus: 'APPROVED',
    });
  });

  it('words fields by their Swedish labels for the stale-version table', () => {
    expect(serviceFieldText('supplierId', service)).toBe('Begreppa AB');
    expect(serviceFieldText('signInMethod', service)).toBe('Federation (Skolfederation)');
    expect(serviceFieldText('schoolForms', service)).toBe('Grundskola, Anpassad grundskola');
    expect(serviceFieldText('languages', service)).toBe('svenska, arabiska');
  });
});
