import type { ColDef } from 'ag-grid-community';

import { columnStorageKey, defaultHidden, gridColumns, rememberedHidden } from './grid-columns';

interface Row {
  number: number;
  tool: string;
  state: string;
}

const columns: ColDef<Row>[] = [
  { field: 'number', headerName: 'Nr', sortable: true },
  { colId: 'tool', field: 'tool', headerName: 'Verktyg', sortable: true, sort: 'asc' },
  { colId: 'state', field: 'state', headerName: 'Status' },
];

describe('gridColumns', () => {
  it('pins the identifying first column so it stays in view, and never hides it', () => {
    const [first, ...rest] = gridColumns(columns, ['number', 'tool'], null);
    expect(first).toMatchObject({ colId: 'number', pinned: 'left', lockPinned: true, hide: false });
    expect(rest.map((column) => [column.colId, column.pinned, column.hide])).toEqual([
      ['tool', undefined, true],
      ['state', undefined, false],
    ]);
  });

  it('shows the list’s sort on its column as the starting sort, and no other', () => {
    const result = gridColumns(columns, [], 'number:desc');
    expect(result.map((column) => [column.colId, column.initialSort, column.sort])).toEqual([
      ['number', 'desc', undefined],
      ['tool', undefined, undefined],
      ['state', undefined, undefined],
    ]);
  });
});

describe('defaultHidden', () => {
  it('keeps every column on a wide screen', () => {
    expect(defaultHidden(columns, false, ['state'])).toEqual([]);
  });

  it('starts a narrow screen with the first column and the ones chosen for it', () => {
    expect(defaultHidden(columns, true, ['state'])).toEqual(['tool']);
  });
});

describe('rememberedHidden', () => {
  const storage = (text: string | null) => ({ getItem: () => text });

  it('reads a person’s choice, leaving out columns the grid no longer has', () => {
    expect(rememberedHidden(storage('["tool","gone"]'), 'k', ['number', 'tool'])).toEqual(['tool']);
  });

  it('has no choice when nothing or nonsense is stored', () => {
    expect(rememberedHidden(storage(null), 'k', ['tool'])).toBeNull();
    expect(rememberedHidden(storage('{'), 'k', ['tool'])).toBeNull();
    expect(rememberedHidden(storage('{"a":1}'), 'k', ['tool'])).toBeNull();
    expect(rememberedHidden(null, 'k', ['tool'])).toBeNull();
  });

  it('remembers per grid and per kind of screen', () => {
    expect(columnStorageKey('avtal', true)).not.toBe(columnStorageKey('avtal', false));
    expect(columnStorageKey('avtal', true)).not.toBe(columnStorageKey('konton', true));
  });
});
