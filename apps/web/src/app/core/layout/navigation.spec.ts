import { ROLES, type Role } from '@licensregistret/domain';

import { NAVIGATION, areasFor } from './navigation';

const labels = (roles: Role[] | null) => areasFor(roles).map((area) => area.label);

describe('areasFor', () => {
  it('shows nothing to someone signed out', () => {
    expect(labels(null)).toEqual([]);
  });

  it('shows a requester the catalogue and requests', () => {
    expect(labels(['REQUESTER'])).toEqual(['Katalog', 'Begäranden']);
  });

  it('shows an administrator the catalogue and Administration', () => {
    expect(labels(['ADMIN'])).toEqual([
      'Katalog',
      'Översikt',
      'Registerförteckning',
      'Administration',
    ]);
  });

  it('shows procurement the decision routine and agreements', () => {
    expect(labels(['PROCUREMENT'])).toEqual([
      'Katalog',
      'Beslutsrutin',
      'Avtal',
      'Översikt',
      'Registerförteckning',
    ]);
  });

  it('shows a reader everything but Administration', () => {
    expect(labels(['READ_ONLY'])).toEqual([
      'Katalog',
      'Begäranden',
      'Beslutsrutin',
      'Avtal',
      'Översikt',
      'Registerförteckning',
    ]);
  });

  it('adds up the areas of several roles', () => {
    expect(labels(['REQUESTER', 'ADMIN'])).toEqual([
      'Katalog',
      'Begäranden',
      'Översikt',
      'Registerförteckning',
      'Administration',
    ]);
  });

  it('keeps Administration for administrators alone', () => {
    const administration = NAVIGATION.find((area) => area.path === 'administration');
    expect(administration?.roles).toEqual(['ADMIN']);
    for (const role of ROLES.filter((candidate) => candidate !== 'ADMIN')) {
      expect(labels([role])).not.toContain('Administration');
    }
  });

  it('shows the record of processing to data protection and the other governance roles, not to schools', () => {
    expect(labels(['DATA_PROTECTION'])).toContain('Registerförteckning');
    expect(labels(['REQUESTER'])).not.toContain('Registerförteckning');
    expect(labels(['PRINCIPAL'])).not.toContain('Registerförteckning');
  });
});
