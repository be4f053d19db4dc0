import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { Municipality, PublicService } from '@licensregistret/domain';

import {
  ONE_MUNICIPALITY,
  THREE_MUNICIPALITIES,
} from '../core/municipalities/municipalities.testing';
import { PublicServicePage } from './public-service.page';
import { testPublicService } from './public.testing';

const plain = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

describe('PublicServicePage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [PublicServicePage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function show(
    id: string,
    services: PublicService[],
    {
      municipalities = ONE_MUNICIPALITY,
      kommun,
    }: { municipalities?: Municipality[]; kommun?: string } = {},
  ): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(PublicServicePage);
    fixture.componentRef.setInput('id', id);
    if (kommun) fixture.componentRef.setInput('kommun', kommun);
    fixture.detectChanges();
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    http.expectOne('/api/municipalities').flush(municipalities);
    await settle();
    http
      .expectOne(kommun ? `/api/public/services?municipality=${kommun}` : '/api/public/services')
      .flush(services);
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows a rejection with its date and the grounds it was rejected on', async () => {
    const element = await show('svc-x', [
      testPublicService({
        id: 'svc-x',
        name: 'Quizfabriken',
        status: 'REJECTED',
        decidedOn: '2026-03-02',
        rejectionReasons: ['ECONOMY', 'NEED'],
      }),
    ]);
    expect(plain(element.querySelector('h1')?.textContent)).toBe('Quizfabriken');
    expect(plain(element.querySelector('.decision')?.textContent)).toBe('Avslagen');
    expect(plain(element.querySelector('.facts')?.textContent)).toContain('Beslutsdatum2026-03-02');
    expect(
      [...element.querySelectorAll('.reasons li strong')].map((item) => plain(item.textContent)),
    ).toEqual(['Ekonomi.', 'Behov.']);
  });

  it('shows the public conditions of an approval with conditions', async () => {
    const element = await show('svc-w', [
      testPublicService({
        id: 'svc-w',
        status: 'APPROVED_WITH_CONDITIONS',
        publicConditions: 'Bara med elevens skolkonto.',
      }),
    ]);
    expect(plain(element.querySelector('h2')?.textContent)).toBe(
      'Villkor för att använda tjänsten',
    );
    expect(plain(element.querySelector('.conditions')?.textContent)).toBe(
      'Bara med elevens skolkonto.',
    );
    expect(element.querySelector('.reasons')).toBeNull();
  });

  it('says so when no decided service has the address', async () => {
    const element = await show('svc-unknown', [testPublicService()]);
    expect(plain(element.querySelector('h1')?.textContent)).toBe('Tjänsten finns inte i listan');
  });

  it('shows the decision of the municipality in the address, named, and links back to its list', async () => {
    const element = await show('svc-ne', [testPublicService()], {
      municipalities: THREE_MUNICIPALITIES,
      kommun: 'kumla',
    });
    expect(plain(element.querySelector('h1')?.textContent)).toBe('NE');
    expect(plain(element.querySelector('.municipality-name')?.textContent)).toBe('Kumla kommun');
    expect(element.querySelector('a')?.getAttribute('href')).toBe('/tjanster?kommun=kumla');
  });
});
