import type { NetworkGroup, Role } from '@licensregistret/domain';

/** Shared password of the demo accounts; shown in the README and, in demo mode, on sign-in. */
export const DEMO_PASSWORD = 'Skolverktyg-2026';

export const DEMO_MUNICIPALITY = { name: 'Örebro kommun', slug: 'orebro' };
export const DEMO_ADMINISTRATION = 'Förvaltning förskola och skola';

export interface DemoUnit {
  name: string;
  code: string | null;
  /** In the CSV import's notation, e.g. `GR:F-3 GR:4-6`. */
  forms: string;
  pupils: number;
  group: NetworkGroup;
}

/**
 * An Örebro-like municipality: the units named in shared/domain.md and enough others for six
 * network groups. School unit codes are made up (eight digits), pupil counts plausible.
 */
export const DEMO_UNITS: readonly DemoUnit[] = [
  { name: 'Mellringeskolan 7-9', code: '18020101', forms: 'GR:7-9', pupils: 410, group: 'Norr' },
  {
    name: 'Mellringeskolan F-6',
    code: '18020102',
    forms: 'GR:F-3 GR:4-6',
    pupils: 380,
    group: 'Norr',
  },
  { name: 'Björkhagaskolan F-3', code: '18020103', forms: 'GR:F-3', pupils: 190, group: 'Söder' },
  { name: 'Gumaeliusskolan 7-9', code: '18020104', forms: 'GR:7-9', pupils: 520, group: 'Centrum' },
  {
    name: 'Wallerska skolan F-6',
    code: '18020105',
    forms: 'GR:F-3 GR:4-6',
    pupils: 300,
    group: 'Centrum',
  },
  {
    name: 'Hagaskolan F-6',
    code: '18020106',
    forms: 'GR:F-3 GR:4-6',
    pupils: 260,
    group: 'Väster',
  },
  {
    name: 'Adolfsbergsskolan F-6',
    code: '18020107',
    forms: 'GR:F-3 GR:4-6',
    pupils: 450,
    group: 'Söder',
  },
  {
    name: 'Almbyskolan F-6',
    code: '18020108',
    forms: 'GR:F-3 GR:4-6',
    pupils: 340,
    group: 'Öster',
  },
  {
    name: 'Askenässkolan F-6',
    code: '18020109',
    forms: 'GR:F-3 GR:4-6',
    pupils: 210,
    group: 'Landsbygd',
  },
  {
    name: 'Bettorpsskolan F-6',
    code: '18020110',
    forms: 'GR:F-3 GR:4-6',
    pupils: 290,
    group: 'Väster',
  },
  {
    name: 'Brickebackens skola F-6',
    code: '18020111',
    forms: 'GR:F-3 GR:4-6',
    pupils: 330,
    group: 'Väster',
  },
  {
    name: 'Engelbrektsskolan F-6',
    code: '18020112',
    forms: 'GR:F-3 GR:4-6',
    pupils: 400,
    group: 'Centrum',
  },
  { name: 'Eyraskolan F-6', code: '18020113', forms: 'GR:F-3 GR:4-6', pupils: 270, group: 'Öster' },
  {
    name: 'Glanshammars skola F-9',
    code: '18020114',
    forms: 'GR:F-3 GR:4-6 GR:7-9',
    pupils: 350,
    group: 'Landsbygd',
  },
  {
    name: 'Hovstaskolan F-6',
    code: '18020115',
    forms: 'GR:F-3 GR:4-6',
    pupils: 240,
    group: 'Norr',
  },
  {
    name: 'Karlslundsskolan F-6',
    code: '18020116',
    forms: 'GR:F-3 GR:4-6',
    pupils: 280,
    group: 'Söder',
  },
  {
    name: 'Kvinnerstaskolan F-6',
    code: '18020117',
    forms: 'GR:F-3 GR:4-6',
    pupils: 150,
    group: 'Landsbygd',
  },
  {
    name: 'Lillåns skola F-6',
    code: '18020118',
    forms: 'GR:F-3 GR:4-6',
    pupils: 310,
    group: 'Norr',
  },
  { name: 'Nikolaiskolan 7-9', code: '18020119', forms: 'GR:7-9', pupils: 480, group: 'Centrum' },
  {
    name: 'Norrbyskolan F-6',
    code: '18020120',
    forms: 'GR:F-3 GR:4-6',
    pupils: 230,
    group: 'Norr',
  },
  {
    name: 'Olaus Petriskolan 7-9',
    code: '18020121',
    forms: 'GR:7-9',
    pupils: 430,
    group: 'Centrum',
  },
  {
    name: 'Rostaskolan F-6',
    code: '18020122',
    forms: 'GR:F-3 GR:4-6',
    pupils: 250,
    group: 'Väster',
  },
  {
    name: 'Sörbyängsskolan F-6',
    code: '18020123',
    forms: 'GR:F-3 GR:4-6',
    pupils: 360,
    group: 'Öster',
  },
  { name: 'Tybble skola 7-9', code: '18020124', forms: 'GR:7-9', pupils: 390, group: 'Väster' },
  {
    name: 'Vivallaskolan F-9',
    code: '18020125',
    forms: 'GR:F-3 GR:4-6 GR:7-9',
    pupils: 620,
    group: 'Väster',
  },
  {
    name: 'Västra Engelbrektsskolan 7-9',
    code: '18020126',
    forms: 'GR:7-9',
    pupils: 340,
    group: 'Centrum',
  },
  {
    name: 'Ängens skola F-6',
    code: '18020127',
    forms: 'GR:F-3 GR:4-6',
    pupils: 200,
    group: 'Söder',
  },
  { name: 'Örnsköldsskolan 7-9', code: '18020128', forms: 'GR:7-9', pupils: 370, group: 'Öster' },
  {
    name: 'Odensbackens skola F-9',
    code: '18020129',
    forms: 'GR:F-3 GR:4-6 GR:7-9',
    pupils: 330,
    group: 'Landsbygd',
  },
  { name: 'Ekeskolan', code: '18020130', forms: 'GRS', pupils: 60, group: 'Söder' },
  {
    name: 'Lillåns anpassade grundskola',
    code: '18020131',
    forms: 'GRS',
    pupils: 45,
    group: 'Norr',
  },
  { name: 'Rudbecksskolan', code: '18020132', forms: 'GY', pupils: 1400, group: 'Centrum' },
  { name: 'Risbergska skolan', code: '18020133', forms: 'GY GYS', pupils: 1100, group: 'Öster' },
  { name: 'Tullängsskolan', code: '18020134', forms: 'GY', pupils: 1200, group: 'Norr' },
  { name: 'Karolinska skolan', code: '18020135', forms: 'GY', pupils: 900, group: 'Centrum' },
  {
    name: 'Vuxenutbildningen Örebro',
    code: '18020136',
    forms: 'VUX',
    pupils: 2100,
    group: 'Centrum',
  },
  { name: 'Förskolan Tallbacken', code: null, forms: 'FS', pupils: 80, group: 'Norr' },
  { name: 'Förskolan Solrosen', code: null, forms: 'FS', pupils: 95, group: 'Söder' },
  { name: 'Förskolan Hjortstigen', code: null, forms: 'FS', pupils: 70, group: 'Öster' },
  { name: 'Förskolan Vattentornet', code: null, forms: 'FS', pupils: 110, group: 'Väster' },
  { name: 'Förskolan Kulturhuset', code: null, forms: 'FS', pupils: 60, group: 'Centrum' },
  { name: 'Förskolan Ekbacken', code: null, forms: 'FS', pupils: 55, group: 'Landsbygd' },
];

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  /** Names of the units the account acts for. */
  units: string[];
}

