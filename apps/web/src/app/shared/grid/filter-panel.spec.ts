import { TestBed } from '@angular/core/testing';

import { FilterPanel, filterCountText } from './filter-panel';

describe('FilterPanel', () => {
  it('says how many filters are set, in Swedish', () => {
    expect(filterCountText(0)).toBe('inga valda');
    expect(filterCountText(1)).toBe('1 valt');
    expect(filterCountText(3)).toBe('3 valda');
  });

  it('folds its filters under a summary that names the count', () => {
    const fixture = TestBed.createComponent(FilterPanel);
    fixture.componentRef.setInput('count', 2);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('details summary')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Filter (2 valda)',
    );
  });
});
