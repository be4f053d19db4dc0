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
});
