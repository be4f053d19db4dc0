import { AGREEMENT_ROUTE_ACTIONS } from './agreement-lifecycle';
import { EVENT_KINDS, REQUEST_EVENT_KINDS, isEventKind, requestEventKindOf } from './event-kinds';
import { REQUEST_MOVES } from './request-routine';

describe('event kinds', () => {
  it('list each stored kind once: records, agreement actions, service reviews, sharing, documents, a request’s rows and every move', () => {
    expect(new Set(EVENT_KINDS).size).toBe(EVENT_KINDS.length);
    expect(EVENT_KINDS).toEqual(
      expect.arrayContaining([
        'created',
        'updated',
        'review',
        'change-reported',
        'review-published',
        'decision-published',
        'document-added',
        'document-removed',
        'CREATED',
        'EDITED',
        'COMMENT',
        'JOINED',
        ...REQUEST_MOVES,
        ...AGREEMENT_ROUTE_ACTIONS,
      ]),
    );
    expect(EVENT_KINDS).toHaveLength(12 + REQUEST_MOVES.length + AGREEMENT_ROUTE_ACTIONS.length);
    expect(isEventKind('SUBMIT')).toBe(true);
    expect(isEventKind('submitted')).toBe(false);
  });

  it('name a service’s review events in a request’s history, and keep the request’s own', () => {
    expect(requestEventKindOf('review')).toBe('REVIEW');
    expect(requestEventKindOf('change-reported')).toBe('SERVICE_CHANGED');
    expect(requestEventKindOf('DECIDE')).toBe('DECIDE');
    expect(new Set(REQUEST_EVENT_KINDS).size).toBe(REQUEST_EVENT_KINDS.length);
    expect(REQUEST_EVENT_KINDS).toHaveLength(6 + REQUEST_MOVES.length);
  });
});
