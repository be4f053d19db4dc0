import { ROLES } from '@licensregistret/domain';

import { mayComment, validateComment } from './comment';

describe('mayComment', () => {
  it('lets every role but the read-only and the administrator comment', () => {
    expect(ROLES.filter((role) => mayComment([role]))).toEqual(
      ROLES.filter((role) => role !== 'READ_ONLY' && role !== 'ADMIN'),
    );
    expect(mayComment(['READ_ONLY', 'DATA_PROTECTION'])).toBe(true);
    expect(mayComment(null)).toBe(false);
  });
});

describe('validateComment', () => {
  it('takes 1–4000 characters once trimmed', () => {
    expect(validateComment('  Hej  ')).toEqual({ fields: {}, general: [] });
    expect(validateComment(` ${'a'.repeat(4000)} `)).toEqual({ fields: {}, general: [] });
    expect(validateComment(' \n ').fields).toEqual({ text: ['Skriv en kommentar.'] });
    expect(validateComment('a'.repeat(4001)).fields).toEqual({
      text: ['Kommentaren får vara högst 4 000 tecken.'],
    });
  });
});
