import type {
  CreateReviewRequest,
  DecisionReason,
  PersonalDataKind,
  RequestMove,
  RequestState,
  SchoolForm,
} from '@licensregistret/domain';

/** A request of the demo, with the moves that brought it to its state (actors by username). */
export interface DemoRequest {
  unit: string;
  requester: string;
  /** A demo catalogue service by name, or a new tool. */
  service?: string;
  newTool?: { name: string; supplierName: string; webAddress: string };
  need: string;
  subjects: string[];
  targetGroup: string;
  schoolForms: SchoolForm[];
  pupilCount: number;
  staffCount: number;
  personalData: PersonalDataKind;
  personalDataDescription: string;
  state: RequestState;
  /** Days before today the request was written; each move happens a day after the previous. */
  daysAgo: number;
  moves: { move: RequestMove; by: string; text?: string }[];
  decision?: { outcome: 'REJECTED'; reasons: DecisionReason[]; text: string };
  /** For a new tool that reached review: the service created for it. */
  /** Nine digits; the check digit is computed. */
  createdService?: { supplierOrganisationNumber: string; category: 'LEARNING_MATERIAL' };
}

const BOOK_CREATOR = {
  name: 'Book Creator',
  supplierName: 'Book Creator Nordic AB',
  webAddress: 'https://bookcreator.com',
};

export const DEMO_REQUESTS: readonly DemoRequest[] = [
  {
    unit: 'Hagaskolan F-6',
    requester: 'rektorhaga',
    newTool: BOOK_CREATOR,
    need: 'Eleverna skapar egna digitala böcker med bild, ljud och text i svenska och SO.',
    subjects: ['Svenska', 'SO'],
    targetGroup: 'Årskurs 2–6',
    schoolForms: ['GR'],
    pupilCount: 180,
    staffCount: 12,
    personalData: 'PUPILS_ORDINARY',
    personalDataDescription: 'Elevens namn och det eleven skapar.',
    state: 'SUBMITTED',
    daysAgo: 13,
    moves: [{ move: 'SUBMIT', by: 'rektorhaga' }],
  },
  {
    unit: 'Mellringeskolan 7-9',
    requester: 'skola',
    newTool: BOOK_CREATOR,
    need: 'Elever med läs- och skrivsvårigheter redovisar i bok med inspelat tal.',
    subjects: ['Svenska', 'Svenska som andraspråk'],
    targetGroup: 'Elever med extra anpassningar, årskurs 7–9',
    schoolForms: ['GR'],
    pupilCount: 45,
    staffCount: 4,
    personalData: 'PUPILS_ORDINARY',
    personalDataDescription: 'Elevens namn och inspelad röst.',
    state: 'SUBMITTED',
    daysAgo: 4,
    moves: [
      { move: 'ENDORSE', by: 'rektor' },
      { move: 'SUBMIT', by: 'skola' },
    ],
  },
  {
    unit: 'Wallerska skolan F-6',
    requester: 'rektorhaga',
    newTool: {
      name: 'Kahoot!',
      supplierName: 'Kahoot! Nordic AB',
      webAddress: 'https://kahoot.com',
    },
    need: 'Repetition med frågesport i helklass.',
    subjects: ['Matematik', 'NO'],
    targetGroup: 'Årskurs 4–6',
    schoolForms: ['GR'],
    pupilCount: 120,
    staffCount: 8,
    personalData: 'NONE',
    personalDataDescription: 'Eleverna deltar med smeknamn utan konto.',
    state: 'IN_TRIAGE',
    daysAgo: 22,
    moves: [
      { move: 'SUBMIT', by: 'rektorhaga' },
      { move: 'START_TRIAGE', by: 'specialist' },
    ],
  },
  {
    unit: 'Hagaskolan F-6',
    requester: 'rektorhaga',
    service: 'Räknestugan',
    need: 'Färdighetsträning i matematik med nivåer som följer eleven.',
    subjects: ['Matematik'],
    targetGroup: 'Årskurs 1–6',
    schoolForms: ['GR'],
    pupilCount: 240,
    staffCount: 14,
    personalData: 'PUPILS_ORDINARY',
    personalDataDescription: 'Elevens namn, klass och resultat i övningarna.',
    state: 'IN_REVIEW',
    daysAgo: 35,
    moves: [
      { move: 'SUBMIT', by: 'rektorhaga' },
      { move: 'START_TRIAGE', by: 'specialist' },
      { move: 'START_REVIEW', by: 'specialist' },
    ],
  },
  {
    unit: 'Mellringeskolan 7-9',
    requester: 'skola',
    newTool: {
      name: 'Quizlet',
      supplierName: 'Quizlet Norden AB',
      webAddress: 'https://quizlet.com',
    },
    need: 'Glosträning i moderna språk.',
    subjects: ['Moderna språk'],
    targetGroup: 'Årskurs 7–9',
    schoolForms: ['GR'],
    pupilCount: 300,
    staffCount: 6,
    personalData: 'PUPILS_ORDINARY',
    personalDataDescription: 'Elevkonton med namn och e-post.',
    state: 'DECIDED',
    daysAgo: 60,
    moves: [
      { move: 'ENDORSE', by: 'rektor' },
      { move: 'SUBMIT', by: 'skola' },
      { move: 'START_TRIAGE', by: 'specialist' },
      { move: 'START_REVIEW', by: 'specialist' },
      {
        move: 'DECIDE',
        by: 'specialist',
        text: 'Tjänsten lagrar elevernas uppgifter i USA utan giltig överföringsmekanism, och leverantören godtar inte kommunens personuppgiftsbiträdesavtal. Glosträning finns i NE, som skolan redan har.',
      },
    ],
    decision: {
      outcome: 'REJECTED',
      reasons: ['INFORMATION_SECURITY', 'AGREEMENT'],
      text: 'Tjänsten lagrar elevernas uppgifter i USA utan giltig överföringsmekanism, och leverantören godtar inte kommunens personuppgiftsbiträdesavtal. Glosträning finns i NE, som skolan redan har.',
    },
    createdService: { supplierOrganisationNumber: '559211000', category: 'LEARNING_MATERIAL' },
  },
  {
    unit: 'Mellringeskolan 7-9',
    requester: 'skola',
    newTool: {
      name: 'GeoGebra',
      supplierName: 'GeoGebra GmbH',
      webAddress: 'https://www.geogebra.org',
    },
    need: 'Dynamisk geometri och grafer i matematikundervisningen.',
    subjects: ['Matematik'],
    targetGroup: 'Årskurs 7–9',
    schoolForms: ['GR'],
    pupilCount: 300,
    staffCount: 5,
    personalData: 'NONE',
    personalDataDescription: 'Används utan inloggning.',
    state: 'DRAFT',
    daysAgo: 1,
    moves: [],
  },
];

