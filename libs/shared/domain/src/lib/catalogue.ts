import type { IsoDate } from './iso-date';
import type { ListQuery } from './list-query';
import type { SchoolForm } from './school-forms';

export const SERVICE_CATEGORIES = [
  'LEARNING_MATERIAL',
  'ASSISTIVE_TECHNOLOGY',
  'ASSESSMENT_MATERIAL',
  'SKILLS_TRAINING',
  'PREST_SUBJECTS',
  'OFFICE_SUPPORT',
  'ADMINISTRATIVE',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, string> = {
  LEARNING_MATERIAL: 'Läromedel',
  ASSISTIVE_TECHNOLOGY: 'Hjälpmedel',
  ASSESSMENT_MATERIAL: 'Bedömningsstöd',
  SKILLS_TRAINING: 'Färdighetsträning',
  PREST_SUBJECTS: 'Praktisk-estetiska ämnen',
  OFFICE_SUPPORT: 'Kontorsstöd',
  ADMINISTRATIVE: 'Administrativt system',
};

export const SIGN_IN_METHODS = ['MUNICIPAL_SSO', 'FEDERATION', 'OWN_ACCOUNTS', 'NONE'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export const SIGN_IN_METHOD_LABELS: Record<SignInMethod, string> = {
  MUNICIPAL_SSO: 'Kommunens inloggning',
  FEDERATION: 'Federation (Skolfederation)',
  OWN_ACCOUNTS: 'Egna konton',
  NONE: 'Ingen inloggning',
};

export const PERSONAL_DATA_KINDS = ['NONE', 'PUPILS_ORDINARY', 'SPECIAL_CATEGORIES'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  NONE: 'Inga personuppgifter',
  PUPILS_ORDINARY: 'Elevers vanliga personuppgifter',
  SPECIAL_CATEGORIES: 'Känsliga personuppgifter',
};

export const DATA_LOCATIONS = ['SWEDEN', 'EU_EEA', 'OUTSIDE_EU_EEA'] as const;
export type DataLocation = (typeof DATA_LOCATIONS)[number];

export const DATA_LOCATION_LABELS: Record<DataLocation, string> = {
  SWEDEN: 'Sverige',
  EU_EEA: 'Inom EU/EES',
  OUTSIDE_EU_EEA: 'Utanför EU/EES',
};

export const CATALOGUE_STATUSES = [
  'APPROVED',
  'APPROVED_WITH_CONDITIONS',
  'UNDER_REVIEW',
  'REJECTED',
  'RETIRED',
] as const;
export type CatalogueStatus = (typeof CATALOGUE_STATUSES)[number];

export const CATALOGUE_STATUS_LABELS: Record<CatalogueStatus, string> = {
  APPROVED: 'Godkänd',
  APPROVED_WITH_CONDITIONS: 'Godkänd med villkor',
  UNDER_REVIEW: 'Under granskning',
  REJECTED: 'Avslagen',
  RETIRED: 'Avvecklad',
};

export interface Supplier {
  id: string;
  name: string;
  organisationNumber: string;
  contactName: string | null;
  contactEmail: string | null;
  webAddress: string | null;
  version: number;
}

export interface CreateSupplierRequest {
  name: string;
  organisationNumber: string;
  contactName?: string | null;
  contactEmail?: string | null;
  webAddress?: string | null;
}

export type UpdateSupplierRequest = Partial<CreateSupplierRequest> & { version: number };

export interface DigitalService {
  id: string;
  name: string;
  supplierId: string;
  supplierName: string;
  category: ServiceCategory;
  description: string;
  schoolForms: SchoolForm[];
  languages: string[];
  webAddress: string | null;
  signInMethod: SignInMethod;
  personalData: PersonalDataKind;
  dataLocation: DataLocation;
  catalogueStatus: CatalogueStatus;
  /**
   * The conditions of the service's latest approval, as the decision wrote them (empty when it
   * was approved without conditions): what schools must follow.
   */
  conditions: string;
  /** The same conditions as the specialist wrote them for the public list (empty when none). */
  publicConditions: string;
  version: number;
}

export interface CreateServiceRequest {
  name: string;
  supplierId: string;
  category: ServiceCategory;
  description: string;
  schoolForms: SchoolForm[];
  languages?: string[];
  webAddress?: string | null;
  signInMethod: SignInMethod;
  personalData: PersonalDataKind;
  dataLocation: DataLocation;
  catalogueStatus: CatalogueStatus;
}

export type UpdateServiceRequest = Partial<CreateServiceRequest> & { version: number };

export interface ServiceListQuery extends ListQuery {
  q?: string;
  category?: ServiceCategory;
  catalogueStatus?: CatalogueStatus;
  schoolForm?: SchoolForm;
  supplierId?: string;
}

/** A unit that has a service through a licence in force today. */
export interface UnitLicensed {
  unitId: string;
  unitName: string;
  agreementId: string;
  endsOn: IsoDate;
}

/** A service as schools browse it: approved, and whether their unit already has it. */
export interface CatalogueEntry extends DigitalService {
  /** Of the units asked about (a requester's own by default), those that have the service. */
  licensedUnits: UnitLicensed[];
}
