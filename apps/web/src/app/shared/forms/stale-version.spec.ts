import { HttpErrorResponse } from '@angular/common/http';

import { PROBLEM_TYPES } from '@licensregistret/domain';

import { changesSince, displayValue, redoOnCurrent, staleCurrent } from './stale-version';

function problem(status: number, body: object): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: { status, title: 'x', ...body } });
}

describe('stale versions', () => {
  it('reads the current record from a stale-version problem, and nothing from other errors', () => {
    const current = { id: 'a', version: 4 };
    expect(staleCurrent(problem(409, { type: PROBLEM_TYPES.STALE_VERSION, current }))).toEqual(
      current,
    );
    expect(staleCurrent(problem(409, { type: PROBLEM_TYPES.DUPLICATE, current }))).toBeNull();
    expect(staleCurrent(problem(409, { type: PROBLEM_TYPES.STALE_VERSION }))).toBeNull();
    expect(staleCurrent(new Error('network'))).toBeNull();
  });

  it('lists what someone else changed, field by field in the labels’ order, in words', () => {
    const read = { name: 'A', cost: 100, auto: false, forms: ['GR'], version: 1 };
    const current = { name: 'A', cost: 90, auto: true, forms: [], version: 2 };
    expect(
      changesSince(read, current, {
        forms: 'Skolformer',
        name: 'Namn',
        cost: 'Årskostnad',
        auto: 'Förnyas automatiskt',
      }),
    ).toEqual([
      { field: 'forms', label: 'Skolformer', before: 'GR', now: 'Inga' },
      { field: 'cost', label: 'Årskostnad', before: '100', now: '90' },
      { field: 'auto', label: 'Förnyas automatiskt', before: 'Nej', now: 'Ja' },
    ]);
  });

  it('words a value by the page’s own wording when given', () => {
    const changes = changesSince(
      { supplierId: 's1' },
      { supplierId: 's2' },
      {
        supplierId: 'Leverantör',
      },
      (_field, record) => (record.supplierId === 's1' ? 'Natur & Kultur' : 'Liber'),
    );
    expect(changes).toEqual([
      { field: 'supplierId', label: 'Leverantör', before: 'Natur & Kultur', now: 'Liber' },
    ]);
  });

  it('says an empty value in words', () => {
    expect(displayValue(null)).toBe('Inget angivet');
    expect(displayValue('')).toBe('Inget angivet');
    expect(displayValue(['a', 'b'])).toBe('a, b');
  });

  it('redoes an edit on the current version: my changed fields on top of theirs', () => {
    const read = { name: 'A', cost: '100', note: 'x', ends: '2027-06-30' };
    const current = { name: 'B', cost: '100', note: 'y', ends: '2027-06-30' };
    const mine = { name: 'A', cost: '120', note: 'z', ends: '2027-06-30' };
    expect(redoOnCurrent(read, current, mine)).toEqual({
      // theirs: I left it as read
      name: 'B',
      // mine: they left it
      cost: '120',
      // both changed it: mine, and the table shows theirs
      note: 'z',
      ends: '2027-06-30',
    });
  });
});
