import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import type { CoverageMatrix } from '@licensregistret/domain';

import { CoveragePage } from './coverage.page';

const matrix: CoverageMatrix = {
  services: [
    { id: 's-ne', name: 'NE' },
    { id: 's-widgit', name: 'Widgit Online' },
  ],
  units: [
    {
      id: 'u1',
      name: 'Hagaskolan F-6',
      networkGroup: 'Norr',
      schoolForms: ['GR'],
      coveredServiceIds: ['s-ne', 's-widgit'],
    },
    {
      id: 'u2',
      name: 'Solrosens förskola',
      networkGroup: 'Söder',
      schoolForms: ['FS'],
      coveredServiceIds: ['s-widgit'],
    },
  ],
};

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

describe('CoveragePage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [CoveragePage],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(CoveragePage);
    fixture.detectChanges();
    http.expectOne('/api/coverage').flush(matrix);
    await fixture.whenStable();
    fixture.detectChanges();
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    return { fixture, element: fixture.nativeElement as HTMLElement, settle };
  }

  function rows(table: Element | null, part = 'tbody'): (string | undefined)[][] {
    return [...(table?.querySelectorAll(`${part} tr`) ?? [])].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => text(cell)),
    );
  }

  it('tables units against services, with Ja and Nej in words and headers for both', async () => {
    const { element } = await render();
    const table = element.querySelector('table.coverage');
    expect(text(table?.querySelector('caption'))).toBe('Kommungemensamma tjänster per skolenhet');
    expect(
      [...(table?.querySelectorAll('thead th') ?? [])].map((th) => [
        text(th),
        th.getAttribute('scope'),
      ]),
    ).toEqual([
      ['Skolenhet', 'col'],
      ['Nätverksgrupp', 'col'],
      ['NE', 'col'],
      ['Widgit Online', 'col'],
    ]);
    expect(rows(table)).toEqual([
      ['Hagaskolan F-6', 'Norr', 'Ja', 'Ja'],
      ['Solrosens förskola', 'Söder', 'Nej', 'Ja'],
    ]);
    expect(table?.querySelector('tbody th')?.getAttribute('scope')).toBe('row');
    expect(rows(table, 'tfoot')).toEqual([['Skolenheter med tjänsten', '1 av 2', '2 av 2']]);
  });

  it('filters the units by network group', async () => {
    const { fixture, element } = await render();
    const select = element.querySelector<HTMLSelectElement>('#coverage-network-group');
    expect(element.querySelector('label[for="coverage-network-group"]')).not.toBeNull();
    if (!select) throw new Error('No filter');
    select.value = 'Söder';
    select.dispatchEvent(new Event('change'));
    fixture.detectChanges();

    expect(rows(element.querySelector('table.coverage'))).toEqual([
      ['Solrosens förskola', 'Söder', 'Nej', 'Ja'],
    ]);
    expect(text(element.querySelector('.list-status'))).toBe('Visar 1 skolenhet av 2.');
  });

  it('lists the units a service does not reach when asked', async () => {
    const { fixture, element, settle } = await render();
    const button = [...element.querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) => text(candidate) === 'Skolenheter som saknar NE',
    );
    if (!button) throw new Error('No disclosure for NE');
    expect(button.getAttribute('aria-expanded')).toBe('false');

    button.click();
    fixture.detectChanges();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    http.expectOne('/api/services/s-ne/units-without-licence').flush([
      { id: 'u2', name: 'Solrosens förskola', schoolForms: ['FS'], pupilCount: 60 },
    ]);
    await settle();

    const region = element.querySelector(`#${button.getAttribute('aria-controls')}`);
    expect(text(region?.querySelector('caption'))).toBe('1 skolenhet saknar NE');
    expect(rows(region?.querySelector('table') ?? null)).toEqual([
      ['Solrosens förskola', 'Förskola', '60'],
    ]);

    button.click();
    fixture.detectChanges();
    button.click();
    fixture.detectChanges();
    // Read once: opening it again asks no more.
    http.expectNone('/api/services/s-ne/units-without-licence');
  });
});
