import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { ACCESSIBILITY_CONTACT } from './accessibility-contact';
import { AccessibilityPage } from './accessibility.page';

describe('AccessibilityPage', () => {
  function render(): HTMLElement {
    TestBed.configureTestingModule({
      imports: [AccessibilityPage],
      providers: [provideRouter([])],
    });
    const fixture = TestBed.createComponent(AccessibilityPage);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('is the accessibility statement the act asks for, with its parts', () => {
    const element = render();
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

  it('offers a way to report problems, and the supervisory authority', () => {
    const element = render();
    const hrefs = [...element.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain(
      `mailto:${ACCESSIBILITY_CONTACT.email}?subject=Tillg%C3%A4nglighet%20i%20Licensregistret`,
    );
    expect(hrefs).toContain('https://www.digg.se/tdosanmalan');
    expect(hrefs).toContain('/tjanster');
  });
});
