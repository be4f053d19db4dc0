import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { sessionUser, startAs } from '../core/auth/auth.testing';
import { CataloguePage } from './catalogue.page';
import { testEntry } from './catalogue.testing';

const mellringe = { id: 'u-mell', name: 'Mellringeskolan 7-9' };
const plain = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

describe('CataloguePage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [CataloguePage],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(CataloguePage);
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  async function settle(fixture: { whenStable(): Promise<unknown>; detectChanges(): void }) {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function card(element: HTMLElement, name: string): HTMLElement | undefined {
    return [...element.querySelectorAll<HTMLElement>('article')].find(
      (article) => article.querySelector('h2')?.textContent?.trim() === name,
    );
  }

  it('tells a requester which services their unit has, and until when', async () => {
    await startAs(sessionUser(['REQUESTER'], { schoolUnits: [mellringe] }));
    const { fixture, element } = await render();
    http
      .expectOne((r) => r.url === '/api/catalogue')
      .flush({
        rows: [
          testEntry({
            licensedUnits: [
              {
                unitId: 'u-mell',
                unitName: 'Mellringeskolan 7-9',
                agreementId: 'a1',
                endsOn: '2026-09-30',
              },
            ],
          }),
          testEntry({
            id: 'svc-rakna',
            name: 'Räknestugan',
            category: 'SKILLS_TRAINING',
            signInMethod: 'OWN_ACCOUNTS',
            catalogueStatus: 'APPROVED_WITH_CONDITIONS',
            conditions: 'Lärarkonton med tvåfaktorsinloggning.',
          }),
        ],
        total: 2,
      });
    await settle(fixture);

    const polylino = card(element, 'Polylino');
    expect(plain(polylino?.querySelector('.licence-heading')?.textContent)).toBe(
      'Din enhet har den här tjänsten',
    );
    expect(plain(polylino?.querySelector('.licence li')?.textContent)).toBe(
      'Mellringeskolan 7-9, till och med 2026-09-30',
    );
    expect(plain(polylino?.textContent)).toContain('Natur & Kultur (Polylino)');
    expect(plain(polylino?.textContent)).toContain('Läromedel');
    expect(plain(polylino?.textContent)).toContain('Förskola, Grundskola');
    expect(plain(polylino?.textContent)).toContain('Federation (Skolfederation)');

    const rakna = card(element, 'Räknestugan');
    expect(plain(rakna?.querySelector('.licence')?.textContent)).toBe(
      'Inte licensierad för din enhet',
    );
    expect(plain(rakna?.textContent)).toContain('Godkänd med villkor');
    expect(plain(rakna?.querySelector('.conditions dt')?.textContent)).toBe('Villkor');
    expect(plain(rakna?.querySelector('.conditions dd')?.textContent)).toBe(
      'Lärarkonton med tvåfaktorsinloggning.',
    );
    expect(polylino?.querySelector('.conditions')).toBeNull();
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe('2 tjänster');
    expect(element.querySelector('#catalogue-unit')).toBeNull();
  });

  it('labels the search and category fields', async () => {
    await startAs(sessionUser(['REQUESTER'], { schoolUnits: [mellringe] }));
    const { fixture, element } = await render();
    http.expectOne((r) => r.url === '/api/catalogue').flush({ rows: [], total: 0 });
    await settle(fixture);

    for (const id of ['catalogue-search', 'catalogue-category']) {
      expect(element.querySelector(`label[for="${id}"]`)?.textContent?.trim()).toBeTruthy();
    }
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'Inga tjänster matchar sökningen.',
    );
  });

  it('offers someone without units a unit to see the catalogue as', async () => {
    await startAs(sessionUser(['OBJECT_SPECIALIST']));
    const { fixture, element } = await render();
    http.expectOne((r) => r.url === '/api/catalogue').flush({ rows: [testEntry()], total: 1 });
    http
      .expectOne((r) => r.url === '/api/school-units')
      .flush({ rows: [{ id: 'u-haga', name: 'Hagaskolan F-6' }], total: 1 });
    await settle(fixture);

    expect(element.querySelector('label[for="catalogue-unit"]')?.textContent?.trim()).toBe(
      'Visa licenser för skolenhet',
    );
    expect(element.querySelector('.licence')).toBeNull();
    expect(element.textContent).toContain('Välj en skolenhet');

    const select = element.querySelector<HTMLSelectElement>('#catalogue-unit');
    if (!select) throw new Error('No unit select');
    select.value = 'u-haga';
    select.dispatchEvent(new Event('change'));
    const request = http.expectOne((r) => r.url === '/api/catalogue');
    expect(request.request.params.get('unitId')).toBe('u-haga');
    request.flush({ rows: [testEntry()], total: 1 });
    await settle(fixture);

    expect(plain(element.querySelector('.licence')?.textContent)).toBe(
      'Inte licensierad för vald enhet',
    );
  });
});
