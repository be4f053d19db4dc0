import { toReportServiceChangeRequest, validateServiceChange } from './service-change-form';

describe('validateServiceChange', () => {
  it('needs a kind and a description of at most 2000 characters', () => {
    expect(validateServiceChange({ kind: 'MIGRATION', description: 'Ny plattform' })).toEqual({
      fields: {},
      general: [],
    });
    expect(
      validateServiceChange({ kind: 'NEW_VERSION', description: 'a'.repeat(2001) }).fields,
    ).toEqual({ description: ['Beskrivningen får vara högst 2 000 tecken.'] });
    expect(validateServiceChange({ kind: '', description: '' }).fields).toEqual({
      kind: ['Välj vilken typ av ändring det är.'],
      description: ['Beskriv ändringen.'],
    });
  });
});

describe('toReportServiceChangeRequest', () => {
  it('sends the kind and the trimmed description', () => {
    expect(
      toReportServiceChangeRequest({ kind: 'NEW_SUB_PROCESSOR', description: ' AWS Stockholm ' }),
    ).toEqual({ kind: 'NEW_SUB_PROCESSOR', description: 'AWS Stockholm' });
  });
});
