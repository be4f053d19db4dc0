import {
  type Agreement,
  type CreateLicenceRequest,
  LICENCE_SCOPE_LABELS,
  type Licence,
  type LicenceScope,
  SCHOOL_FORMS,
  type SchoolForm,
  isIsoDate,
} from '@licensregistret/domain';

import { schoolFormNames } from '../../shared/format/format';
import { checked, flagsOf } from '../../shared/forms/flags';
import type { FieldMessages, FormErrors } from '../../shared/forms/form-errors';
import { displayValue } from '../../shared/forms/stale-version';

export interface LicenceFormValue {
  serviceId: string;
  scope: LicenceScope;
  schoolForms: Record<SchoolForm, boolean>;
  unitIds: string[];
  seatCount: number | null;
  seatsInUse: number | null;
  startsOn: string;
  endsOn: string;
}

export const LICENCE_LABELS: Record<string, string> = {
  scope: 'Omfattning',
  schoolForms: 'Skolformer',
  units: 'Skolenheter',
  seatCount: 'Antal platser',
  seatsInUse: 'Platser som används',
  startsOn: 'Startdatum',
  endsOn: 'Slutdatum',
};

/** One term of a licence in words, for the stale-version table. */
export function licenceTermText(field: string, licence: Licence): string {
  switch (field) {
    case 'scope':
      return LICENCE_SCOPE_LABELS[licence.scope];
    case 'schoolForms':
      return schoolFormNames(licence.schoolForms, 'Inga');
    case 'units':
      return licence.units.length === 0
        ? 'Inga'
        : licence.units.map((unit) => unit.name).join(', ');
    default:
      return displayValue((licence as unknown as Record<string, unknown>)[field]);
  }
}

export const LICENCE_MESSAGES: Record<string, FieldMessages> = {
  agreementId: { invalid: 'Avtalet finns inte längre.' },
  serviceId: { invalid: 'Välj tjänst.' },
  scope: {
    invalid: 'Välj omfattning. Ett avtal för vissa skolformer kan inte licensiera hela kommunen.',
  },
  schoolForms: { invalid: 'Välj minst en skolform, bland dem avtalet gäller.' },
  unitIds: { invalid: 'Välj minst en skolenhet, med en skolform som avtalet gäller.' },
  seatCount: {
    invalid: 'Ange antal platser som ett heltal, eller lämna tomt för ingen gräns.',
    duplicate: 'Fler platser används redan; antalet platser kan inte vara lägre.',
  },
  seatsInUse: { invalid: 'Ange platser som används som ett heltal, högst antalet platser.' },
  startsOn: { invalid: 'Ange startdatum som ÅÅÅÅ-MM-DD, inom avtalets period.' },
  endsOn: {
    invalid: 'Ange slutdatum som ÅÅÅÅ-MM-DD, efter startdatum och inom avtalets period.',
  },
};

export const LICENCE_FIELD_IDS: Record<string, string> = {
  serviceId: 'licence-service',
  scope: 'licence-scope-MUNICIPALITY',
  schoolForms: `licence-form-${SCHOOL_FORMS[0]}`,
  unitIds: 'licence-unit-filter',
  seatCount: 'licence-seats',
  seatsInUse: 'licence-seats-used',
  startsOn: 'licence-starts-on',
  endsOn: 'licence-ends-on',
};

const seats = (value: number | null): boolean =>
  value === null || (Number.isInteger(value) && value >= 0 && value <= 10_000_000);

/** The rules the API checks that the form can check first, against the agreement's period. */
export function validateLicence(
  value: LicenceFormValue,
  agreement: Pick<Agreement, 'startsOn' | 'endsOn'> | null,
): FormErrors {
  const fields: FormErrors['fields'] = {};
  const fail = (field: string) => (fields[field] = [LICENCE_MESSAGES[field].invalid]);
  if (value.serviceId === '') fail('serviceId');
  if (value.scope === 'SCHOOL_FORMS' && checked(value.schoolForms, SCHOOL_FORMS).length === 0) {
    fail('schoolForms');
  }
  if (value.scope === 'UNITS' && value.unitIds.length === 0) fail('unitIds');
  if (!seats(value.seatCount)) fail('seatCount');
  if (
    !seats(value.seatsInUse) ||
    (value.seatCount !== null && value.seatsInUse !== null && value.seatsInUse > value.seatCount)
  ) {
    fail('seatsInUse');
  }
  const startsOn = value.startsOn.trim();
  const endsOn = value.endsOn.trim();
  if (!isIsoDate(startsOn) || (agreement && startsOn < agreement.startsOn)) fail('startsOn');
  if (
    !isIsoDate(endsOn) ||
    (isIsoDate(startsOn) && endsOn < startsOn) ||
    (agreement && endsOn > agreement.endsOn)
  ) {
    fail('endsOn');
  }
  return { fields, general: [] };
}

/** The licence's terms: only the chosen scope's school forms or units go with it. */
export function toLicenceTerms(
  value: LicenceFormValue,
): Omit<CreateLicenceRequest, 'agreementId' | 'serviceId'> {
  return {
    scope: value.scope,
    schoolForms: value.scope === 'SCHOOL_FORMS' ? checked(value.schoolForms, SCHOOL_FORMS) : [],
    unitIds: value.scope === 'UNITS' ? value.unitIds : [],
    seatCount: value.seatCount,
    seatsInUse: value.seatsInUse,
    startsOn: value.startsOn.trim(),
    endsOn: value.endsOn.trim(),
  };
}

/** A licence's form; a new one runs for the agreement's period. */
export function toLicenceFormValue(
  licence: Licence | null,
  agreement: Pick<Agreement, 'startsOn' | 'endsOn' | 'scopeSchoolForms'> | null,
): LicenceFormValue {
  if (!licence) {
    return {
      serviceId: '',
      scope: agreement && agreement.scopeSchoolForms.length > 0 ? 'UNITS' : 'MUNICIPALITY',
      schoolForms: flagsOf(SCHOOL_FORMS),
      unitIds: [],
      seatCount: null,
      seatsInUse: null,
      startsOn: agreement?.startsOn ?? '',
      endsOn: agreement?.endsOn ?? '',
    };
  }
  return {
    serviceId: licence.serviceId,
    scope: licence.scope,
    schoolForms: flagsOf(SCHOOL_FORMS, licence.schoolForms),
    unitIds: licence.units.map((unit) => unit.id),
    seatCount: licence.seatCount,
    seatsInUse: licence.seatsInUse,
    startsOn: licence.startsOn,
    endsOn: licence.endsOn,
  };
}
