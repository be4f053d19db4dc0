import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import type { CalendarFeed } from '@licensregistret/domain';

import { CalendarFeedSection } from './calendar-feed';

const FEED_URL = '/api/calendar/feed';
const CREATED = '2026-04-01T12:00:00.000Z';
const PATH = '/api/calendar/s3cret-token/deadlines.ics';
const ADDRESS = 'http://localhost/api/calendar/s3cret-token/deadlines.ics';

const plain = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

describe('CalendarFeedSection', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [CalendarFeedSection],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  async function render(feed: CalendarFeed | 'fail') {
    const fixture = TestBed.createComponent(CalendarFeedSection);
    fixture.detectChanges();
    const request = http.expectOne({ method: 'GET', url: FEED_URL });
    if (feed === 'fail') request.flush(null, { status: 503, statusText: 'Unavailable' });
    else request.flush(feed);
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    await settle();
    return { element, settle };
  }

  const inactive: CalendarFeed = { active: false, createdAt: null, path: null };
  const active: CalendarFeed = { active: true, createdAt: CREATED, path: null };

  function buttons(element: HTMLElement): string[] {
    return [...element.querySelectorAll('button')].map((found) => plain(found.textContent) ?? '');
  }

  function button(element: HTMLElement, text: string): HTMLButtonElement {
    const found = [...element.querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) => plain(candidate.textContent) === text,
    );
    if (!found) throw new Error(`No button "${text}"`);
    return found;
  }

  /** The text of the elements that aria-describedby points at. */
  function description(element: HTMLElement, control: Element): string | undefined {
    return control
      .getAttribute('aria-describedby')
      ?.split(' ')
      .map((id) => plain(element.querySelector(`#${id}`)?.textContent))
      .join(' ');
  }

  async function create(element: HTMLElement, settle: () => Promise<void>, label: string) {
    button(element, label).click();
    http
      .expectOne({ method: 'POST', url: FEED_URL })
      .flush({ active: true, createdAt: CREATED, path: PATH });
    await settle();
    await settle();
  }

  it('explains the calendar and offers to create an address', async () => {
    const { element } = await render(inactive);
    const section = element.querySelector('section');
    expect(section?.getAttribute('aria-labelledby')).toBe('calendar-feed-heading');
    expect(plain(element.querySelector('#calendar-feed-heading')?.textContent)).toBe(
      'Kalender med dina tidsfrister',
    );
    const text = plain(section?.textContent);
    expect(text).toContain('Outlook');
    expect(text).toContain('Google Kalender');
    expect(text).toContain('Sista dag för uppsägning');
    expect(text).toContain('sista dag att besluta om förlängning');
    expect(text).toContain('Är du upphandlare kommer även avtal som saknar ansvarig med.');
    expect(text).toContain('slutdatum för avtal där du är ansvarig');
    expect(text).toContain('när dina granskningar ska göras om');
    expect(text).toContain('Prenumerera från webben');
    expect(plain(element.querySelector('.feed-state')?.textContent)).toBe(
      'Du delar inte din kalender just nu.',
    );
    expect(buttons(element)).toEqual(['Skapa kalenderadress']);
    expect(button(element, 'Skapa kalenderadress').hasAttribute('aria-describedby')).toBe(false);
    expect(element.querySelector('input')).toBeNull();
    expect(element.querySelector('[role="status"]')).not.toBeNull();
  });

  it('shows the new address once, labelled and described, and moves the focus to it', async () => {
    const { element, settle } = await render(inactive);
    await create(element, settle, 'Skapa kalenderadress');

    const field = element.querySelector<HTMLInputElement>('input');
    expect(field).not.toBeNull();
    if (!field) return;
    expect(field.value).toBe(ADDRESS);
    expect(field.readOnly).toBe(true);
    expect(plain(element.querySelector(`label[for="${field.id}"]`)?.textContent)).toBe(
      'Kalenderadress',
    );
    expect(description(element, field)).toBe(
      'Adressen visas bara nu. Den fungerar som ett lösenord: den som har adressen kan se dina tidsfrister, så dela den inte med någon annan.',
    );
    expect(document.activeElement).toBe(field);
    expect(buttons(element)).toEqual([
      'Kopiera adressen',
      'Skapa ny adress',
      'Sluta dela kalendern',
    ]);
  });

  it('copies the address and says so in the status', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { element, settle } = await render(inactive);
    await create(element, settle, 'Skapa kalenderadress');

    button(element, 'Kopiera adressen').click();
    await settle();
    expect(writeText).toHaveBeenCalledWith(ADDRESS);
    expect(plain(element.querySelector('[role="status"]')?.textContent)).toBe(
      'Adressen är kopierad.',
    );
    expect(element.querySelector('[role="alert"]')).toBeNull();
  });

  it('warns that a new address replaces the active one', async () => {
    const { element, settle } = await render(active);
    expect(plain(element.querySelector('.feed-state')?.textContent)).toMatch(
      /^Du delar din kalender sedan 2026-04-01 \d\d:00\. .*kan du skapa en ny\.$/,
    );
    expect(element.querySelector('input')).toBeNull();
    const replace = button(element, 'Skapa ny adress');
    expect(description(element, replace)).toBe(
      'En ny adress ersätter den du har: den gamla slutar fungera, och kalendrar som använder den behöver den nya adressen.',
    );
    await create(element, settle, 'Skapa ny adress');
    expect(element.querySelector<HTMLInputElement>('input')?.value).toBe(ADDRESS);
  });

  it('stops sharing, says so and puts the focus on creating again', async () => {
    const { element, settle } = await render(inactive);
    await create(element, settle, 'Skapa kalenderadress');

    button(element, 'Sluta dela kalendern').click();
    await settle();
    expect(plain(button(element, 'Slutar dela …').textContent)).toBe('Slutar dela …');
    expect(button(element, 'Skapa ny adress').getAttribute('aria-disabled')).toBe('true');
    http
      .expectOne({ method: 'DELETE', url: FEED_URL })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    await settle();

    expect(element.querySelector('input')).toBeNull();
    expect(buttons(element)).toEqual(['Skapa kalenderadress']);
    expect(plain(element.querySelector('[role="status"]')?.textContent)).toBe(
      'Du delar inte längre din kalender. Adressen fungerar inte längre.',
    );
    expect(document.activeElement).toBe(button(element, 'Skapa kalenderadress'));
  });

  it('asks once however often the button is pressed', async () => {
    const { element, settle } = await render(inactive);
    button(element, 'Skapa kalenderadress').click();
    await settle();
    const busy = button(element, 'Skapar adress …');
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    busy.click();
    http
      .expectOne({ method: 'POST', url: FEED_URL })
      .flush({ active: true, createdAt: CREATED, path: PATH });
    await settle();
    expect(element.querySelector<HTMLInputElement>('input')?.value).toBe(ADDRESS);
  });

  it('alerts when an address cannot be created', async () => {
    const { element, settle } = await render(inactive);
    button(element, 'Skapa kalenderadress').click();
    http
      .expectOne({ method: 'POST', url: FEED_URL })
      .flush(null, { status: 500, statusText: 'Error' });
    await settle();
    expect(plain(element.querySelector('[role="alert"]')?.textContent)).toBe(
      'Kalenderadressen kunde inte skapas. Försök igen om en stund.',
    );
    expect(element.querySelector('input')).toBeNull();
    expect(buttons(element)).toEqual(['Skapa kalenderadress']);
  });

  it('alerts, and offers nothing, when the status cannot be had', async () => {
    const { element } = await render('fail');
    expect(plain(element.querySelector('[role="alert"]')?.textContent)).toBe(
      'Uppgifterna om din kalender kunde inte hämtas. Försök igen om en stund.',
    );
    expect(buttons(element)).toEqual([]);
  });
});
