import { notificationLink } from './notification-labels';

describe('notificationLink', () => {
  it('opens the request for those who may use the request area', () => {
    expect(notificationLink({ requestId: 'r-42' }, ['REQUESTER'])).toEqual([
      '/',
      'begaranden',
      'r-42',
    ]);
    expect(notificationLink({ requestId: 'r-42' }, ['OBJECT_SPECIALIST'])).toEqual([
      '/',
      'begaranden',
      'r-42',
    ]);
  });

  it('sends a reviewer who may not see the request area to the decision routine', () => {
    expect(notificationLink({ requestId: 'r-42' }, ['DATA_PROTECTION'])).toEqual(['/', 'beslut']);
  });

  it('links nowhere without a request, or for someone who may use neither area', () => {
    expect(notificationLink({ requestId: null }, ['REQUESTER'])).toBeNull();
    expect(notificationLink({ requestId: 'r-42' }, ['ADMIN'])).toBeNull();
  });
});
