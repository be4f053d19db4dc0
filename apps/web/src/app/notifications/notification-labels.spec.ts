import { notificationLink } from './notification-labels';

describe('notificationLink', () => {
  it('opens the request’s page for the school’s roles', () => {
    expect(notificationLink({ requestId: 'r-42' }, ['REQUESTER'])).toEqual({
      commands: ['/', 'begaranden', 'r-42'],
      queryParams: {},
    });
  });

  it('opens the request in the decision queue’s side panel for the routine’s roles', () => {
    for (const role of ['OBJECT_SPECIALIST', 'DATA_PROTECTION'] as const) {
      expect(notificationLink({ requestId: 'r-42' }, [role])).toEqual({
        commands: ['/beslut'],
        queryParams: { begaran: 'r-42' },
      });
    }
  });

  it('links nowhere without a request, or for someone who may use neither area', () => {
    expect(notificationLink({ requestId: null }, ['REQUESTER'])).toBeNull();
    expect(notificationLink({ requestId: 'r-42' }, ['ADMIN'])).toBeNull();
  });

  it('opens a wanted review’s form for the role that makes it, else the request', () => {
    const wanted = { requestId: 'r-42', serviceId: 's-7', reviewKind: 'DATA_PROTECTION' as const };
    expect(notificationLink(wanted, ['DATA_PROTECTION'])).toEqual({
      commands: ['/beslut/granskning', 's-7', 'dataskydd'],
      queryParams: {},
    });
    expect(notificationLink(wanted, ['OBJECT_SPECIALIST'])).toEqual({
      commands: ['/beslut'],
      queryParams: { begaran: 'r-42' },
    });
  });
});
