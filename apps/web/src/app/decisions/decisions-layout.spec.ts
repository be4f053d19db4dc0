import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { DecisionsLayout } from './decisions-layout';

describe('DecisionsLayout', () => {
  it('has its own menu: the queue and the demand', async () => {
    TestBed.configureTestingModule({ imports: [DecisionsLayout], providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(DecisionsLayout);
    fixture.detectChanges();
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('nav')?.getAttribute('aria-label')).toBe('Beslutsrutin');
    const links = [...element.querySelectorAll('nav a')].map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['Kö', '/beslut'],
      ['Efterfrågan', '/beslut/efterfragan'],
    ]);
  });
});