/** One demo account per role (two principals, for demand from several units), all with DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'skola',
    displayName: 'Sara Lärspridare',
    roles: ['REQUESTER'],
    units: ['Mellringeskolan 7-9'],
  },
  {
    username: 'rektor',
    displayName: 'Rolf Rektorsson',
    roles: ['PRINCIPAL'],
    units: ['Mellringeskolan 7-9'],
  },
  {
    username: 'rektorhaga',
    displayName: 'Hanna Rektor',
    roles: ['PRINCIPAL'],
    units: ['Hagaskolan F-6', 'Wallerska skolan F-6'],
  },
  {
    username: 'specialist',
    displayName: 'Stina Objektspecialist',
    roles: ['OBJECT_SPECIALIST'],
    units: [],
  },
  {
    username: 'objektledare',
    displayName: 'Olle Objektledare',
    roles: ['OBJECT_MANAGER'],
    units: [],
  },
  { username: 'upphandlare', displayName: 'Ulla Upphandlare', roles: ['PROCUREMENT'], units: [] },
  { username: 'dataskydd', displayName: 'Dan Dataskydd', roles: ['DATA_PROTECTION'], units: [] },
  {
    username: 'infosak',
    displayName: 'Ida Informationssäkerhet',
    roles: ['INFORMATION_SECURITY'],
    units: [],
  },
  { username: 'admin', displayName: 'Anna Systemförvaltare', roles: ['ADMIN'], units: [] },
  { username: 'lasare', displayName: 'Lars Läsare', roles: ['READ_ONLY'], units: [] },
];

export const demoEmail = (username: string) => `${username}@demo.licensregistret.se`;

/**
 * The demo's two other municipalities, sharing one registry with Örebro: their own schools, the
 * same demo user names (signing in names the municipality) and some of the municipality-wide
 * agreements. No requests: their routine starts empty.
 */
