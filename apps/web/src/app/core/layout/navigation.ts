/** An area of the product in the main navigation. */
export interface NavigationArea {
  path: string;
  label: string;
  /** Who the area is for, shown on its page. */
  description: string;
  /** True until the area is built; its page then says what is coming. */
  comingSoon: boolean;
}

export const NAVIGATION: readonly NavigationArea[] = [
  {
    path: 'katalog',
    label: 'Katalog',
    description: 'Digitala tjänster som redan är licensierade för kommunens skolor.',
    comingSoon: false,
  },
  {
    path: 'begaranden',
    label: 'Begäranden',
    description: 'Begär ett nytt digitalt verktyg och följ begäran fram till beslut och skäl.',
    comingSoon: true,
  },
  {
    path: 'beslut',
    label: 'Beslutsrutin',
    description:
      'Objektspecialisternas kö: bedömning, GDPR, informationssäkerhet, avtal och kostnad, beslut.',
    comingSoon: true,
  },
  {
    path: 'avtal',
    label: 'Avtal',
    description:
      'Avtalsstatus för upphandling: perioder, uppsägningstider, förlängningar och kostnad.',
    comingSoon: true,
  },
  {
    path: 'administration',
    label: 'Administration',
    description: 'Skolenheter, konton och roller.',
    comingSoon: true,
  },
];
