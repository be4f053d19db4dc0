import type { FormControl, FormGroup, NonNullableFormBuilder } from '@angular/forms';

import {
  type CreateRequestRequest,
  PERSONAL_DATA_KINDS,
  type PersonalDataKind,
  type RequestDetail,
  SCHOOL_FORMS,
  type SchoolForm,
  isIsoDate,
} from '@licensregistret/domain';

import { checked, flagsOf } from '../../shared/forms/flags';
import type { FieldMessages, FormErrors } from '../../shared/forms/form-errors';

/** The tool choice's value for "the tool is not in the catalogue". */
export const NEW_TOOL = 'NEW';

/** The request form's values, as its controls hold them. */
export interface RequestFormValue {
  unitId: string;
  /** A catalogue service's id, NEW_TOOL, or '' before a choice. */
  tool: string;
  newToolName: string;
  newToolSupplier: string;
  newToolWebAddress: string;
  need: string;
  /** Comma-separated, as typed. */
  subjects: string;
  targetGroup: string;
  schoolForms: Record<SchoolForm, boolean>;
  pupilCount: number | null;
  staffCount: number | null;
  personalData: PersonalDataKind | '';
  personalDataDescription: string;
  wantedFrom: string;
  /** Asking again for a rejected tool: what has changed since the decision. */
  whatChanged: string;
}

type Controls<T> = { [K in keyof T]: FormControl<T[K]> };
export type RequestFormGroup = FormGroup<
  Omit<Controls<RequestFormValue>, 'schoolForms'> & {
    schoolForms: FormGroup<Controls<Record<SchoolForm, boolean>>>;
  }
>;

/** An empty request form. */
export function requestFormGroup(fb: NonNullableFormBuilder): RequestFormGroup {
  return fb.group({
    unitId: fb.control(''),
    tool: fb.control(''),
    newToolName: fb.control(''),
    newToolSupplier: fb.control(''),
    newToolWebAddress: fb.control(''),
    need: fb.control(''),
    subjects: fb.control(''),
    targetGroup: fb.control(''),
    schoolForms: fb.group(flagsOf(SCHOOL_FORMS)),
    pupilCount: fb.control<number | null>(null),
    staffCount: fb.control<number | null>(null),
    personalData: fb.control<PersonalDataKind | ''>(''),
    personalDataDescription: fb.control(''),
    wantedFrom: fb.control(''),
    whatChanged: fb.control(''),
  });
}

/**
 * Messages per field. The keys are the request's property names as the API names refused fields
 * (`newTool.webAddress` counts as `newTool`), plus the new tool's parts the form checks itself.
 */
export const REQUEST_MESSAGES: Record<string, FieldMessages> = {
  unitId: { invalid: 'Välj vilken skolenhet begäran gäller.' },
  serviceId: {
    invalid: 'Välj ett verktyg i katalogen, eller välj att verktyget inte finns i katalogen.',
    duplicate:
      'Skolenheten har redan verktyget eller en begäran om det. Se sökresultatet: du behöver inte begära det igen.',
  },
  newTool: {
    invalid: 'Ange verktygets namn, leverantör och webbadress.',
    duplicate: 'Skolenheten har redan en begäran om ett verktyg med det namnet.',
  },
  newToolName: { invalid: 'Ange verktygets namn.' },
  newToolSupplier: { invalid: 'Ange vilket företag som levererar verktyget.' },
  newToolWebAddress: {
    invalid: 'Ange verktygets webbadress, till exempel https://www.exempel.se.',
  },
  need: { invalid: 'Beskriv behovet som verktyget ska möta.' },
  subjects: { invalid: 'Ange högst 20 ämnen med kommatecken emellan, vart och ett kort.' },
  targetGroup: { invalid: 'Ange vilka elever eller vilken personal verktyget är till för.' },
  schoolForms: { invalid: 'Välj minst en skolform.' },
  pupilCount: { invalid: 'Ange antal elever som ett heltal, 0 eller fler.' },
  staffCount: { invalid: 'Ange antal personal som ett heltal, 0 eller fler.' },
  personalData: { invalid: 'Välj vilka personuppgifter verktyget skulle hantera.' },
  personalDataDescription: { invalid: 'Beskriv vilka personuppgifter verktyget skulle hantera.' },
  wantedFrom: { invalid: 'Ange datum som ÅÅÅÅ-MM-DD, eller lämna tomt.' },
  whatChanged: {
    invalid: 'Verktyget har avslagits. Beskriv vad som har ändrats sedan beslutet.',
  },
};

