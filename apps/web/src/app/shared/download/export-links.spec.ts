import { TestBed } from '@angular/core/testing';

import { ExportLinks, exportHref } from './export-links';

describe('exportHref', () => {
  it('adds the format to the list’s query, leaving out what is empty', () => {
    expect(
      exportHref(
        '/api/agreements/export',
        { status: 'ACTION_NEEDED,EXPIRING', supplierId: '', sort: 'endsOn:asc', minCost: 0 },
        'xlsx',
      ),
    ).toBe(
      '/api/agreements/export?status=ACTION_NEEDED,EXPIRING&sort=endsOn:asc&minCost=0&format=xlsx',
    );
    expect(exportHref('/api/record-of-processing/export', {}, 'csv')).toBe(
      '/api/record-of-processing/export?format=csv',
    );
  });
});

describe('ExportLinks', () => {
  it('offers two download links described by the hint, following the query', () => {
    const fixture = TestBed.createComponent(ExportLinks);
    fixture.componentRef.setInput('path', '/api/requests/export');
    fixture.componentRef.setInput('query', { state: 'SUBMITTED' });
    fixture.componentRef.setInput('hint', 'Alla begäranden som matchar filtret.');
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;

    const links = [...element.querySelectorAll('a')];
    expect(links.map((link) => link.textContent?.trim())).toEqual([
      'Exportera till Excel',
      'Exportera till CSV',
    ]);
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/api/requests/export?state=SUBMITTED&format=xlsx',
      '/api/requests/export?state=SUBMITTED&format=csv',
    ]);
    for (const link of links) {
      expect(link.hasAttribute('download')).toBe(true);
      const hint = element.querySelector(`#${link.getAttribute('aria-describedby')}`);
      expect(hint?.textContent).toBe('Alla begäranden som matchar filtret.');
    }

    fixture.componentRef.setInput('query', { state: 'DECIDED', sort: 'number:asc' });
    fixture.detectChanges();
    expect(links[1]?.getAttribute('href')).toBe(
      '/api/requests/export?state=DECIDED&sort=number:asc&format=csv',
    );
  });
});
