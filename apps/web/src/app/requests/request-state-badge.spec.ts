import { TestBed } from '@angular/core/testing';

import type { DecisionOutcome, RequestState } from '@licensregistret/domain';

import { RequestStateBadge } from './request-state-badge';

function badge(state: RequestState, outcome: DecisionOutcome | null = null): HTMLElement {
  const fixture = TestBed.createComponent(RequestStateBadge);
  fixture.componentRef.setInput('state', state);
  fixture.componentRef.setInput('outcome', outcome);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('RequestStateBadge', () => {
  it.each([
    ['APPROVED', 'Godkänd'],
    ['APPROVED_WITH_CONDITIONS', 'Godkänd med villkor'],
    ['REJECTED', 'Avslagen'],
  ] as const)(
    'says a decided request’s outcome %s in words and marks it for its colour',
    (outcome, text) => {
      const element = badge('DECIDED', outcome);
      expect(element.textContent?.trim()).toBe(text);
      expect(element.getAttribute('data-outcome')).toBe(outcome);
    },
  );

  it('says "Beslutad" when the outcome is not known', () => {
    expect(badge('DECIDED').textContent?.trim()).toBe('Beslutad');
  });

  it('shows the state, not an earlier outcome, once a request has moved on', () => {
    const element = badge('IN_REVIEW', 'REJECTED');
    expect(element.textContent?.trim()).not.toBe('Avslagen');
    expect(element.hasAttribute('data-outcome')).toBe(false);
  });
});
