import {
  COMPULSORY_STAGES,
  type CompulsoryStage,
  type CreateSchoolUnitRequest,
  type NetworkGroup,
  SCHOOL_FORMS,
  type SchoolForm,
  type SchoolUnit,
  isNetworkGroup,
  isValidSchoolUnitCode,
} from '@licensregistret/domain';

import { checked, flagsOf } from '../../shared/forms/flags';
import type { FieldMessages, FormErrors } from '../../shared/forms/form-errors';

/** The unit form's values, as its controls hold them. */
export interface SchoolUnitFormValue {
  name: string;
  code: string;
  administrationId: string;
  schoolForms: Record<SchoolForm, boolean>;
  compulsoryStages: Record<CompulsoryStage, boolean>;
  pupilCount: number | null;
  networkGroup: NetworkGroup | '';
  principalId: string;
}

/** Messages per request field (the DTO's property names), for this form's and the API's checks. */
export const SCHOOL_UNIT_MESSAGES: Record<string, FieldMessages> = {
  name: {
    invalid: 'Ange skolenhetens namn.',
    duplicate: 'Det finns redan en skolenhet med det namnet.',
  },
  code: {
    invalid: 'Skolenhetskoden ska vara åtta siffror, eller lämnas tom.',
    duplicate: 'Skolenhetskoden används redan av en annan skolenhet.',
  },
  administrationId: { invalid: 'Välj förvaltning.' },
  schoolForms: { invalid: 'Välj minst en skolform.' },
  compulsoryStages: { invalid: 'Välj vilka årskurser grundskolan har.' },
  pupilCount: { invalid: 'Ange antal elever som ett heltal, 0 eller fler.' },
  networkGroup: { invalid: 'Välj nätverksgrupp.' },
  principalId: { invalid: 'Välj en rektor i listan, eller ingen.' },
};

/** The control each field's messages point to. */
export const SCHOOL_UNIT_FIELD_IDS: Record<string, string> = {
  name: 'unit-name',
  code: 'unit-code',
  administrationId: 'unit-administration',
  schoolForms: `unit-form-${SCHOOL_FORMS[0]}`,
  compulsoryStages: `unit-stage-${COMPULSORY_STAGES[0]}`,
  pupilCount: 'unit-pupils',
  networkGroup: 'unit-network-group',
  principalId: 'unit-principal',
};

/** The same rules as the API checks, so most mistakes are caught before saving. */
export function validateSchoolUnit(value: SchoolUnitFormValue): FormErrors {
  const fields: FormErrors['fields'] = {};
  const fail = (field: string) => (fields[field] = [SCHOOL_UNIT_MESSAGES[field].invalid]);
  const forms = checked(value.schoolForms, SCHOOL_FORMS);

  if (value.name.trim() === '') fail('name');
  if (value.code.trim() !== '' && !isValidSchoolUnitCode(value.code.trim())) fail('code');
  if (value.administrationId === '') fail('administrationId');
  if (forms.length === 0) fail('schoolForms');
  if (forms.includes('GR') && checked(value.compulsoryStages, COMPULSORY_STAGES).length === 0) {
    fail('compulsoryStages');
  }
  if (value.pupilCount === null || !Number.isInteger(value.pupilCount) || value.pupilCount < 0) {
    fail('pupilCount');
  }
  if (!isNetworkGroup(value.networkGroup)) fail('networkGroup');
  return { fields, general: [] };
}

/** The request body for a valid form. Stages only go with compulsory school (GR). */
export function toSchoolUnitRequest(value: SchoolUnitFormValue): CreateSchoolUnitRequest {
  const schoolForms = checked(value.schoolForms, SCHOOL_FORMS);
  return {
    administrationId: value.administrationId,
    name: value.name.trim(),
    code: value.code.trim() === '' ? null : value.code.trim(),
    schoolForms,
    compulsoryStages: schoolForms.includes('GR')
      ? checked(value.compulsoryStages, COMPULSORY_STAGES)
      : [],
    pupilCount: value.pupilCount ?? 0,
    networkGroup: value.networkGroup as NetworkGroup,
    principalId: value.principalId === '' ? null : value.principalId,
  };
}

export function toSchoolUnitFormValue(unit: SchoolUnit): SchoolUnitFormValue {
  return {
    name: unit.name,
    code: unit.code ?? '',
    administrationId: unit.administrationId,
    schoolForms: flagsOf(SCHOOL_FORMS, unit.schoolForms),
    compulsoryStages: flagsOf(COMPULSORY_STAGES, unit.compulsoryStages),
    pupilCount: unit.pupilCount,
    networkGroup: unit.networkGroup,
    principalId: unit.principalId ?? '',
  };
}
