import { TestBed } from '@angular/core/testing';

import { CONTRACT_STATUSES, CONTRACT_STATUS_LABELS } from '@licensregistret/domain';

import { StatusBadge } from './status-badge';

describe('StatusBadge', () => {
  function render(status: (typeof CONTRACT_STATUSES)[number]): HTMLElement {
    const fixture = TestBed.createComponent(StatusBadge);
    fixture.componentRef.setInput('status', status);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('says the status in Swedish words, not by colour alone', () => {
    expect(render('ACTION_NEEDED').textContent?.trim()).toBe('Åtgärd krävs');
    expect(render('NOTICE_WINDOW_PASSED').textContent?.trim()).toBe('Uppsägningstiden passerad');
  });

  it.each(CONTRACT_STATUSES)('has a text and a colour hook for %s', (status) => {
    const badge = render(status);
    expect(badge.textContent?.trim()).toBe(CONTRACT_STATUS_LABELS[status]);
    expect(badge.getAttribute('data-status')).toBe(status);
    expect(badge.classList).toContain('status-badge');
  });

  it('follows a change of status', () => {
    const fixture = TestBed.createComponent(StatusBadge);
    fixture.componentRef.setInput('status', 'ACTIVE');
    fixture.detectChanges();
    fixture.componentRef.setInput('status', 'EXPIRING');
    fixture.detectChanges();
    const badge = fixture.nativeElement as HTMLElement;
    expect(badge.textContent?.trim()).toBe('Löper snart ut');
    expect(badge.getAttribute('data-status')).toBe('EXPIRING');
  });
});
