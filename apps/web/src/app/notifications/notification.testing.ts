import type { Notification } from '@licensregistret/domain';

/** A notification as the API answers, for tests: an unread decision on request 42. */
export function testNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: 'n1',
    kind: 'REQUEST_DECIDED',
    subject: 'Begäran 42 om Polylino är beslutad',
    body: 'Beslut: Godkänd.',
    requestId: 'r-42',
    serviceId: null,
    reviewKind: null,
    createdAt: '2026-04-01T12:00:00.000Z',
    readAt: null,
    ...overrides,
  };
}
