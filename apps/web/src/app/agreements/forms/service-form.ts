import {
  CATALOGUE_STATUS_LABELS,
  type CatalogueStatus,
  type CreateServiceRequest,
  DATA_LOCATION_LABELS,
  type DataLocation,
  type DigitalService,
  PERSONAL_DATA_LABELS,
  type PersonalDataKind,
  SCHOOL_FORMS,
  SERVICE_CATEGORY_LABELS,
  SIGN_IN_METHOD_LABELS,
  type SchoolForm,
  type ServiceCategory,
  type SignInMethod,
} from '@licensregistret/domain';

import { schoolFormNames } from '../../shared/format/format';
import { checked, flagsOf } from '../../shared/forms/flags';
import type { FieldMessages, FormErrors } from '../../shared/forms/form-errors';
import { displayValue } from '../../shared/forms/stale-version';

export interface ServiceFormValue {
  name: string;
  supplierId: string;
  category: ServiceCategory | '';
  description: string;
  schoolForms: Record<SchoolForm, boolean>;
  /** Comma-separated, as typed. */
  languages: string;
  webAddress: string;
  signInMethod: SignInMethod | '';
  personalData: PersonalDataKind | '';
  dataLocation: DataLocation | '';
  catalogueStatus: CatalogueStatus | '';
}

export const SERVICE_LABELS: Record<string, string> = {
  name: 'Namn',
  supplierId: 'Leverantör',
  category: 'Kategori',
  description: 'Beskrivning',
  schoolForms: 'Skolformer',
  languages: 'Språk',
  webAddress: 'Webbplats',
  signInMethod: 'Inloggning',
  personalData: 'Personuppgifter',
  dataLocation: 'Var uppgifterna lagras',
  catalogueStatus: 'Status i katalogen',
};

/** One field of a service in words, for the stale-version table. */
export function serviceFieldText(field: string, service: DigitalService): string {
  switch (field) {
    case 'supplierId':
      return service.supplierName;
    case 'category':
      return SERVICE_CATEGORY_LABELS[service.category];
    case 'schoolForms':
      return schoolFormNames(service.schoolForms, 'Inga');
    case 'signInMethod':
      return SIGN_IN_METHOD_LABELS[service.signInMethod];
    case 'personalData':
      return PERSONAL_DATA_LABELS[service.personalData];
    case 'dataLocation':
      return DATA_LOCATION_LABELS[service.dataLocation];
    case 'catalogueStatus':
      return CATALOGUE_STATUS_LABELS[service.catalogueStatus];
    default:
      return displayValue((service as unknown as Record<string, unknown>)[field]);
  }
}

export const SERVICE_MESSAGES: Record<string, FieldMessages> = {
  name: {
    invalid: 'Ange tjänstens namn (högst 200 tecken).',
    duplicate: 'Leverantören har redan en tjänst med det namnet.',
  },
  supplierId: { invalid: 'Välj leverantör.' },
  category: { invalid: 'Välj kategori.' },
  description: { invalid: 'Beskrivningen får vara högst 4 000 tecken.' },
  schoolForms: { invalid: 'Välj skolformer i listan.' },
  languages: { invalid: 'Skriv språken åtskilda med komma, vart och ett högst 50 tecken.' },
  webAddress: {
    invalid: 'Ange webbplatsen med https://, till exempel https://tjanst.se, eller lämna tomt.',
  },
  signInMethod: { invalid: 'Välj hur man loggar in.' },
  personalData: { invalid: 'Välj vilka personuppgifter tjänsten behandlar.' },
  dataLocation: { invalid: 'Välj var uppgifterna lagras.' },
  catalogueStatus: { invalid: 'Välj status i katalogen.' },
};

export const SERVICE_FIELD_IDS: Record<string, string> = {
  name: 'service-name',
  supplierId: 'service-supplier',
  category: 'service-category',
  description: 'service-description',
  schoolForms: `service-form-${SCHOOL_FORMS[0]}`,
  languages: 'service-languages',
  webAddress: 'service-web-address',
  signInMethod: 'service-sign-in',
  personalData: 'service-personal-data',
  dataLocation: 'service-data-location',
  catalogueStatus: 'service-status',
};

const WEB_ADDRESS = /^https?:\/\/[^\s/]+\.[^\s]+$/;

function languageList(text: string): string[] {
  return text
    .split(',')
    .map((language) => language.trim())
    .filter((language) => language !== '');
}

export function validateService(value: ServiceFormValue): FormErrors {
  const fields: FormErrors['fields'] = {};
  const fail = (field: string) => (fields[field] = [SERVICE_MESSAGES[field].invalid]);
  const name = value.name.trim();
  if (name === '' || name.length > 200) fail('name');
  if (value.supplierId === '') fail('supplierId');
  if (value.category === '') fail('category');
  if (value.description.length > 4000) fail('description');
  if (languageList(value.languages).some((language) => language.length > 50)) fail('languages');
  if (value.webAddress.trim() !== '' && !WEB_ADDRESS.test(value.webAddress.trim())) {
    fail('webAddress');
  }
  if (value.signInMethod === '') fail('signInMethod');
  if (value.personalData === '') fail('personalData');
  if (value.dataLocation === '') fail('dataLocation');
  if (value.catalogueStatus === '') fail('catalogueStatus');
  return { fields, general: [] };
}

export function toServiceRequest(value: ServiceFormValue): CreateServiceRequest {
  return {
    name: value.name.trim(),
    supplierId: value.supplierId,
    category: value.category as ServiceCategory,
    description: value.description.trim(),
    schoolForms: checked(value.schoolForms, SCHOOL_FORMS),
    languages: languageList(value.languages),
    webAddress: value.webAddress.trim() === '' ? null : value.webAddress.trim(),
    signInMethod: value.signInMethod as SignInMethod,
    personalData: value.personalData as PersonalDataKind,
    dataLocation: value.dataLocation as DataLocation,
    catalogueStatus: value.catalogueStatus as CatalogueStatus,
  };
}

export function toServiceFormValue(service: DigitalService | null): ServiceFormValue {
  return {
    name: service?.name ?? '',
    supplierId: service?.supplierId ?? '',
    category: service?.category ?? '',
    description: service?.description ?? '',
    schoolForms: flagsOf(SCHOOL_FORMS, service?.schoolForms ?? []),
    languages: service?.languages.join(', ') ?? '',
    webAddress: service?.webAddress ?? '',
    signInMethod: service?.signInMethod ?? '',
    personalData: service?.personalData ?? '',
    dataLocation: service?.dataLocation ?? '',
    catalogueStatus: service?.catalogueStatus ?? 'UNDER_REVIEW',
  };
}
