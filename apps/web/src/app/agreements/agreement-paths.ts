/** Where the agreement pages live; the pages link to each other by these. */
export const AGREEMENT_PATHS = {
  list: '/avtal',
  coverage: '/avtal/tackning',
} as const;
