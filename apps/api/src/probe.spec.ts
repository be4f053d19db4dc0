import * as client from 'openid-client';

it('loads', () => {
  expect(typeof client.discovery).toBe('function');
});
