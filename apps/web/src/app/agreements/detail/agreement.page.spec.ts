import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';

import { type Agreement, type HistoryEntry, addDays, todayInSweden } from '@licensregistret/domain';

import { answerDocumentLists } from '../../shared/documents/documents.testing';
import { testAgreement, testCostSplit, testLicence } from '../agreement.testing';
import { AgreementPage } from './agreement.page';

const plain = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

/** Lets the store's awaits after the last answer run. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('AgreementPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [AgreementPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    answerDocumentLists(http);
    http.verify();
  });

  async function render(
    agreement: Agreement,
    answers: { history?: HistoryEntry[]; costSplitFails?: boolean } = {},
  ) {
    const fixture = TestBed.createComponent(AgreementPage);
    fixture.componentRef.setInput('id', agreement.id);
    fixture.detectChanges();
    http.expectOne(`/api/agreements/${agreement.id}`).flush(agreement);
    http
      .expectOne((r) => r.url === '/api/licences' && r.params.get('agreementId') === agreement.id)
      .flush({
        rows: [
          testLicence(),
          testLicence({
            id: 'l2',
            serviceName: 'Widgit Online',
            scope: 'UNITS',
            schoolForms: [],
            units: [
              { id: 'u3', name: 'Ekeskolan' },
              { id: 'u4', name: 'Lillåns anpassade grundskola' },
            ],
            seatCount: 40,
            seatsInUse: 31,
          }),
        ],
        total: 2,
      });
    const costSplit = http.expectOne(`/api/agreements/${agreement.id}/cost-split`);
    if (answers.costSplitFails) {
      costSplit.flush(null, { status: 500, statusText: 'Server Error' });
    } else {
      costSplit.flush(testCostSplit());
    }
    http.expectOne(`/api/agreements/${agreement.id}/history`).flush(answers.history ?? []);
    await settle();
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  function tableRows(table: Element | null | undefined, part = 'tbody'): string[][] {
    return [...(table?.querySelectorAll(`${part} tr`) ?? [])].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => plain(cell.textContent) ?? ''),
    );
  }

  it('names the agreement and its supplier, shows its status, and titles the page', async () => {
    const { element } = await render(testAgreement({ status: 'ACTION_NEEDED' }));
    expect(plain(element.querySelector('h1')?.textContent)).toBe(
      'Avtal NE-2025-0117 – NE Nationalencyklopedin AB',
    );
    expect(plain(element.querySelector('lr-status-badge')?.textContent)).toBe('Åtgärd krävs');
    expect(TestBed.inject(Title).getTitle()).toBe(
      'Avtal NE-2025-0117 – NE Nationalencyklopedin AB – Licensregistret',
    );
  });

  it('highlights the last day to give notice and when action starts', async () => {
    const lastDay = addDays(todayInSweden(), 30);
    const actionFrom = addDays(todayInSweden(), -30);
    const { element } = await render(
      testAgreement({
        status: 'ACTION_NEEDED',
        renewsAutomatically: true,
        extensionOptions: 0,
        lastDayToGiveNotice: lastDay,
        nextDeadline: { kind: 'NOTICE', date: lastDay, actionFrom },
      }),
    );
    const deadlines = element.querySelector('.deadlines');
    expect(plain(deadlines?.querySelector('.notice-deadline')?.textContent)).toBe(
      `Sista dag att säga upp: ${lastDay}`,
    );
    expect(plain(deadlines?.textContent)).toContain(
      `Nästa beslut: Uppsägning senast ${lastDay}. Åtgärd från ${actionFrom}.`,
    );
  });

  it('says when no decision is left', async () => {
    const { element } = await render(
      testAgreement({ status: 'EXPIRED', endsOn: '2025-12-31', daysLeft: -30 }),
    );
    const deadlines = plain(element.querySelector('.deadlines')?.textContent);
    expect(deadlines).toContain('Sista dag att säga upp: 2027-06-30');
    expect(deadlines).toContain('Avtalet löpte ut 2025-12-31.');
    expect(deadlines).toContain('Inget beslut återstår.');
    expect(deadlines).not.toContain('Nästa beslut');
  });

  it('lists the terms in a definition list', async () => {
    const { element } = await render(testAgreement());
    const terms = Object.fromEntries(
      [...element.querySelectorAll('dl > div')].map((pair) => [
        plain(pair.querySelector('dt')?.textContent),
        plain(pair.querySelector('dd')?.textContent),
      ]),
    );
    expect(terms).toMatchObject({
      Upphandlingsform: 'Avrop på ramavtal',
      Ramavtal: 'Adda Digitala läromedel och verktyg 2023',
      Avropsreferens: 'AVROP-2025-118',
      Diarienummer: 'Bou 2025/00412',
      Förlängningsoptioner: '2 × 12 månader',
      Utnyttjade: '0 av 2 (2 kvar)',
      Uppsägningstid: '6 månader',
      'Förnyas automatiskt': 'Nej',
      Kostnadsmodell: 'Per elev',
      Avtalsansvarig: 'Ulla Upphandlare',
      Personuppgiftsbiträdesavtal: 'Undertecknat 2025-01-10',
    });
    expect(terms['Årskostnad']?.replace(/\u00a0/g, ' ')).toBe('1 245 000 kr');
    const document = element.querySelector<HTMLAnchorElement>('a[href$="ne-2025.pdf"]');
    expect(document?.textContent?.trim()).toBe('Avtal NE 2025');
  });

  it('tables the licences with their scope and seats', async () => {
    const { element } = await render(testAgreement());
    const table = [...element.querySelectorAll('table')].find((candidate) =>
      candidate.querySelector('caption')?.textContent?.includes('Licenser'),
    );
    expect(tableRows(table)).toEqual([
      ['NE', 'Skolformer: Grundskola', 'Ingen platsgräns', '2025-02-01 – 2027-12-31'],
      [
        'Widgit Online',
        'Namngivna skolenheter: Ekeskolan, Lillåns anpassade grundskola',
        '31 av 40 används',
        '2025-02-01 – 2027-12-31',
      ],
    ]);
    expect(table?.querySelector('tbody th')?.getAttribute('scope')).toBe('row');
  });

  it('splits the cost per unit with a total that equals the annual cost', async () => {
    const { element } = await render(testAgreement());
    const table = element.querySelector('.cost-table');
    expect(plain(table?.querySelector('caption')?.textContent)).toBe(
      'Årskostnad per skolenhet, fördelad per elev',
    );
    const rows = tableRows(table).map((row) => row.map((cell) => cell.replace(/\u00a0/g, ' ')));
    expect(rows).toEqual([
      ['Hagaskolan F-6', '320', '543 272,73 kr'],
      ['Mellringeskolan 7-9', '413', '701 727,27 kr'],
    ]);
    const total = tableRows(table, 'tfoot')[0]?.map((cell) => cell.replace(/\u00a0/g, ' '));
    expect(total).toEqual(['Totalt', '733', '1 245 000,00 kr']);
    expect(element.textContent).not.toContain('stämmer inte');
  });

  it('keeps the rest of the page when the cost split cannot be read', async () => {
    const { element } = await render(testAgreement(), { costSplitFails: true });
    expect(element.querySelector('.cost-table')).toBeNull();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Kostnadsfördelningen kunde inte hämtas',
    );
    expect(element.querySelector('.notice-deadline')).not.toBeNull();
  });

  it('lists the history: when, who, and each change from old to new', async () => {
    const { element } = await render(testAgreement(), {
      history: [
        {
          id: '5',
          occurredAt: '2026-03-14T08:05:00.000Z',
          actorName: 'Ulla Upphandlare',
          message: null,
          kind: 'updated',
          changes: { endsOn: { old: '2026-12-31', new: '2027-12-31' } },
        },
      ],
    });
    const item = element.querySelector('.history > li');
    expect(plain(item?.querySelector('.history-head')?.textContent)).toBe(
      '2026-03-14 09:05: Avtalet ändrades av Ulla Upphandlare',
    );
    expect(item?.querySelector('time')?.getAttribute('datetime')).toBe('2026-03-14T08:05:00.000Z');
    expect(plain(item?.querySelector('ul li')?.textContent)).toBe(
      'Slutdatum: 2026-12-31 → ändrades till 2027-12-31',
    );
  });

  it('links the agreements before and after it in a renewal chain', async () => {
    const fixture = TestBed.createComponent(AgreementPage);
    fixture.componentRef.setInput('id', 'a-new');
    fixture.detectChanges();
    http
      .expectOne('/api/agreements/a-new')
      .flush(testAgreement({ id: 'a-new', followsId: 'a-old', followedById: null }));
    http.expectOne((r) => r.url === '/api/licences').flush({ rows: [], total: 0 });
    http.expectOne('/api/agreements/a-new/cost-split').flush(testCostSplit({ rows: [] }));
    http.expectOne('/api/agreements/a-new/history').flush([]);
    await settle();
    http
      .expectOne('/api/agreements/a-old')
      .flush(testAgreement({ id: 'a-old', agreementNumber: 'PL-2022-031' }));
    await settle();
    await fixture.whenStable();
    fixture.detectChanges();

    const element = fixture.nativeElement as HTMLElement;
    const chain = element.querySelector('.chain');
    expect(plain(chain?.querySelector('dt')?.textContent)).toBe('Föregås av');
    const link = chain?.querySelector('a');
    expect(link?.textContent?.trim()).toBe('PL-2022-031');
    expect(link?.getAttribute('href')).toBe('/avtal/a-old');
    expect(element.textContent).toContain('Inga licenser är registrerade under avtalet.');
  });

  it('says so when there is no such agreement', async () => {
    const fixture = TestBed.createComponent(AgreementPage);
    fixture.componentRef.setInput('id', 'missing');
    fixture.detectChanges();
    http.expectOne('/api/agreements/missing').flush(null, { status: 404, statusText: 'Not Found' });
    // The licences, cost split and history asked for alongside are cancelled with it.
    const alongside = http.match(() => true);
    expect(alongside).toHaveLength(3);
    expect(alongside.every((request) => request.cancelled)).toBe(true);
    await settle();
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('h1')?.textContent).toBe('Avtalet finns inte');
  });
});