export interface DemoNeighbour {
  name: string;
  slug: string;
  units: readonly DemoUnit[];
  /** The units of the demo accounts that act for units, by user name. */
  accountUnits: Readonly<Record<string, readonly string[]>>;
  /** Keys of demoAgreements they have too. */
  agreements: readonly string[];
}

export const DEMO_NEIGHBOURS: readonly DemoNeighbour[] = [
  {
    name: 'Kumla kommun',
    slug: 'kumla',
    units: [
      {
        name: 'Kumlaby skola 7-9',
        code: '18810101',
        forms: 'GR:7-9',
        pupils: 380,
        group: 'Centrum',
      },
      {
        name: 'Södra skolan F-6',
        code: '18810102',
        forms: 'GR:F-3 GR:4-6',
        pupils: 310,
        group: 'Söder',
      },
      {
        name: 'Hällabrottets skola F-6',
        code: '18810103',
        forms: 'GR:F-3 GR:4-6',
        pupils: 190,
        group: 'Landsbygd',
      },
      { name: 'Förskolan Sörbyn', code: null, forms: 'FS', pupils: 70, group: 'Söder' },
    ],
    accountUnits: {
      skola: ['Kumlaby skola 7-9'],
      rektor: ['Kumlaby skola 7-9'],
      rektorhaga: ['Södra skolan F-6', 'Hällabrottets skola F-6'],
    },
    agreements: ['ne', 'polylino'],
  },
  {
    name: 'Lindesbergs kommun',
    slug: 'lindesberg',
    units: [
      {
        name: 'Lindbackaskolan 7-9',
        code: '18850101',
        forms: 'GR:7-9',
        pupils: 420,
        group: 'Centrum',
      },
      {
        name: 'Stadsskolan F-6',
        code: '18850102',
        forms: 'GR:F-3 GR:4-6',
        pupils: 350,
        group: 'Centrum',
      },
      {
        name: 'Frövi skola F-9',
        code: '18850103',
        forms: 'GR:F-3 GR:4-6 GR:7-9',
        pupils: 260,
        group: 'Landsbygd',
      },
      { name: 'Förskolan Lärkan', code: null, forms: 'FS', pupils: 60, group: 'Norr' },
    ],
    accountUnits: {
      skola: ['Lindbackaskolan 7-9'],
      rektor: ['Lindbackaskolan 7-9'],
      rektorhaga: ['Stadsskolan F-6', 'Frövi skola F-9'],
    },
    agreements: ['ne', 'ilt', 'widgit'],
  },
];
