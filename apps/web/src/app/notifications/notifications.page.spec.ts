import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import type { Notification } from '@licensregistret/domain';

import { sessionUser, startAs } from '../core/auth/auth.testing';
import { testNotification } from './notification.testing';
import { NotificationsPage } from './notifications.page';

const plain = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

describe('NotificationsPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [NotificationsPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(rows: Notification[], unread: number) {
    await startAs(sessionUser(['REQUESTER']));
    const fixture = TestBed.createComponent(NotificationsPage);
    fixture.detectChanges();
    http
      .expectOne((r) => r.url === '/api/notifications')
      .flush({ rows, total: rows.length, unread });
    http
      .expectOne({ method: 'GET', url: '/api/calendar/feed' })
      .flush({ active: false, createdAt: null, path: null });
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    await settle();
    return { element, settle };
  }

  function button(element: HTMLElement, text: string): HTMLButtonElement {
    const found = [...element.querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) => plain(candidate.textContent) === text,
    );
    if (!found) throw new Error(`No button "${text}"`);
    return found;
  }

  const both = [
    testNotification(),
    testNotification({
      id: 'n2',
      kind: 'INFO_REQUESTED',
      subject: 'Komplettering behövs för begäran 43',
      requestId: 'r-43',
      readAt: '2026-03-30T10:00:00.000Z',
    }),
  ];

  it('lists the notifications with links to their requests and says which are unread', async () => {
    const { element } = await render(both, 1);
    expect(plain(element.querySelector('.list-status')?.textContent)).toBe('2 notiser, 1 oläst.');
    const articles = [...element.querySelectorAll('article')];
    expect(articles.map((article) => plain(article.querySelector('h2')?.textContent))).toEqual([
      'Begäran 42 om Polylino är beslutad',
      'Komplettering behövs för begäran 43',
    ]);
    expect(articles[0].querySelector('h2 a')?.getAttribute('href')).toBe('/begaranden/r-42');
    expect(plain(articles[0].querySelector('.meta')?.textContent)).toBe(
      'Oläst · Beslut · 2026-04-01 14:00',
    );
    expect(plain(articles[1].querySelector('.meta')?.textContent)).toContain('Läst');
    expect(articles[0].querySelector('button')?.getAttribute('aria-describedby')).toBe(
      'notification-subject-n1',
    );
    expect(articles[1].querySelector('button')).toBeNull();
  });

  it('marks one read and keeps the focus on it', async () => {
    const { element, settle } = await render(both, 1);
    button(element, 'Markera som läst').click();
    http
      .expectOne({ method: 'POST', url: '/api/notifications/n1/read' })
      .flush(testNotification({ readAt: '2026-04-02T08:00:00.000Z' }));
    await settle();
    await settle();
    expect(element.querySelector('#notification-n1 button')).toBeNull();
    expect(document.activeElement).toBe(element.querySelector('#notification-n1'));
    expect(plain(element.querySelector('.list-status')?.textContent)).toBe('2 notiser, 0 olästa.');
  });

  it('counts opening the request as reading the notification', async () => {
    const { element, settle } = await render(both, 1);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    element.querySelector<HTMLAnchorElement>('#notification-n1 h2 a')?.click();
    http
      .expectOne({ method: 'POST', url: '/api/notifications/n1/read' })
      .flush(testNotification({ readAt: '2026-04-02T08:00:00.000Z' }));
    await settle();
    expect(navigate).toHaveBeenCalled();
    expect(String(navigate.mock.calls[0][0])).toBe('/begaranden/r-42');
    expect(element.querySelector('#notification-n1 button')).toBeNull();
  });

  it('marks all read, and then offers it no more', async () => {
    const { element, settle } = await render(
      [testNotification(), testNotification({ id: 'n2' })],
      2,
    );
    button(element, 'Markera alla som lästa').click();
    http.expectOne({ method: 'POST', url: '/api/notifications/read-all' }).flush({ updated: 2 });
    await settle();
    await settle();
    expect(element.querySelectorAll('.list-bar button, .notifications button')).toHaveLength(0);
    expect(document.activeElement).toBe(element.querySelector('.list-status'));
  });

  it('says when there is nothing to read', async () => {
    const { element } = await render([], 0);
    expect(plain(element.querySelector('.list-status')?.textContent)).toBe('Du har inga notiser.');
    expect(element.querySelector('ul.notifications')).toBeNull();
  });

  it('ends with the calendar of deadlines', async () => {
    const { element } = await render(both, 1);
    const sections = element.querySelectorAll('section');
    const last = sections[sections.length - 1];
    expect(plain(last?.querySelector('h2')?.textContent)).toBe('Kalender med dina tidsfrister');
    expect(element.lastElementChild?.tagName).toBe('LR-CALENDAR-FEED');
    expect(button(element, 'Skapa kalenderadress')).toBeTruthy();
  });
});
