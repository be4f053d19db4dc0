import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { AuthConfig } from '@licensregistret/domain';

import { AuthStore } from '../core/auth/auth.store';
import { AccessibilityPage } from './accessibility.page';

const plain = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

const config = (accessibilityContact: string | null): AuthConfig => ({
  demoPassword: null,
  oidc: { enabled: false, label: '' },
  accessibilityContact,
});

describe('AccessibilityPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [AccessibilityPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  function render() {
    const fixture = TestBed.createComponent(AccessibilityPage);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    return { element, settle };
  }

  /** Renders the page with the API's answer to `GET /api/auth/config`. */
  async function renderWith(answer: AuthConfig): Promise<HTMLElement> {
    const { element, settle } = render();
    http.expectOne('/api/auth/config').flush(answer);
    await settle();
    return element;
  }

  function hrefs(element: HTMLElement): (string | null)[] {
    return [...element.querySelectorAll('a')].map((a) => a.getAttribute('href'));
  }

  it('is the accessibility statement the act asks for, with its parts', async () => {
    const element = await renderWith(config('tillganglighet@kommun.example.se'));
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Tillgänglighetsredogörelse');
    expect(element.textContent).toContain('lagen (2018:1937)');
    const headings = [...element.querySelectorAll('h2')].map((h) => h.textContent?.trim());
    expect(headings).toEqual([
      'Hur tillgänglig är webbplatsen?',
      'Vad kan du göra om du inte kan använda delar av webbplatsen?',
      'Rapportera brister i webbplatsens tillgänglighet',
      'Tillsyn',
      'Teknisk information om webbplatsens tillgänglighet',
      'Hur vi har testat webbplatsen',
    ]);
  });

  it('offers the municipality’s address to report problems to, and the supervisory authority', async () => {
    const element = await renderWith(config('tillganglighet@kommun.example.se'));
    const mailto =
      'mailto:tillganglighet@kommun.example.se?subject=Tillg%C3%A4nglighet%20i%20Licensregistret';
    expect(hrefs(element).filter((href) => href === mailto)).toHaveLength(2);
    expect(plain(element.textContent)).toContain(
      'kan du kontakta oss på tillganglighet@kommun.example.se. Du får svar inom fem arbetsdagar.',
    );
    expect(element.textContent).not.toContain('kontaktcenter');
    expect(hrefs(element)).toContain('https://www.digg.se/tdosanmalan');
    expect(hrefs(element)).toContain('/tjanster');
  });

  it('points to the contact centre, with no made-up address, when none is configured', async () => {
    const element = await renderWith(config(null));
    const text = plain(element.textContent);
    expect(text).toContain('kan du kontakta kommunens kontaktcenter. Du får svar inom');
    expect(text).toContain('kan du rapportera det till kommunens kontaktcenter.');
    expect(text).not.toContain('@');
    expect(hrefs(element).some((href) => href?.startsWith('mailto:'))).toBe(false);
    expect(hrefs(element)).toContain('https://www.digg.se/tdosanmalan');
  });

  it('points to the contact centre when the API does not answer', async () => {
    const { element, settle } = render();
    http.expectOne('/api/auth/config').error(new ProgressEvent('error'), { status: 0 });
    await settle();
    expect(element.textContent).toContain('kommunens kontaktcenter');
    expect(hrefs(element).some((href) => href?.startsWith('mailto:'))).toBe(false);
  });

  it('says it is fetching the contact details meanwhile', () => {
    const { element } = render();
    expect(plain(element.textContent)).toContain('Hämtar kontaktuppgifter …');
    expect(element.textContent).not.toContain('kontaktcenter');
    http.expectOne('/api/auth/config').flush(config(null));
  });

  it('uses the settings already loaded, without asking again', async () => {
    const store = TestBed.inject(AuthStore);
    const loading = store.loadConfig();
    http.expectOne('/api/auth/config').flush(config('tillganglighet@kommun.example.se'));
    await loading;

    const { element } = render();
    http.expectNone('/api/auth/config');
    expect(element.textContent).toContain('tillganglighet@kommun.example.se');
  });
});
