import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { App } from './app';
import { NAVIGATION } from './core/layout/navigation';

describe('App shell', () => {
  it('offers a skip link, the product name and every area in the main navigation', () => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(App);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('.skip-link')?.getAttribute('href')).toBe('#innehall');
    expect(element.querySelector('.brand-name')?.textContent).toBe('Licensregistret');
    const links = [...element.querySelectorAll('nav[aria-label="Huvudmeny"] a')].map((a) =>
      a.textContent?.trim(),
    );
    expect(links).toEqual(['Start', ...NAVIGATION.map((area) => area.label)]);
  });
});
