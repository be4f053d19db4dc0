import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { REQUEST_EVENT_KINDS } from '@licensregistret/domain';

import { testEvent } from '../../decisions/decision.testing';
import type { RequestAudience } from './request-audience';
import { REQUEST_EVENT_LABELS, requestEventLabel } from './request-event-labels';
import { RequestHistory, type RequestHistoryState } from './request-history';

const plain = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() ?? '';

/** A host that puts a form inside, as the pages put the comment form. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RequestHistory],
  template: `<lr-request-history [events]="events()" [audience]="audience()"
    ><form aria-label="Kommentar"></form
  ></lr-request-history>`,
})
class Host {
  readonly events = input.required<RequestHistoryState>();
  readonly audience = input.required<RequestAudience>();
}

function render(events: RequestHistoryState, audience: RequestAudience): HTMLElement {
  const fixture = TestBed.createComponent(Host);
  fixture.componentRef.setInput('events', events);
  fixture.componentRef.setInput('audience', audience);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

const submitted = testEvent();
const triage = testEvent({
  id: 'e2',
  occurredAt: '2026-02-03T08:00:00Z',
  kind: 'START_TRIAGE',
  fromState: 'SUBMITTED',
  toState: 'IN_TRIAGE',
  actorName: 'Olle Objektspecialist',
});
const comment = testEvent({
  id: 'e3',
  occurredAt: '2026-02-04T12:00:00Z',
  kind: 'COMMENT',
  fromState: 'IN_TRIAGE',
  toState: 'IN_TRIAGE',
  actorName: null,
  text: 'Rad ett\nRad två',
});

describe('RequestHistory', () => {
  it.each<[RequestAudience, string]>([
    ['school', 'H2'],
    ['routine', 'H3'],
  ])(
    'for the %s: a section named by its %s heading, the events oldest first, then what the host puts in',
    (audience, level) => {
      const element = render({ kind: 'loaded', value: [comment, triage, submitted] }, audience);
      const section = element.querySelector('section');
      const heading = section?.querySelector('h2, h3');
      expect(heading?.tagName).toBe(level);
      expect(plain(heading?.textContent)).toBe('Historik');
      expect(section?.getAttribute('aria-labelledby')).toBe(heading?.id);

      const items = [...element.querySelectorAll('ol.history > li')];
      expect(items.map((li) => plain(li.querySelector('.history-head')?.textContent))).toEqual([
        '2026-02-02 10:30: Begäran skickades in (Lena Lärspridare)',
        '2026-02-03 09:00: Bedömningen började (Olle Objektspecialist)',
        '2026-02-04 13:00: Kommentar (systemet)',
      ]);
      expect(items[0]?.querySelector('time')?.getAttribute('datetime')).toBe(
        '2026-02-02T09:30:00Z',
      );
      // The arrow is for the eye; a screen reader hears "Inskickad blev Bedöms".
      const change = items[1]?.querySelectorAll('p')[1];
      expect(change?.querySelector('[aria-hidden="true"]')?.textContent).toBe('→');
      expect(plain(change?.querySelector('.visually-hidden')?.textContent)).toBe('blev');
      expect(plain(change?.textContent)).toBe('Inskickad → blev Bedöms');
      // A comment keeps the state: no change line, the text as written.
      expect(items[2]?.querySelectorAll('p')).toHaveLength(2);
      expect(items[2]?.querySelector('.text')?.textContent).toBe('Rad ett\nRad två');

      const form = section?.querySelector('form');
      const list = section?.querySelector('ol');
      expect(form && list && list.compareDocumentPosition(form)).toBe(
        Node.DOCUMENT_POSITION_FOLLOWING,
      );
    },
  );

  it.each<RequestAudience>(['school', 'routine'])(
    'for the %s: says when nothing has happened, and keeps the form',
    (audience) => {
      const element = render({ kind: 'loaded', value: [] }, audience);
      expect(element.querySelector('ol')).toBeNull();
      expect(plain(element.querySelector('section p')?.textContent)).toBe(
        'Inget har hänt med begäran än.',
      );
      expect(element.querySelector('section form')).not.toBeNull();
    },
  );

  it.each<RequestAudience>(['school', 'routine'])(
    'for the %s: says the history is on its way, or could not be read',
    (audience) => {
      const loading = render({ kind: 'loading' }, audience);
      expect(loading.querySelector('[role="status"]')?.textContent?.trim()).toBe(
        'Hämtar historiken …',
      );
      const failed = render({ kind: 'failed' }, audience);
      expect(failed.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
        'Historiken kunde inte hämtas. Försök igen om en stund.',
      );
      expect(failed.querySelector('ol')).toBeNull();
      expect(failed.querySelector('h2, h3')?.textContent?.trim()).toBe('Historik');
    },
  );

  it('names the outcome of each decision, so a decision and its correction read apart', () => {
    const element = render(
      {
        kind: 'loaded',
        value: [
          testEvent({
            id: 'd1',
            kind: 'DECIDE',
            fromState: 'IN_REVIEW',
            toState: 'DECIDED',
            outcome: 'REJECTED',
          }),
          testEvent({
            id: 'd2',
            occurredAt: '2026-02-05T08:00:00Z',
            kind: 'CORRECT_DECISION',
            fromState: 'DECIDED',
            toState: 'DECIDED',
            outcome: 'APPROVED_WITH_CONDITIONS',
            text: 'Villkoren saknades.',
          }),
        ],
      },
      'routine',
    );
    expect(
      [...element.querySelectorAll('.history-head')].map((head) => plain(head.textContent)),
    ).toEqual([
      '2026-02-02 10:30: Beslut fattades: Avslagen (Lena Lärspridare)',
      '2026-02-05 09:00: Beslutet rättades: Godkänd med villkor (Lena Lärspridare)',
    ]);
  });

  it('names every kind of event in words, and one it does not know as it is', () => {
    for (const kind of REQUEST_EVENT_KINDS) {
      expect(REQUEST_EVENT_LABELS[kind]).toMatch(/^[A-ZÅÄÖ][a-zåäö ]+$/);
    }
    expect(requestEventLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    const element = render(
      { kind: 'loaded', value: [testEvent({ kind: 'SOMETHING_NEW' as never })] },
      'routine',
    );
    expect(plain(element.querySelector('.history-head')?.textContent)).toContain(
      'SOMETHING_NEW (Lena Lärspridare)',
    );
  });
});
