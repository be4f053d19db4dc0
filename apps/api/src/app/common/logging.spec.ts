import { redactUrl } from './logging';

describe('redactUrl', () => {
  it.each([
    ['/api/calendar/s3cr3t-T0ken_abc/deadlines.ics', '/api/calendar/[redacted]/deadlines.ics'],
    ['/api/calendar/s3cr3t/deadlines.ics?x=1', '/api/calendar/[redacted]/deadlines.ics?x=1'],
    ['/api/calendar/feed', '/api/calendar/feed'],
    ['/api/calendar/feed?x=1', '/api/calendar/feed?x=1'],
    [
      '/api/auth/oidc/callback?code=abc&state=def&iss=https%3A%2F%2Fidp',
      '/api/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp',
    ],
    ['/api/requests?state=SUBMITTED&code=1', '/api/requests?state=[redacted]&code=[redacted]'],
    ['/api/agreements?sort=endsOn', '/api/agreements?sort=endsOn'],
  ])('logs %s as %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});
