import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { App } from './app';
import { AuthStore } from './core/auth/auth.store';
import { sessionUser, startAs } from './core/auth/auth.testing';

describe('App shell', () => {
  let http: HttpTestingController;

  afterEach(() => {
    http.match('/api/health'); // the status line's own polling
    http.verify();
  });

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  async function render(user: ReturnType<typeof sessionUser> | null): Promise<HTMLElement> {
    await startAs(user);
    const fixture = TestBed.createComponent(App);
    fixture.detectChanges();
    await fixture.whenStable();
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

  it('shows a reader every area but Administration', async () => {
    const element = await render(sessionUser(['READ_ONLY']));
    expect(menu(element)).toEqual(['Start', 'Katalog', 'Begäranden', 'Beslutsrutin', 'Avtal']);
  });

  it('shows an administrator the catalogue and Administration only', async () => {
    const element = await render(sessionUser(['ADMIN']));
    expect(menu(element)).toEqual(['Start', 'Katalog', 'Administration']);
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
  });
});
