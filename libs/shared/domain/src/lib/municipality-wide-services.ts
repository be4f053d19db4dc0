import type { SchoolForm } from './school-forms';

export interface MunicipalityWideService {
  name: string;
  supplier: string;
  /** School forms the licence covers. */
  schoolForms: readonly SchoolForm[];
  /** What the service gives, in Swedish as shown to schools. */
  description: string;
}

/**
 * The municipality-wide licences in force when the registry starts (shared/domain.md). They seed
 * the catalogue and are shown to schools before any agreement data is entered.
 */
export const MUNICIPALITY_WIDE_SERVICES: readonly MunicipalityWideService[] = [
  {
    name: 'NE',
    supplier: 'NE Nationalencyklopedin AB',
    schoolForms: ['GR'],
    description:
      'Läromedel i alla ämnen och en kunskapstjänst; filmer med tal eller undertexter på andra språk.',
  },
  {
    name: 'Begreppa',
    supplier: 'Begreppa',
    schoolForms: ['GR', 'GY', 'VUX'],
    description: 'Filmer som förklarar läroplanens begrepp, på vanliga språk.',
  },
  {
    name: 'Polylino',
    supplier: 'Polylino (Natur & Kultur)',
    schoolForms: ['GR', 'GY', 'VUX'],
    description:
      'Inlästa bilderböcker sorterade efter ämne och språk; fler än 30 språk, även teckenspråk.',
  },
  {
    name: 'Inläsningstjänst (ILT)',
    supplier: 'Inläsningstjänst AB',
    schoolForms: ['GR', 'GY', 'VUX'],
    description: 'Inlästa läroböcker och studiehandledning på elevens modersmål.',
  },
  {
    name: 'Widgit Online',
    supplier: 'Widgit',
    schoolForms: ['FS', 'GR', 'GRS', 'GY', 'GYS', 'VUX'],
    description: 'Bildstöd för svenska: text, symboler och översättning till elevens språk.',
  },
];
