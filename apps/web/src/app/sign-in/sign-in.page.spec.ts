import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import type { AuthConfig, Municipality } from '@licensregistret/domain';

import { AuthStore } from '../core/auth/auth.store';
import { sessionUser, startAs } from '../core/auth/auth.testing';
import {
  ONE_MUNICIPALITY,
  THREE_MUNICIPALITIES,
} from '../core/municipalities/municipalities.testing';
import { MUNICIPALITY_STORAGE_KEY } from '../core/municipalities/municipality.store';
import { SignInPage } from './sign-in.page';

@Component({
  selector: 'lr-stub-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>Sidan</h1>',
})
class StubPage {}

const demoConfig: AuthConfig = {
  demoPassword: 'demo-2026',
  oidc: { enabled: false, label: '' },
  accessibilityContact: null,
};

describe('SignInPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'logga-in', component: SignInPage },
            { path: '**', component: StubPage },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await startAs(null);
  });

  afterEach(() => http.verify());

  async function open(
    url: string,
    config: AuthConfig = demoConfig,
    municipalities: Municipality[] = ONE_MUNICIPALITY,
  ) {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    http.expectOne('/api/auth/config').flush(config);
    http.expectOne('/api/municipalities').flush(municipalities);
    await settle(harness);
    return { harness, element: harness.routeNativeElement as HTMLElement };
  }

  function municipalitySelect(element: HTMLElement): HTMLSelectElement {
    const select = element.querySelector<HTMLSelectElement>('#municipality');
    if (!select) throw new Error('No municipality choice');
    return select;
  }

  async function submit(
    harness: RouterTestingHarness,
    element: HTMLElement,
    username: string,
    password: string,
  ) {
    const user = element.querySelector<HTMLInputElement>('#username');
    const pass = element.querySelector<HTMLInputElement>('#password');
    if (!user || !pass) throw new Error('The sign-in fields are missing');
    user.value = username;
    user.dispatchEvent(new Event('input'));
    pass.value = password;
    pass.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    harness.detectChanges();
  }

  async function settle(harness: RouterTestingHarness) {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
    harness.detectChanges();
  }

  function alertText(element: HTMLElement): string | undefined {
    return element.querySelector('[role="alert"]')?.textContent?.trim();
  }

  it('has labelled fields and a "Logga in" button', async () => {
    const { element } = await open('/logga-in');
    expect(element.querySelector('label[for="username"]')?.textContent).toContain('Användarnamn');
    expect(element.querySelector('label[for="password"]')?.textContent).toContain('Lösenord');
    expect(element.querySelector('#password')?.getAttribute('type')).toBe('password');
    expect(element.querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Logga in');
  });

  it('shows the demo accounts and their password in demo mode', async () => {
    const { element } = await open('/logga-in');
    const demo = element.querySelector('section[aria-labelledby="demo-heading"]');
    expect(demo?.querySelector('[data-demo-password]')?.textContent?.trim()).toBe('demo-2026');
    const usernames = [...(demo?.querySelectorAll('tbody code') ?? [])].map((c) => c.textContent);
    expect(usernames).toEqual(expect.arrayContaining(['skola', 'admin', 'lasare', 'rektor']));
  });

  it('links to the public list of decided services, which needs no sign-in', async () => {
    const { element } = await open('/logga-in');
    const link = element.querySelector<HTMLAnchorElement>('.public-link a');
    expect(link?.textContent?.trim()).toBe('vilka digitala tjänster kommunen har beslutat om');
    expect(link?.getAttribute('href')).toBe('/tjanster');
  });

  it('shows no password outside demo mode', async () => {
    const { element } = await open('/logga-in', { ...demoConfig, demoPassword: null });
    expect(element.querySelector('[data-demo-password]')).toBeNull();
    expect(element.textContent).not.toContain('demo-2026');
  });

  it('says "Fel användarnamn eller lösenord." on 401', async () => {
    const { harness, element } = await open('/logga-in');
    await submit(harness, element, 'admin', 'fel');
    http
      .expectOne('/api/auth/login')
      .flush({ status: 401, title: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await settle(harness);

    expect(alertText(element)).toBe('Fel användarnamn eller lösenord.');
    expect(TestBed.inject(Router).url).toBe('/logga-in');
  });

  it('says how many minutes to wait on 429, from Retry-After', async () => {
    const { harness, element } = await open('/logga-in');
    await submit(harness, element, 'admin', 'fel');
    http
      .expectOne('/api/auth/login')
      .flush(
        { status: 429, title: 'Too Many Requests' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '290' } },
      );
    await settle(harness);

    expect(alertText(element)).toBe('För många misslyckade försök. Försök igen om 5 minuter.');
  });

  it('asks for what is missing without calling the API', async () => {
    const { harness, element } = await open('/logga-in');
    await submit(harness, element, 'admin', '');
    await settle(harness);

    http.expectNone('/api/auth/login');
    expect(alertText(element)).toBe('Ange ditt lösenord.');
    expect(element.querySelector('#password')?.getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector('#password')?.getAttribute('aria-describedby')).toBe(
      'password-error',
    );
  });

  it('goes back to the page asked for after signing in', async () => {
    const { harness, element } = await open('/logga-in?tillbaka=%2Fadministration%2Fimport');
    await submit(harness, element, 'admin', 'demo-2026');
    http.expectOne('/api/auth/login').flush(sessionUser(['ADMIN']));
    await settle(harness);

    expect(TestBed.inject(AuthStore).user()?.roles).toEqual(['ADMIN']);
    expect(TestBed.inject(Router).url).toBe('/administration/import');
  });

  it('goes to the start page rather than to another site', async () => {
    const { harness, element } = await open('/logga-in?tillbaka=%2F%2Fevil.example');
    await submit(harness, element, 'admin', 'demo-2026');
    http.expectOne('/api/auth/login').flush(sessionUser(['ADMIN']));
    await settle(harness);

    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('offers single sign-on when it is configured, coming back to the same page', async () => {
    const { element } = await open('/logga-in?tillbaka=%2Fkatalog', {
      demoPassword: null,
      oidc: { enabled: true, label: 'Kommunens konto' },
      accessibilityContact: null,
    });
    const link = [...element.querySelectorAll('a')].find((a) =>
      a.textContent?.includes('Logga in med Kommunens konto'),
    );
    expect(link?.getAttribute('href')).toBe(
      '/api/auth/oidc/login?returnTo=%2Fkatalog&municipality=orebro',
    );
  });

  it('offers no single sign-on when it is not configured', async () => {
    const { element } = await open('/logga-in');
    expect(element.textContent).not.toContain('Logga in med');
  });

  it('explains a failed single sign-on', async () => {
    const { element } = await open('/logga-in?fel=sso-okant-konto');
    expect(alertText(element)).toContain('inget aktivt konto');
  });

  describe('with one municipality', () => {
    it('asks nothing more, and signs in to that one', async () => {
      const { harness, element } = await open('/logga-in');
      expect(element.querySelector('#municipality')).toBeNull();
      await submit(harness, element, 'admin', 'demo-2026');
      const login = http.expectOne('/api/auth/login');
      expect(login.request.body).toEqual({
        municipality: 'orebro',
        username: 'admin',
        password: 'demo-2026',
      });
      login.flush(sessionUser(['ADMIN']));
      await settle(harness);
      expect(TestBed.inject(Router).url).toBe('/');
    });
  });

  describe('with several municipalities', () => {
    it('asks for the municipality first, in a labelled list', async () => {
      const { element } = await open('/logga-in', demoConfig, THREE_MUNICIPALITIES);
      const select = municipalitySelect(element);
      expect(element.querySelector('label[for="municipality"]')?.textContent?.trim()).toBe(
        'Kommun',
      );
      expect([...select.options].map((option) => option.textContent?.trim())).toEqual([
        'Välj kommun',
        'Kumla kommun',
        'Lindesbergs kommun',
        'Örebro kommun',
      ]);
      expect(select.value).toBe('');
      // First in the form, before the user name.
      const fields = [...element.querySelectorAll('form select, form input')].map((f) => f.id);
      expect(fields).toEqual(['municipality', 'username', 'password']);
    });

    it('says to choose one without calling the API', async () => {
      const { harness, element } = await open('/logga-in', demoConfig, THREE_MUNICIPALITIES);
      await submit(harness, element, 'admin', 'demo-2026');
      await settle(harness);

      http.expectNone('/api/auth/login');
      expect(alertText(element)).toBe('Välj kommun.');
      const select = municipalitySelect(element);
      expect(select.getAttribute('aria-invalid')).toBe('true');
      expect(select.getAttribute('aria-describedby')).toBe('municipality-error');
      expect(element.querySelector('#municipality-error')?.textContent?.trim()).toBe(
        'Välj kommun.',
      );
    });

    it('signs in to the municipality chosen and remembers it for next time', async () => {
      const { harness, element } = await open('/logga-in', demoConfig, THREE_MUNICIPALITIES);
      const select = municipalitySelect(element);
      select.value = 'kumla';
      select.dispatchEvent(new Event('change'));
      await submit(harness, element, 'rektor', 'demo-2026');
      const login = http.expectOne('/api/auth/login');
      expect(login.request.body).toEqual({
        municipality: 'kumla',
        username: 'rektor',
        password: 'demo-2026',
      });
      login.flush(sessionUser(['PRINCIPAL']));
      await settle(harness);

      expect(TestBed.inject(Router).url).toBe('/');
      expect(localStorage.getItem(MUNICIPALITY_STORAGE_KEY)).toBe('kumla');
    });

    it('preselects the municipality this browser signed in to last', async () => {
      localStorage.setItem(MUNICIPALITY_STORAGE_KEY, 'lindesberg');
      const { element } = await open('/logga-in', demoConfig, THREE_MUNICIPALITIES);
      expect(municipalitySelect(element).value).toBe('lindesberg');
      expect(element.querySelector('.public-link a')?.getAttribute('href')).toBe(
        '/tjanster?kommun=lindesberg',
      );
    });

    it('shows a 400 naming the municipality at the list, in Swedish, and reads the list again', async () => {
      localStorage.setItem(MUNICIPALITY_STORAGE_KEY, 'kumla');
      const { harness, element } = await open('/logga-in', demoConfig, THREE_MUNICIPALITIES);
      await submit(harness, element, 'admin', 'demo-2026');
      http.expectOne('/api/auth/login').flush(
        {
          status: 400,
          title: 'Bad Request',
          errors: [{ field: 'municipality', messages: ['No municipality has this name.'] }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await settle(harness);
      http.expectOne('/api/municipalities').flush(THREE_MUNICIPALITIES);
      await settle(harness);

      expect(alertText(element)).toBe('Välj en av kommunerna i listan.');
      expect(element.querySelector('#municipality-error')?.textContent?.trim()).toBe(
        'Välj en av kommunerna i listan.',
      );
      expect(municipalitySelect(element).getAttribute('aria-invalid')).toBe('true');
    });

    it('sends single sign-on to the municipality chosen, and asks first if none is', async () => {
      const { harness, element } = await open(
        '/logga-in?tillbaka=%2Fkatalog',
        {
          demoPassword: null,
          oidc: { enabled: true, label: 'Kommunens konto' },
          accessibilityContact: null,
        },
        THREE_MUNICIPALITIES,
      );
      const link = () =>
        [...element.querySelectorAll('a')].find((a) => a.textContent?.includes('Logga in med'));
      const click = new MouseEvent('click', { cancelable: true });
      link()?.dispatchEvent(click);
      harness.detectChanges();
      expect(click.defaultPrevented).toBe(true);
      expect(alertText(element)).toBe('Välj kommun.');

      const select = municipalitySelect(element);
      select.value = 'orebro';
      select.dispatchEvent(new Event('change'));
      harness.detectChanges();
      expect(link()?.getAttribute('href')).toBe(
        '/api/auth/oidc/login?returnTo=%2Fkatalog&municipality=orebro',
      );
    });
  });
});