/** The control each field's messages point to. */
export const REQUEST_FIELD_IDS: Record<string, string> = {
  unitId: 'request-unit',
  serviceId: 'request-tool-search',
  newTool: 'request-new-tool-name',
  newToolName: 'request-new-tool-name',
  newToolSupplier: 'request-new-tool-supplier',
  newToolWebAddress: 'request-new-tool-web-address',
  need: 'request-need',
  subjects: 'request-subjects',
  targetGroup: 'request-target-group',
  schoolForms: `request-form-${SCHOOL_FORMS[0]}`,
  pupilCount: 'request-pupils',
  staffCount: 'request-staff',
  personalData: `request-personal-data-${PERSONAL_DATA_KINDS[0]}`,
  personalDataDescription: 'request-personal-data-description',
  wantedFrom: 'request-wanted-from',
  whatChanged: 'request-what-changed',
};

/** The most subjects a request names (as the API takes them, each at most 100 characters). */
export const MAX_SUBJECTS = 20;

/** "Svenska, , Matematik " -> ["Svenska", "Matematik"]. */
export function subjectList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((subject) => subject.trim())
    .filter((subject) => subject !== '');
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** "www.exempel.se" -> "https://www.exempel.se": people rarely type the scheme. */
export function webAddress(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  return `https://${trimmed}`;
}

function isCount(value: number | null): boolean {
  return value !== null && Number.isInteger(value) && value >= 0;
}

/** The checks the API makes too, so most mistakes are caught before saving. */
export function validateRequest(value: RequestFormValue): FormErrors {
  const fields: FormErrors['fields'] = {};
  const fail = (field: string) => (fields[field] = [REQUEST_MESSAGES[field].invalid]);

  if (value.unitId === '') fail('unitId');
  if (value.tool === '') fail('serviceId');
  if (value.tool === NEW_TOOL) {
    if (value.newToolName.trim() === '') fail('newToolName');
    if (value.newToolSupplier.trim() === '') fail('newToolSupplier');
    if (!isWebAddress(webAddress(value.newToolWebAddress))) fail('newToolWebAddress');
  }
  if (value.need.trim() === '') fail('need');
  const subjects = subjectList(value.subjects);
  if (subjects.length > MAX_SUBJECTS || subjects.some((subject) => subject.length > 100)) {
    fail('subjects');
  }
  if (value.targetGroup.trim() === '') fail('targetGroup');
  if (checked(value.schoolForms, SCHOOL_FORMS).length === 0) fail('schoolForms');
  if (!isCount(value.pupilCount)) fail('pupilCount');
  if (!isCount(value.staffCount)) fail('staffCount');
  if (value.personalData === '') fail('personalData');
  if (
    value.personalData !== '' &&
    value.personalData !== 'NONE' &&
    value.personalDataDescription.trim() === ''
  ) {
    fail('personalDataDescription');
  }
  if (value.wantedFrom !== '' && !isIsoDate(value.wantedFrom)) fail('wantedFrom');
  return { fields, general: [] };
}

/** The request's content for a valid form, with what has changed when it says so. */
export function toRequestContent(value: RequestFormValue): CreateRequestRequest {
  const isNew = value.tool === NEW_TOOL;
  const personalData = value.personalData as PersonalDataKind;
  return {
    unitId: value.unitId,
    serviceId: isNew ? null : value.tool,
    newTool: isNew
      ? {
          name: value.newToolName.trim(),
          supplierName: value.newToolSupplier.trim(),
          webAddress: webAddress(value.newToolWebAddress),
        }
      : null,
    need: value.need.trim(),
    subjects: subjectList(value.subjects),
    targetGroup: value.targetGroup.trim(),
    schoolForms: checked(value.schoolForms, SCHOOL_FORMS),
    pupilCount: value.pupilCount ?? 0,
    staffCount: value.staffCount ?? 0,
    personalData,
    personalDataDescription: personalData === 'NONE' ? '' : value.personalDataDescription.trim(),
    wantedFrom: value.wantedFrom === '' ? null : value.wantedFrom,
    whatChanged: isNew ? null : value.whatChanged.trim() || null,
  };
}

/** The form's values for a saved request, to edit it. */
export function toRequestFormValue(request: RequestDetail): RequestFormValue {
  return {
    unitId: request.unitId,
    tool: request.serviceId ?? NEW_TOOL,
    newToolName: request.newTool?.name ?? '',
    newToolSupplier: request.newTool?.supplierName ?? '',
    newToolWebAddress: request.newTool?.webAddress ?? '',
    need: request.need,
    subjects: request.subjects.join(', '),
    targetGroup: request.targetGroup,
    schoolForms: flagsOf(SCHOOL_FORMS, request.schoolForms),
    pupilCount: request.pupilCount,
    staffCount: request.staffCount,
    personalData: request.personalData,
    personalDataDescription: request.personalDataDescription,
    wantedFrom: request.wantedFrom ?? '',
    whatChanged: request.whatChanged ?? '',
  };
}
