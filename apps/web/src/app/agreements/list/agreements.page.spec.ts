import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { Agreement, Page } from '@licensregistret/domain';

import { testAgreement } from '../agreement.testing';
import { AgreementsPage } from './agreements.page';

describe('AgreementsPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [AgreementsPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function waitFor<T>(find: () => T | null | undefined): Promise<T> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const found = find();
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('Timed out');
  }

  const listRequest = () => http.match((r) => r.url === '/api/agreements')[0];

  async function render() {
    const fixture = TestBed.createComponent(AgreementsPage);
    fixture.detectChanges();
    http
      .expectOne((r) => r.url === '/api/suppliers')
      .flush({
        rows: [{ id: 's-nok', name: 'Natur & Kultur (Polylino)' }],
        total: 1,
      });
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('pages the agreements into the grid, with the status as a badge and a link per row', async () => {
    const { fixture, element } = await render();
    const request = await waitFor(listRequest);
    expect(request.request.params.get('sort')).toBe('endsOn:asc');
    request.flush({
      rows: [
        testAgreement({
          id: 'a-pl',
          agreementNumber: 'PL-2025-088',
          status: 'ACTION_NEEDED',
          annualCost: 342_500,
        }),
      ],
      total: 1,
    } satisfies Page<Agreement>);
    fixture.detectChanges();

    const link = await waitFor(() => element.querySelector<HTMLAnchorElement>('.ag-cell a'));
    expect(link.textContent?.trim()).toBe('PL-2025-088');
    expect(link.getAttribute('href')).toBe('/avtal/a-pl');
    const badge = await waitFor(() => element.querySelector('.ag-cell lr-status-badge'));
    expect(badge.textContent?.trim()).toBe('Åtgärd krävs');
    const cost = element.querySelector('.ag-cell[col-id="annualCost"]');
    expect(cost?.textContent?.replace(/\u00a0/g, ' ').trim()).toBe('342 500 kr');
    expect(element.querySelector('.list-status')?.textContent?.trim()).toBe('1 avtal');
    const headers = [...element.querySelectorAll('.ag-header-cell-text')].map((h) => h.textContent);
    expect(headers).toEqual([
      'Avtal',
      'Tjänst(er)',
      'Leverantör',
      'Status',
      'Slutdatum',
      'Sista dag att säga upp',
      'Nästa beslut',
      'Dagar kvar',
      'Förlängningar kvar',
      'Årskostnad',
    ]);
  });

  it('labels every filter, and a status box asks the server again for that status', async () => {
    const { fixture, element } = await render();
    (await waitFor(listRequest)).flush({ rows: [], total: 0 });
    await fixture.whenStable();

    for (const control of element.querySelectorAll('form input, form select')) {
      const id = control.getAttribute('id');
      const label = element.querySelector(`label[for="${id}"]`) ?? control.closest('label');
      expect(label?.textContent?.trim()).toBeTruthy();
    }
    expect(element.querySelector('legend')?.textContent?.trim()).toBe('Status');
    expect(
      [...element.querySelectorAll('#agreement-supplier option')].map((o) => o.textContent?.trim()),
    ).toEqual(['Alla', 'Natur & Kultur (Polylino)']);

    const actionNeeded = element.querySelector<HTMLInputElement>('#agreement-status-ACTION_NEEDED');
    if (!actionNeeded) throw new Error('No status box');
    actionNeeded.click();
    fixture.detectChanges();

    const again = await waitFor(listRequest);
    expect(again.request.params.get('status')).toBe('ACTION_NEEDED');
    again.flush({ rows: [], total: 0 });
    expect(actionNeeded.checked).toBe(true);
  });

  it('takes end dates typed as ÅÅÅÅ-MM-DD, and names one typed another way without applying it', async () => {
    const { fixture, element } = await render();
    (await waitFor(listRequest)).flush({ rows: [], total: 0 });
    const from = element.querySelector<HTMLInputElement>('#agreement-ends-from');
    if (!from) throw new Error('No date field');
    expect(from.getAttribute('type')).toBe('text');

    from.value = '06/30/2027';
    from.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect(element.querySelector('#agreement-ends-from-error')?.textContent?.trim()).toBe(
      'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-06-30.',
    );
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(from.getAttribute('aria-describedby')).toContain('agreement-ends-from-error');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(listRequest()).toBeUndefined();

    from.value = '20270630';
    from.dispatchEvent(new Event('blur'));
    fixture.detectChanges();
    const again = await waitFor(listRequest);
    expect(again.request.params.get('endsFrom')).toBe('2027-06-30');
    again.flush({ rows: [], total: 0 });
    expect(element.querySelector('#agreement-ends-from-error')).toBeNull();
  });
});
