import { DOCUMENT } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import type { RecordOfProcessing } from '@licensregistret/domain';

import { RecordOfProcessingPage } from './record-of-processing.page';
import { testProcessing } from './record-of-processing.testing';

const plain = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

describe('RecordOfProcessingPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [RecordOfProcessingPage],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(answer: RecordOfProcessing | 'fail') {
    const fixture = TestBed.createComponent(RecordOfProcessingPage);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(plain(element.querySelector('[role="status"]')?.textContent)).toBe(
      'Hämtar registerförteckningen …',
    );
    const request = http.expectOne('/api/record-of-processing');
    if (answer === 'fail') request.flush(null, { status: 500, statusText: 'Server Error' });
    else request.flush(answer);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element };
  }

  it('shows one section per processing, named by its service, with a definition list', async () => {
    const { element } = await render({
      readOn: '2026-11-23',
      entries: [
        testProcessing(),
        testProcessing({ serviceId: 'svc-polylino', serviceName: 'Polylino' }),
      ],
      omitted: [],
    });

    expect(plain(element.querySelector('h1')?.textContent)).toBe('Registerförteckning');
    expect(plain(element.querySelector('[role="status"]')?.textContent)).toBe(
      '2 behandlingar, enligt läget 2026-11-23.',
    );
    const sections = [...element.querySelectorAll('section.processing')];
    expect(sections).toHaveLength(2);
    const [ne] = sections;
    const heading = ne?.querySelector('h2');
    expect(plain(heading?.textContent)).toBe('NE');
    expect(ne?.getAttribute('aria-labelledby')).toBe(heading?.id);
    const terms = [...(ne?.querySelectorAll('dl > div > dt') ?? [])].map((dt) =>
      plain(dt.textContent),
    );
    expect(terms.slice(0, 2)).toEqual(['Ändamål', 'Leverantör (personuppgiftsbiträde)']);
    expect(terms).toEqual(
      expect.arrayContaining([
        'Kategorier av personuppgifter',
        'Kategorier av registrerade',
        'Rättslig grund',
        'Personuppgiftsbiträdesavtal',
        'Underbiträden',
        'Lagringsplats',
        'Överföring till tredje land',
        'Lagringstid och gallring',
      ]),
    );
    const subjects = [...(ne?.querySelectorAll('dl > div') ?? [])].find(
      (row) => plain(row.querySelector('dt')?.textContent) === 'Kategorier av registrerade',
    );
    expect(
      [...(subjects?.querySelectorAll('dd li') ?? [])].map((li) => plain(li.textContent)),
    ).toEqual(['Elever', 'Personal']);
  });

  it('lists every other approved service with why it has no entry', async () => {
    const { element } = await render({
      readOn: '2026-11-23',
      entries: [testProcessing()],
      omitted: [
        {
          serviceId: 'svc-widgit',
          serviceName: 'Widgit Online',
          supplierName: 'Widgit',
          catalogueStatus: 'APPROVED',
          reason: 'NO_DATA_PROTECTION_REVIEW',
        },
        {
          serviceId: 'svc-kahoot',
          serviceName: 'Kahoot!',
          supplierName: 'Kahoot! Nordic AB',
          catalogueStatus: 'APPROVED_WITH_CONDITIONS',
          reason: 'NO_PERSONAL_DATA',
        },
      ],
    });
    const omitted = element.querySelector('section.omitted');
    expect(plain(omitted?.querySelector('h2')?.textContent)).toBe(
      'Godkända tjänster som inte finns i förteckningen',
    );
    const rows = [...(omitted?.querySelectorAll('tbody tr') ?? [])].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => plain(cell.textContent)),
    );
    expect(rows).toEqual([
      [
        'Widgit Online',
        'Widgit',
        'Godkänd',
        'Ingen dataskyddsgranskning är gjord, så behandlingen är inte beskriven',
      ],
      [
        'Kahoot!',
        'Kahoot! Nordic AB',
        'Godkänd med villkor',
        'Behandlar inga personuppgifter enligt dataskyddsgranskningen',
      ],
    ]);
  });

  it('prints, and links to the export in both formats', async () => {
    const print = jest.fn();
    const window = TestBed.inject(DOCUMENT).defaultView as Window;
    const original = window.print;
    window.print = print;
    try {
      const { element } = await render({
        readOn: '2026-11-23',
        entries: [testProcessing()],
        omitted: [],
      });
      const button = [...element.querySelectorAll('button')].find(
        (candidate) => plain(candidate.textContent) === 'Skriv ut',
      );
      button?.click();
      expect(print).toHaveBeenCalledTimes(1);
      const links = [...element.querySelectorAll('a')].map((link) => [
        plain(link.textContent),
        link.getAttribute('href'),
      ]);
      expect(links).toEqual([
        ['Exportera till Excel', '/api/record-of-processing/export?format=xlsx'],
        ['Exportera till CSV', '/api/record-of-processing/export?format=csv'],
      ]);
    } finally {
      window.print = original;
    }
  });

  it('says when no service processes personal data, and when the record cannot be read', async () => {
    const empty = await render({ readOn: '2026-11-23', entries: [], omitted: [] });
    expect(plain(empty.element.querySelector('[role="status"]')?.textContent)).toBe(
      'Inga godkända tjänster behandlar personuppgifter enligt sin dataskyddsgranskning (2026-11-23).',
    );
    expect(empty.element.querySelectorAll('section')).toHaveLength(0);

    const failed = await render('fail');
    expect(plain(failed.element.querySelector('[role="status"]')?.textContent)).toBe(
      'Registerförteckningen kunde inte hämtas. Försök igen om en stund.',
    );
  });
});
