import { SERVICE_CHANGE_DESCRIPTION_MAX_LENGTH } from '@licensregistret/domain';

import {
  SERVICE_CHANGE_MESSAGES,
  toReportServiceChangeRequest,
  validateServiceChange,
} from './service-change-form';

describe('validateServiceChange', () => {
  it('needs a kind and a description of at most the domain’s 2000 characters', () => {
    expect(validateServiceChange({ kind: 'MIGRATION', description: 'Ny plattform' })).toEqual({
      fields: {},
      general: [],
    });
    const longest = 'a'.repeat(SERVICE_CHANGE_DESCRIPTION_MAX_LENGTH);
    expect(validateServiceChange({ kind: 'NEW_VERSION', description: ` ${longest} ` })).toEqual({
      fields: {},
      general: [],
    });
    expect(
      validateServiceChange({ kind: 'NEW_VERSION', description: `${longest}a` }).fields,
    ).toEqual({ description: ['Beskrivningen får vara högst 2 000 tecken.'] });
    expect(validateServiceChange({ kind: '', description: '' }).fields).toEqual({
      kind: ['Välj vilken typ av ändring det är.'],
      description: ['Beskriv ändringen.'],
    });
  });
});

describe('the description’s messages', () => {
  it('name the domain’s limit, said by the form and when the API refuses', () => {
    const tooLong = 'a'.repeat(SERVICE_CHANGE_DESCRIPTION_MAX_LENGTH + 1);
    const messages = [
      ...(validateServiceChange({ kind: 'MIGRATION', description: tooLong }).fields[
        'description'
      ] ?? []),
      SERVICE_CHANGE_MESSAGES['description']?.invalid ?? '',
    ];
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message.replace(/\D/g, '')).toBe(String(SERVICE_CHANGE_DESCRIPTION_MAX_LENGTH));
    }
  });
});

describe('toReportServiceChangeRequest', () => {
  it('sends the kind and the trimmed description', () => {
    expect(
      toReportServiceChangeRequest({ kind: 'NEW_SUB_PROCESSOR', description: ' AWS Stockholm ' }),
    ).toEqual({ kind: 'NEW_SUB_PROCESSOR', description: 'AWS Stockholm' });
  });
});
