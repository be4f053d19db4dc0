import { of } from 'rxjs';

import type { Page } from '@licensregistret/domain';

import { readAll } from './read-all';

describe('readAll', () => {
  it('reads page after page, 200 a request, until it has the total', async () => {
    const rows = Array.from({ length: 450 }, (_, index) => index);
    const asked: [number, number][] = [];
    const all = await readAll<number>((offset, limit) => {
      asked.push([offset, limit]);
      return of<Page<number>>({ rows: rows.slice(offset, offset + limit), total: rows.length });
    });
    expect(asked).toEqual([
      [0, 200],
      [200, 200],
      [400, 200],
    ]);
    expect(all).toHaveLength(450);
    expect(all[449]).toBe(449);
  });

  it('stops at an empty page even if the total promised more', async () => {
    const all = await readAll<number>(() => of({ rows: [], total: 10 }));
    expect(all).toEqual([]);
  });
});
