import { ACCESS_POLICY, mayCall } from './access-policy';
import { ROLES } from './roles';

describe('mayCall', () => {
  it('lets anyone call a public route', () => {
    expect(mayCall('PUBLIC', null)).toBe(true);
  });

  it('needs a signed-in account for SIGNED_IN routes, whatever its roles', () => {
    expect(mayCall('SIGNED_IN', null)).toBe(false);
    expect(mayCall('SIGNED_IN', ['READ_ONLY'])).toBe(true);
  });

  it('needs one of the listed roles otherwise', () => {
    expect(mayCall(['ADMIN'], ['REQUESTER', 'PRINCIPAL'])).toBe(false);
    expect(mayCall(['ADMIN'], ['READ_ONLY', 'ADMIN'])).toBe(true);
    expect(mayCall(['ADMIN'], null)).toBe(false);
  });
});

describe('ACCESS_POLICY', () => {
  it('names only existing roles, and keys as "METHOD /api/path"', () => {
    for (const [route, access] of Object.entries(ACCESS_POLICY)) {
      // A file name may end a path (the calendar feed's `deadlines.ics`).
      expect(route).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/api\/[a-z0-9/:-]+(\.[a-z]+)?$/);
      if (Array.isArray(access)) {
        expect(access.length).toBeGreaterThan(0);
        expect(access.every((role) => (ROLES as readonly string[]).includes(role))).toBe(true);
      }
    }
  });

  it('keeps account administration to admins', () => {
    const accountRoutes = Object.entries(ACCESS_POLICY).filter(([route]) =>
      route.includes('/api/accounts'),
    );
    expect(accountRoutes.length).toBeGreaterThan(0);
    expect(accountRoutes.every(([, access]) => JSON.stringify(access) === '["ADMIN"]')).toBe(true);
  });
});
