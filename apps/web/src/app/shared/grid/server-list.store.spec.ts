import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, Router, convertToParamMap } from '@angular/router';

import { SchoolUnitListStore } from '../../admin/school-units/school-unit-list.store';
import { filterFromParam, filterToParam, sortFromParam } from './server-list.store';

describe('a list’s filters and sort in its address', () => {
  it('writes a filter only when it differs from the list’s default', () => {
    expect(filterToParam('', '')).toBeNull();
    expect(filterToParam('Norr', '')).toBe('Norr');
    expect(filterToParam(['ACTIVE', 'ENDING'], [])).toBe('ACTIVE,ENDING');
    expect(filterToParam([], ['SUBMITTED'])).toBe('');
    expect(filterToParam(['SUBMITTED'], ['SUBMITTED'])).toBeNull();
  });

  it('reads a parameter back as the same kind of value as the default', () => {
    expect(filterFromParam('Norr', '')).toBe('Norr');
    expect(filterFromParam('ACTIVE,ENDING', [])).toEqual(['ACTIVE', 'ENDING']);
    expect(filterFromParam('', ['SUBMITTED'])).toEqual([]);
    expect(filterFromParam('true', false)).toBe(true);
    expect(filterFromParam('3', 0)).toBe(3);
    expect(filterFromParam('x', 0)).toBe(0);
  });

  it('takes a sort only on a column the list sorts by', () => {
    expect(sortFromParam('name:desc', ['name'])).toBe('name:desc');
    expect(sortFromParam('principalName:asc', ['name'])).toBeNull();
    expect(sortFromParam('name:sideways', ['name'])).toBeNull();
    expect(sortFromParam(null, ['name'])).toBeNull();
  });

  describe('in a list page', () => {
    const navigate = jest.fn().mockResolvedValue(true);

    function storeAt(query: Record<string, string>): SchoolUnitListStore {
      navigate.mockClear();
      TestBed.configureTestingModule({
        providers: [
          provideHttpClient(),
          provideHttpClientTesting(),
          SchoolUnitListStore,
          {
            provide: ActivatedRoute,
            useValue: { snapshot: { queryParamMap: convertToParamMap(query) } },
          },
          { provide: Router, useValue: { navigate } },
        ],
      });
      return TestBed.inject(SchoolUnitListStore);
    }

    it('starts from the filters and the sort of a shared link, and counts the filters set', () => {
      const store = storeAt({ sok: 'haga', skolform: 'GR', sortering: 'pupilCount:desc' });
      expect(store.filters()).toEqual({ q: 'haga', networkGroup: '', schoolForm: 'GR' });
      expect(store.sort()).toBe('pupilCount:desc');
      expect(store.activeFilterCount()).toBe(2);
      TestBed.tick();
      // The address already says it all: nothing to write.
      expect(navigate).not.toHaveBeenCalled();
    });

    it('keeps a changed filter in the address, replacing the history entry', () => {
      const store = storeAt({ sok: 'haga' });
      store.setFilter('networkGroup', 'Norr');
      store.setFilter('q', '');
      TestBed.tick();
      expect(navigate).toHaveBeenCalledTimes(1);
      const [, extras] = navigate.mock.calls[0];
      expect(extras).toMatchObject({
        queryParams: { sok: null, natverksgrupp: 'Norr', skolform: null, sortering: null },
        queryParamsHandling: 'merge',
        replaceUrl: true,
      });
    });
  });
});
