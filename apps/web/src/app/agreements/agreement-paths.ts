const enc = encodeURIComponent;

/** Where the agreement pages live; the pages link to each other by these. */
export const AGREEMENT_PATHS = {
  list: '/avtal',
  coverage: '/avtal/tackning',
  newAgreement: '/avtal/nytt',
  agreement: (id: string) => `/avtal/${enc(id)}`,
  editAgreement: (id: string) => `/avtal/${enc(id)}/andra`,
  newLicence: (agreementId: string) => `/avtal/${enc(agreementId)}/licenser/ny`,
  editLicence: (agreementId: string, licenceId: string) =>
    `/avtal/${enc(agreementId)}/licenser/${enc(licenceId)}`,
  suppliers: '/avtal/leverantorer',
  newSupplier: '/avtal/leverantorer/ny',
  supplier: (id: string) => `/avtal/leverantorer/${enc(id)}`,
  services: '/avtal/tjanster',
  newService: '/avtal/tjanster/ny',
  service: (id: string) => `/avtal/tjanster/${enc(id)}`,
  /** Licensing an approved request ("Licensiera"). */
  licensing: (requestId: string) => `/avtal/licensiera/${enc(requestId)}`,
  import: '/avtal/importera',
} as const;

/** The query parameter on the new-agreement page naming the request being licensed. */
export const LICENSING_RETURN_PARAM = 'licensiera';
