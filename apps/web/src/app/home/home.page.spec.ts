import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { Role, TodoItem } from '@licensregistret/domain';

import { sessionUser, startAs } from '../core/auth/auth.testing';
import { HomePage } from './home.page';

const plain = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

const item = (overrides: Partial<TodoItem>): TodoItem => ({
  action: 'ENDORSE',
  title: 'Begäran 7: Polylino – Mellringeskolan 7-9',
  detail: 'Väntar på din tillstyrkan',
  since: '2026-11-30T09:00:00.000Z',
  requestId: 'r-7',
  serviceId: null,
  reviewKind: null,
  agreementId: null,
  ...overrides,
});

describe('HomePage ("Att göra")', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [HomePage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(roles: Role[], rows: TodoItem[], total = rows.length) {
    await startAs(sessionUser(roles));
    const fixture = TestBed.createComponent(HomePage);
    fixture.detectChanges();
    http
      .expectOne((request) => request.url === '/api/todo')
      .flush({ rows, total, totalCapped: false });
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('lists what waits, each row a link to where the action is, with since when', async () => {
    const { element } = await render(['PRINCIPAL'], [item({})]);
    expect(plain(element.querySelector('h1')?.textContent)).toBe('Att göra');
    const link = element.querySelector<HTMLAnchorElement>('.todo a');
    expect(plain(link?.textContent)).toBe(
      'Tillstyrk eller avstyrk: Begäran 7: Polylino – Mellringeskolan 7-9',
    );
    expect(link?.getAttribute('href')).toBe('/begaranden/r-7');
    expect(plain(element.querySelector('.todo-since')?.textContent)).toBe('Sedan 2026-11-30');
    expect(plain(element.querySelector('[role="status"]')?.textContent)).toBe(
      '1 sak väntar på dig.',
    );
  });

  it('narrows the list to one kind, e.g. the reviews waiting for me', async () => {
    const { fixture, element } = await render(
      ['DATA_PROTECTION'],
      [
        item({
          action: 'REVIEW',
          requestId: null,
          serviceId: 's-1',
          reviewKind: 'DATA_PROTECTION',
        }),
        item({
          action: 'REDO_REVIEW',
          requestId: null,
          serviceId: 's-2',
          reviewKind: 'DATA_PROTECTION',
        }),
      ],
    );
    const select = element.querySelector<HTMLSelectElement>('#todo-filter');
    expect([...(select?.options ?? [])].map((option) => option.text)).toEqual([
      'Allt',
      'Gör din granskning',
      'Gör om granskningen',
    ]);
    (select as HTMLSelectElement).value = 'REVIEW';
    select?.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    const links = element.querySelectorAll<HTMLAnchorElement>('.todo a');
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute('href')).toBe('/beslut/granskning/s-1/dataskydd');
  });

  it('says when nothing waits', async () => {
    const { element } = await render(['READ_ONLY'], []);
    expect(element.querySelector('.todo')).toBeNull();
    expect(plain(element.querySelector('[role="status"]')?.textContent)).toBe(
      'Inget väntar på dig just nu.',
    );
  });
});
