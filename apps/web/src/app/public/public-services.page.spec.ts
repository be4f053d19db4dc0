import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import type { Municipality } from '@licensregistret/domain';

import {
  KUMLA,
  ONE_MUNICIPALITY,
  THREE_MUNICIPALITIES,
} from '../core/municipalities/municipalities.testing';
import { MUNICIPALITY_STORAGE_KEY } from '../core/municipalities/municipality.store';
import { PublicServicesPage } from './public-services.page';
import { testPublicService } from './public.testing';

const plain = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

describe('PublicServicesPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [PublicServicesPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(municipalities: Municipality[] = ONE_MUNICIPALITY, kommun?: string) {
    const fixture = TestBed.createComponent(PublicServicesPage);
    if (kommun) fixture.componentRef.setInput('kommun', kommun);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    http.expectOne('/api/municipalities').flush(municipalities);
    await settle();
    return { fixture, element, settle };
  }

  function rows(element: HTMLElement): string[][] {
    return [...element.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => plain(cell.textContent) ?? ''),
    );
  }

  const services = [
    testPublicService({
      id: 'svc-w',
      name: 'Widgit Online',
      supplierName: 'Widgit',
      category: 'ASSISTIVE_TECHNOLOGY',
      schoolForms: [],
      status: 'APPROVED_WITH_CONDITIONS',
      decidedOn: '2025-03-01',
      publicConditions: 'Bara med elevens skolkonto.',
    }),
    testPublicService(),
    testPublicService({
      id: 'svc-old',
      name: 'Äldre läsverktyg',
      supplierName: 'Läs AB',
      status: 'RETIRED',
      decidedOn: null,
    }),
  ];

  it('lists decided and retired services by name with their Swedish status and decision day', async () => {
    const { element, settle } = await render();
    http.expectOne('/api/public/services').flush(services);
    await settle();

    expect(plain(element.querySelector('h1')?.textContent)).toBe(
      'Digitala tjänster i förskola och skola',
    );
    expect(plain(element.querySelector('caption')?.textContent)).toBe(
      'Beslutade och avvecklade digitala tjänster',
    );
    // The status comes second, so a phone shows it beside the name.
    expect(rows(element)).toEqual([
      ['NE', 'Godkänd', '2025-01-10', 'NE Nationalencyklopedin AB', 'Läromedel', 'Grundskola'],
      [
        'Widgit Online',
        'Godkänd med villkor Villkor: Bara med elevens skolkonto.',
        '2025-03-01',
        'Widgit',
        'Hjälpmedel',
        'Alla skolformer',
      ],
      ['Äldre läsverktyg', 'Avvecklad', 'Inget datum', 'Läs AB', 'Läromedel', 'Grundskola'],
    ]);
    // Each name opens the service's own page.
    expect(element.querySelector('tbody th a')?.getAttribute('href')).toBe('/tjanster/svc-ne');
    expect(plain(element.querySelector('.list-status')?.textContent)).toBe('3 tjänster');
    expect(element.querySelector('main a, p > a')?.getAttribute('href')).toBe('/tillganglighet');
  });

  it('filters by status and by a name or supplier typed', async () => {
    const { element, settle } = await render();
    http.expectOne('/api/public/services').flush(services);
    await settle();

    const status = element.querySelector<HTMLSelectElement>('#public-status');
    if (!status) throw new Error('No status filter');
    expect(
      [...status.querySelectorAll('option')].map((option) => plain(option.textContent)),
    ).toEqual(['Alla', 'Godkänd', 'Godkänd med villkor', 'Avslagen', 'Avvecklad']);
    status.value = 'RETIRED';
    status.dispatchEvent(new Event('change'));
    await settle();
    expect(rows(element).map((row) => row[0])).toEqual(['Äldre läsverktyg']);
    expect(plain(element.querySelector('.list-status')?.textContent)).toBe('1 tjänst av 3');

    status.value = '';
    status.dispatchEvent(new Event('change'));
    const search = element.querySelector<HTMLInputElement>('#public-search');
    if (!search) throw new Error('No search');
    search.value = 'widg';
    search.dispatchEvent(new Event('input'));
    await settle();
    expect(rows(element).map((row) => row[0])).toEqual(['Widgit Online']);

    search.value = 'finns inte';
    search.dispatchEvent(new Event('input'));
    await settle();
    expect(element.querySelector('table')).toBeNull();
    expect(plain(element.querySelector('.list-status')?.textContent)).toBe(
      'Inga tjänster matchar.',
    );
  });

  it('says so when the list cannot be read', async () => {
    const { element, settle } = await render();
    http.expectOne('/api/public/services').flush(null, { status: 503, statusText: 'Unavailable' });
    await settle();
    expect(plain(element.querySelector('.list-status')?.textContent)).toBe(
      'Tjänsterna kunde inte hämtas. Försök igen om en stund.',
    );
  });

  it('asks nothing where the registry serves one municipality', async () => {
    const { element, settle } = await render();
    http.expectOne('/api/public/services').flush(services);
    await settle();
    expect(element.querySelector('#public-municipality')).toBeNull();
    expect(plain(element.querySelector('caption')?.textContent)).toBe(
      'Beslutade och avvecklade digitala tjänster',
    );
  });

  it('asks which municipality where there are several, and shows the one chosen', async () => {
    const { element, settle } = await render(THREE_MUNICIPALITIES);
    http.expectNone((request) => request.url === '/api/public/services');
    const select = element.querySelector<HTMLSelectElement>('#public-municipality');
    if (!select) throw new Error('No municipality choice');
    expect(plain(element.querySelector('label[for="public-municipality"]')?.textContent)).toBe(
      'Kommun',
    );
    expect([...select.options].map((option) => plain(option.textContent))).toEqual([
      'Välj kommun',
      'Kumla kommun',
      'Lindesbergs kommun',
      'Örebro kommun',
    ]);
    expect(plain(element.querySelector('.list-status')?.textContent)).toBe(
      'Välj kommun för att se vilka tjänster den har beslutat om.',
    );
    expect(element.querySelector('#public-search')).toBeNull();

    select.value = 'kumla';
    select.dispatchEvent(new Event('change'));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/?kommun=kumla');
    expect(localStorage.getItem(MUNICIPALITY_STORAGE_KEY)).toBe('kumla');
    http.expectOne('/api/public/services?municipality=kumla').flush(services);
    await settle();
    expect(rows(element).map((row) => row[0])).toEqual(['NE', 'Widgit Online', 'Äldre läsverktyg']);
  });

  it('shows the municipality in the address, with its name, keeping it on the links', async () => {
    const { element, settle } = await render(THREE_MUNICIPALITIES, KUMLA.slug);
    http.expectOne('/api/public/services?municipality=kumla').flush(services);
    await settle();
    expect(element.querySelector<HTMLSelectElement>('#public-municipality')?.value).toBe('kumla');
    expect(plain(element.querySelector('caption')?.textContent)).toBe(
      'Beslutade och avvecklade digitala tjänster i Kumla kommun',
    );
    expect(element.querySelector('tbody th a')?.getAttribute('href')).toBe(
      '/tjanster/svc-ne?kommun=kumla',
    );
  });

  it('shows the municipality this browser chose last when the address names none', async () => {
    localStorage.setItem(MUNICIPALITY_STORAGE_KEY, 'lindesberg');
    const { element, settle } = await render(THREE_MUNICIPALITIES);
    http.expectOne('/api/public/services?municipality=lindesberg').flush(services);
    await settle();
    expect(element.querySelector<HTMLSelectElement>('#public-municipality')?.value).toBe(
      'lindesberg',
    );
  });
});
