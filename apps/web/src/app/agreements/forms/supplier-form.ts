import {
  type CreateSupplierRequest,
  type Supplier,
  organisationNumberMessage,
} from '@licensregistret/domain';

import type { FieldMessages, FormErrors } from '../../shared/forms/form-errors';

export interface SupplierFormValue {
  name: string;
  organisationNumber: string;
  contactName: string;
  contactEmail: string;
  webAddress: string;
}

export const SUPPLIER_LABELS: Record<keyof SupplierFormValue, string> = {
  name: 'Namn',
  organisationNumber: 'Organisationsnummer',
  contactName: 'Kontaktperson',
  contactEmail: 'E-post till kontaktpersonen',
  webAddress: 'Webbplats',
};

export const SUPPLIER_MESSAGES: Record<string, FieldMessages> = {
  name: { invalid: 'Ange leverantörens namn (högst 200 tecken).' },
  organisationNumber: {
    invalid: 'Ange organisationsnumret som NNNNNN-NNNN.',
    duplicate: 'Det finns redan en leverantör med det organisationsnumret.',
  },
  contactName: { invalid: 'Kontaktpersonens namn får vara högst 200 tecken.' },
  contactEmail: {
    invalid: 'Ange en e-postadress, till exempel namn@foretag.se, eller lämna tomt.',
  },
  webAddress: {
    invalid: 'Ange webbplatsen med https://, till exempel https://foretag.se, eller lämna tomt.',
  },
};

export const SUPPLIER_FIELD_IDS: Record<string, string> = {
  name: 'supplier-name',
  organisationNumber: 'supplier-org-number',
  contactName: 'supplier-contact-name',
  contactEmail: 'supplier-contact-email',
  webAddress: 'supplier-web-address',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WEB_ADDRESS = /^https?:\/\/[^\s/]+\.[^\s]+$/;

/** The rules the API checks that a form can check first. */
export function validateSupplier(value: SupplierFormValue): FormErrors {
  const fields: FormErrors['fields'] = {};
  const name = value.name.trim();
  if (name === '' || name.length > 200) fields['name'] = [SUPPLIER_MESSAGES['name'].invalid];
  const orgProblem = organisationNumberMessage(value.organisationNumber.trim());
  if (orgProblem) fields['organisationNumber'] = [orgProblem];
  if (value.contactName.trim().length > 200) {
    fields['contactName'] = [SUPPLIER_MESSAGES['contactName'].invalid];
  }
  if (value.contactEmail.trim() !== '' && !EMAIL.test(value.contactEmail.trim())) {
    fields['contactEmail'] = [SUPPLIER_MESSAGES['contactEmail'].invalid];
  }
  if (value.webAddress.trim() !== '' && !WEB_ADDRESS.test(value.webAddress.trim())) {
    fields['webAddress'] = [SUPPLIER_MESSAGES['webAddress'].invalid];
  }
  return { fields, general: [] };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function toSupplierRequest(value: SupplierFormValue): CreateSupplierRequest {
  return {
    name: value.name.trim(),
    organisationNumber: value.organisationNumber.trim(),
    contactName: orNull(value.contactName),
    contactEmail: orNull(value.contactEmail),
    webAddress: orNull(value.webAddress),
  };
}

export function toSupplierFormValue(supplier: Supplier | null): SupplierFormValue {
  return {
    name: supplier?.name ?? '',
    organisationNumber: supplier?.organisationNumber ?? '',
    contactName: supplier?.contactName ?? '',
    contactEmail: supplier?.contactEmail ?? '',
    webAddress: supplier?.webAddress ?? '',
  };
}