/** Reviews of demo services by name: the approved ones are valid, Räknestugan's show blockers. */
export const DEMO_REVIEWS: readonly {
  service: string;
  by: string;
  review: Omit<CreateReviewRequest, 'redoBy'>;
}[] = [
  // The approved services' GDPR reviews, so the record of processing (registerförteckning) has
  // entries to show.
  {
    service: 'NE',
    by: 'dataskydd',
    review: {
      kind: 'DATA_PROTECTION',
      outcome: 'APPROVED',
      findings: {
        processesPersonalData: true,
        purpose:
          'Läromedel i alla ämnen och en kunskapstjänst: elevers och lärares inloggning och användning i undervisningen.',
        legalBasis: 'PUBLIC_INTEREST',
        dataCategories: ['IDENTITY', 'USAGE'],
        dataSubjects: ['PUPILS', 'STAFF'],
        dataProcessingAgreementSigned: true,
        dpiaCriteria: ['VULNERABLE_SUBJECTS'],
        dpiaDone: false,
        storageLocation: 'SWEDEN',
        transferMechanism: 'NONE',
        subProcessors: ['Amazon Web Services EMEA SARL (Stockholm)'],
        retention:
          'Kontot gallras sex månader efter att eleven eller läraren lämnat kommunens skolor.',
      },
    },
  },
  {
    service: 'Polylino',
    by: 'dataskydd',
    review: {
      kind: 'DATA_PROTECTION',
      outcome: 'APPROVED',
      findings: {
        processesPersonalData: true,
        purpose:
          'Elevers och lärares inloggning och läsning av digitala bilderböcker i undervisningen.',
        legalBasis: 'PUBLIC_INTEREST',
        dataCategories: ['IDENTITY', 'USAGE'],
        dataSubjects: ['PUPILS', 'STAFF'],
        dataProcessingAgreementSigned: true,
        dpiaCriteria: ['VULNERABLE_SUBJECTS'],
        dpiaDone: false,
        storageLocation: 'EU_EEA',
        transferMechanism: 'NONE',
        subProcessors: ['Microsoft Ireland Operations Ltd'],
        retention: 'Användningsloggar gallras efter tolv månader; kontot när eleven slutar.',
      },
    },
  },
  {
    service: 'Räknestugan',
    by: 'dataskydd',
    review: {
      kind: 'DATA_PROTECTION',
      outcome: 'APPROVED_WITH_CONDITIONS',
      conditions: 'Lagringen ska flyttas till EU/EES eller skyddas med standardavtalsklausuler.',
      findings: {
        processesPersonalData: true,
        purpose: 'Färdighetsträning i matematik där elevens resultat följs upp av läraren.',
        legalBasis: 'PUBLIC_INTEREST',
        dataCategories: ['IDENTITY', 'SCHOOL_RESULTS'],
        dataSubjects: ['PUPILS'],
        dataProcessingAgreementSigned: true,
        dpiaCriteria: ['VULNERABLE_SUBJECTS'],
        dpiaDone: false,
        storageLocation: 'OUTSIDE_EU_EEA',
        transferMechanism: 'NONE',
        subProcessors: ['Cloud Hosting Inc.'],
        retention: 'Gallras ett år efter att eleven slutat.',
      },
    },
  },
  {
    service: 'Räknestugan',
    by: 'infosak',
    review: {
      kind: 'INFORMATION_SECURITY',
      outcome: 'APPROVED',
      findings: {
        confidentiality: 2,
        integrity: 1,
        availability: 1,
        signInMethod: 'OWN_ACCOUNTS',
        risks: 'Egna konton utan tvåfaktorsinloggning för lärare.',
      },
    },
  },
  {
    service: 'Quizlet',
    by: 'dataskydd',
    review: {
      kind: 'DATA_PROTECTION',
      outcome: 'REJECTED',
      notes: 'Leverantören godtar inte SKR:s biträdesavtal.',
      findings: {
        processesPersonalData: true,
        purpose: 'Glosträning med elevkonton i moderna språk.',
        legalBasis: 'PUBLIC_INTEREST',
        dataCategories: ['IDENTITY', 'CONTACT', 'USAGE'],
        dataSubjects: ['PUPILS'],
        dataProcessingAgreementSigned: false,
        dpiaCriteria: ['VULNERABLE_SUBJECTS', 'LARGE_SCALE'],
        dpiaDone: false,
        storageLocation: 'OUTSIDE_EU_EEA',
        transferMechanism: 'NONE',
        subProcessors: [],
        retention: 'Okänd',
      },
    },
  },
];
