import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { App } from './app';
import { AuthStore } from './core/auth/auth.store';
import { sessionUser, startAs } from './core/auth/auth.testing';
import { UnreadCountStore } from './core/notifications/unread-count.store';

@Component({ selector: 'lr-blank', changeDetection: ChangeDetectionStrategy.OnPush, template: '' })
class BlankPage {}

const isNotifications = (request: { url: string }) => request.url === '/api/notifications';
const isTodo = (request: { url: string }) => request.url === '/api/todo';

describe('App shell', () => {
  let http: HttpTestingController;

  afterEach(() => {
    http.match('/api/health'); // the status line's own polling
    http.match('/api/auth/config'); // demo mode, asked once at start
    http.verify();
  });

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter([{ path: 'sida', component: BlankPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  /**
   * Renders the shell; a signed-in person's unread count is answered with `unread`, and their
   * "Att göra" with `todo` things waiting.
   */
  async function render(
    user: ReturnType<typeof sessionUser> | null,
    unread = 0,
    todo = 0,
  ): Promise<HTMLElement> {
    await startAs(user);
    const fixture = TestBed.createComponent(App);
    fixture.detectChanges();
    await fixture.whenStable();
    if (user) {
      http.expectOne(isNotifications).flush({ rows: [], total: unread, unread });
      http.expectOne(isTodo).flush({ rows: [], total: todo, totalCapped: false });
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
      fixture.detectChanges();
    }
    return fixture.nativeElement as HTMLElement;
  }

  function menu(element: HTMLElement): (string | undefined)[] {
    return [...element.querySelectorAll('nav[aria-label="Huvudmeny"] a')].map((a) =>
      a.textContent?.trim(),
    );
  }

  it('offers a skip link and the product name', async () => {
    const element = await render(sessionUser(['READ_ONLY']));
    expect(element.querySelector('.skip-link')?.getAttribute('href')).toBe('#innehall');
    expect(element.querySelector('.brand-name')?.textContent).toBe('Licensregistret');
  });

  it('skips to the main content by moving focus, without following the link', async () => {
    const element = await render(sessionUser(['READ_ONLY']));
    document.body.appendChild(element);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });

    element.querySelector<HTMLAnchorElement>('.skip-link')?.dispatchEvent(click);

    expect(click.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(element.querySelector('main'));
    expect(navigate).not.toHaveBeenCalled();
    element.remove();
  });

  it('folds the menu behind a "Meny" button that says whether it is open', async () => {
    const element = await render(sessionUser(['READ_ONLY']), 2);
    const toggle = element.querySelector<HTMLButtonElement>('.menu-toggle');
    const panel = element.querySelector('#huvudmeny');
    expect(toggle?.getAttribute('aria-controls')).toBe('huvudmeny');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(toggle?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Meny 2 olästa notiser');
    expect(panel?.classList).not.toContain('open');

    toggle?.click();
    TestBed.inject(ApplicationRef).tick();
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(panel?.classList).toContain('open');

    await TestBed.inject(Router).navigateByUrl('/sida');
    TestBed.inject(ApplicationRef).tick();
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
  });

  it('offers "Logga in" to someone signed out, instead of the menu', async () => {
    const element = await render(null);
    const link = element.querySelector('.sign-in-link');
    expect(link?.textContent?.trim()).toBe('Logga in');
    expect(link?.getAttribute('href')).toBe('/logga-in');
    expect(element.querySelector('.menu-toggle')).toBeNull();
  });

  it('shows a reader every area but Administration', async () => {
    const element = await render(sessionUser(['READ_ONLY']));
    expect(menu(element)).toEqual([
      'Att göra',
      'Katalog',
      'Begäranden',
      'Beslutsrutin',
      'Avtal',
      'Översikt',
      'Registerförteckning',
    ]);
  });

  it('shows an administrator the catalogue, the governance areas and Administration', async () => {
    const element = await render(sessionUser(['ADMIN']));
    expect(menu(element)).toEqual([
      'Att göra',
      'Katalog',
      'Översikt',
      'Registerförteckning',
      'Administration',
    ]);
  });

  it('shows the signed-in name and signs out to the sign-in page', async () => {
    const element = await render(sessionUser(['REQUESTER'], { displayName: 'Sara Skola' }));
    expect(element.querySelector('.account')?.textContent).toContain('Inloggad som Sara Skola');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);

    const signOut = [...element.querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'Logga ut',
    );
    signOut?.click();
    http
      .expectOne({ method: 'POST', url: '/api/auth/logout' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await new Promise((resolve) => setTimeout(resolve));

    expect(TestBed.inject(AuthStore).user()).toBeNull();
    expect(navigate).toHaveBeenCalledWith('/logga-in');
  });

  it('has no menu and no account when nobody is signed in', async () => {
    const element = await render(null);
    expect(element.querySelector('nav[aria-label="Huvudmeny"]')).toBeNull();
    expect(element.textContent).not.toContain('Logga ut');
    expect(element.querySelector('.notifications-link')).toBeNull();
    http.expectNone(isNotifications);
  });

  it('links to the notifications with the unread count in words', async () => {
    const element = await render(sessionUser(['REQUESTER']), 3);
    const link = element.querySelector('.notifications-link');
    expect(link?.getAttribute('href')).toBe('/notiser');
    expect(link?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Notiser 3 olästa');
    expect(link?.querySelector('.unread-count .visually-hidden')?.textContent?.trim()).toBe(
      'olästa',
    );
  });

  it('shows no count when nothing is unread', async () => {
    const element = await render(sessionUser(['REQUESTER']), 0);
    expect(element.querySelector('.notifications-link')?.textContent?.trim()).toBe('Notiser');
  });

  it('asks for the unread count again on navigation, not on a timer', async () => {
    await render(sessionUser(['PRINCIPAL']), 1);
    const refresh = jest.spyOn(TestBed.inject(UnreadCountStore), 'refresh');
    await TestBed.inject(Router).navigateByUrl('/sida');
    expect(refresh).toHaveBeenCalledTimes(1);
    // Asked moments ago at sign-in, so this navigation waits: no second request.
    http.expectNone(isNotifications);
    http.expectNone(isTodo);
  });

  it('shows how many things wait for me beside "Att göra" in the menu', async () => {
    const element = await render(sessionUser(['PRINCIPAL']), 0, 3);
    const first = element.querySelector('nav[aria-label="Huvudmeny"] a');
    expect(first?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Att göra 3 väntar på dig');
    expect(first?.getAttribute('href')).toBe('/');
  });

  it('says "Demoläge" in the header in demo mode', async () => {
    const demoConfig = { demoPassword: 'demo-2026', oidc: { enabled: false, label: '' } };
    const element = await render(null);
    http.expectOne('/api/auth/config').flush({ ...demoConfig, accessibilityContact: null });
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.inject(ApplicationRef).tick();
    const banner = element.querySelector('header .demo-banner');
    expect(banner?.textContent).toContain('Demoläge');
    expect(banner?.textContent).toContain('publicerat lösenord');
  });

  it('shows no banner outside demo mode', async () => {
    const element = await render(sessionUser(['REQUESTER']));
    http.expectOne('/api/auth/config').flush({
      demoPassword: null,
      oidc: { enabled: false, label: '' },
      accessibilityContact: null,
    });
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.inject(ApplicationRef).tick();
    expect(element.querySelector('.demo-banner')).toBeNull();
    expect(element.textContent).not.toContain('Demoläge');
  });

  it('links every page’s footer to the public list and the accessibility statement', async () => {
    const element = await render(null);
    const footer = element.querySelector('footer nav[aria-label="Om webbplatsen"]');
    const links = [...(footer?.querySelectorAll('a') ?? [])].map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['Tjänster och beslut', '/tjanster'],
      ['Tillgänglighetsredogörelse', '/tillganglighet'],
    ]);
  });
});
