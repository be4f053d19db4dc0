import type { ImportErrorCode, ImportRowError } from '@licensregistret/domain';
import { IMPORT_ERROR_CODES } from '@licensregistret/domain';

import { importErrorText } from './import-messages';

function error(
  code: ImportErrorCode,
  params: ImportRowError['params'] = {},
  field = 'code',
): ImportRowError {
  return { line: 3, field, code, params, message: 'in English' };
}

describe('importErrorText', () => {
  it('names the refused cell and the rule', () => {
    expect(importErrorText(error('CODE_FORMAT', { value: '1234' }))).toBe(
      '”1234” är ingen skolenhetskod. Koden är åtta siffror, eller tom för en förskola.',
    );
    expect(importErrorText(error('PUPILS_INVALID', { value: 'många' }, 'pupils'))).toBe(
      '”många”: antalet elever ska vara ett heltal, 0 eller fler.',
    );
    expect(importErrorText(error('GROUP_UNKNOWN', { value: '' }, 'group'))).toBe(
      'Fältet är tomt: nätverksgruppen ska vara en av Norr, Söder, Öster, Väster, Centrum, Landsbygd.',
    );
  });

  it('points to the other line of a repeated code, and names a code already in use', () => {
    expect(importErrorText(error('CODE_REPEATED', { code: '18020101', otherLine: 2 }))).toBe(
      'Skolenhetskoden 18020101 finns också på rad 2.',
    );
    expect(importErrorText(error('CODE_TAKEN', { code: '18020101' }))).toBe(
      'Det finns redan en skolenhet med skolenhetskoden 18020101.',
    );
  });

  it('lists the columns a header lacks', () => {
    expect(importErrorText(error('HEADER_MISSING_COLUMNS', { columns: 'pupils, group' }))).toBe(
      'Rubrikraden saknar kolumnerna pupils, group.',
    );
  });

  it.each(IMPORT_ERROR_CODES)('has a Swedish message for %s', (code) => {
    const text = importErrorText(
      error(code, { value: 'x', code: '1', otherLine: 2, columns: 'a' }),
    );
    expect(text).not.toBe('in English');
    expect(text).not.toContain('undefined');
  });

  it('falls back to the English message for a code it does not know yet', () => {
    expect(importErrorText(error('SOMETHING_NEW' as ImportErrorCode))).toBe('in English');
  });
});
