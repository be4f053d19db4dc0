import { GOVERNANCE, type Role, mayCall } from '@licensregistret/domain';

/** Who may use an area: anyone signed in, or accounts having one of the roles. */
export type AreaAccess = 'SIGNED_IN' | readonly Role[];

/** An area of the product in the main navigation. */
export interface NavigationArea {
  path: string;
  label: string;
  /** Who the area is for, shown on its page. */
  description: string;
  /** True until the area is built; its page then says what is coming. */
  comingSoon: boolean;
  /** Who sees the area in the menu and may open it: the one rule for both (see app.routes). */
  roles: AreaAccess;
}

export const NAVIGATION: readonly NavigationArea[] = [
  {
    path: 'katalog',
    label: 'Katalog',
    description: 'Godkända digitala tjänster, och vilka av dem din skolenhet redan har licens för.',
    comingSoon: false,
    roles: 'SIGNED_IN',
  },
  {
    path: 'begaranden',
    label: 'Begäranden',
    description: 'Begär ett nytt digitalt verktyg och följ begäran fram till beslut och skäl.',
    comingSoon: false,
    roles: ['REQUESTER', 'PRINCIPAL', 'OBJECT_SPECIALIST', 'OBJECT_MANAGER', 'READ_ONLY'],
  },
  {
    path: 'beslut',
    label: 'Beslutsrutin',
    description:
      'Objektspecialisternas kö: bedömning, GDPR, informationssäkerhet, avtal och kostnad, beslut.',
    comingSoon: false,
    roles: [
      'OBJECT_SPECIALIST',
      'OBJECT_MANAGER',
      'DATA_PROTECTION',
      'INFORMATION_SECURITY',
      'PROCUREMENT',
      'READ_ONLY',
    ],
  },
  {
    path: 'avtal',
    label: 'Avtal',
    description:
      'Avtalsstatus för upphandling: perioder, uppsägningstider, förlängningar och kostnad.',
    comingSoon: false,
    roles: ['PROCUREMENT', 'OBJECT_MANAGER', 'OBJECT_SPECIALIST', 'READ_ONLY'],
  },
  {
    path: 'oversikt',
    label: 'Översikt',
    description:
      'Nyckeltal: avtal, begäranden och tid till beslut, kostnad, förnyelser och likvärdighet.',
    comingSoon: false,
    roles: GOVERNANCE,
  },
  {
    path: 'registerforteckning',
    label: 'Registerförteckning',
    description:
      'Behandlingar av personuppgifter i de godkända tjänsterna (artikel 30 i dataskyddsförordningen).',
    comingSoon: false,
    roles: GOVERNANCE,
  },
  {
    path: 'administration',
    label: 'Administration',
    description: 'Skolenheter, konton och roller.',
    comingSoon: false,
    roles: ['ADMIN'],
  },
];

/** The areas someone with these roles may use; none when signed out (`null`). */
export function areasFor(roles: readonly Role[] | null): NavigationArea[] {
  return NAVIGATION.filter((area) => mayCall(area.roles, roles));
}

export function navigationArea(path: string): NavigationArea {
  const area = NAVIGATION.find((candidate) => candidate.path === path);
  if (!area) throw new Error(`No navigation area "${path}"`);
  return area;
}
