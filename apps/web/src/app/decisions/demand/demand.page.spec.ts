import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { testDemandGroup } from '../decision.testing';
import { DemandPage } from './demand.page';

describe('DemandPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [DemandPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(DemandPage);
    fixture.detectChanges();
    const request = http.expectOne('/api/requests/demand');
    return { fixture, request, element: fixture.nativeElement as HTMLElement };
  }

  it('lists the tools with their requests, units and pupils, linking to the queue filtered to each', async () => {
    const { fixture, request, element } = await render();
    request.flush([
      testDemandGroup({ pupilCount: 1210 }),
      testDemandGroup({
        serviceId: null,
        toolName: 'Skolplus',
        requestCount: 2,
        unitCount: 2,
        pupilCount: 300,
        requestIds: ['r-7', 'r-8'],
      }),
    ]);
    await fixture.whenStable();
    fixture.detectChanges();

    expect(element.querySelector('caption')?.textContent?.trim()).toBe(
      'Öppna begäranden per verktyg, mest efterfrågat först',
    );
    const rows = [...element.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].slice(0, 5).map((cell) =>
        cell.textContent
          ?.replace(/\s+/g, ' ')
          .replace(/\u00a0/g, ' ')
          .trim(),
      ),
    );
    expect(rows).toEqual([
      ['Polylino', '3 begäranden', '3', '1 210', '2026-01-20'],
      ['Skolplus Nytt verktyg, inte i registret', '2 begäranden', '2', '300', '2026-01-20'],
    ]);

    const links = [...element.querySelectorAll<HTMLAnchorElement>('tbody a')];
    expect(links.map((a) => a.textContent?.trim())).toEqual([
      'Visa 3 begäranden för Polylino i kön',
      'Öppna begäran 1 av 2 om Skolplus',
      'Öppna begäran 2 av 2 om Skolplus',
    ]);
    expect(links[0]?.getAttribute('href')).toBe(
      '/beslut?tjanst=svc-polylino&status=SUBMITTED,IN_TRIAGE,QUEUED,NEEDS_INFO,IN_REVIEW',
    );
    expect(links[2]?.getAttribute('href')).toBe('/beslut?begaran=r-8');
  });

  it('says when nothing is asked for, and offers to try again after a failure', async () => {
    const { fixture, request, element } = await render();
    request.flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Efterfrågan kunde inte hämtas',
    );

    element.querySelector<HTMLButtonElement>('button')?.click();
    http.expectOne('/api/requests/demand').flush([]);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'Det finns inga öppna begäranden.',
    );
  });
});
