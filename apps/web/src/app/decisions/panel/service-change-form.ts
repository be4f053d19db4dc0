import {
  type ReportServiceChangeRequest,
  SERVICE_CHANGE_DESCRIPTION_MAX_LENGTH,
  SERVICE_CHANGE_KINDS,
  type ServiceChangeKind,
} from '@licensregistret/domain';

import { type FieldMessages, type FormErrors, NO_ERRORS } from '../../shared/forms/form-errors';

/** What the form for reporting a change of the service holds. */
export interface ServiceChangeFormValue {
  kind: ServiceChangeKind | '';
  description: string;
}

export function emptyServiceChangeForm(): ServiceChangeFormValue {
  return { kind: '', description: '' };
}

/** The control each field's message links to (the first radio button for the kind). */
export const SERVICE_CHANGE_FIELD_IDS: Record<string, string> = {
  kind: `service-change-kind-${SERVICE_CHANGE_KINDS[0]}`,
  description: 'service-change-description',
};

const KIND_MESSAGE = 'Välj vilken typ av ändring det är.';

export const SERVICE_CHANGE_MESSAGES: Record<string, FieldMessages> = {
  kind: { invalid: KIND_MESSAGE },
  description: { invalid: 'Beskriv ändringen med högst 2 000 tecken.' },
};

export const CHANGE_REPORTED_TEXT =
  'Ändringen är rapporterad. Tjänstens granskningar ska nu göras om, här och i de andra ' +
  'kommuner som har tjänsten, och hindren för godkännande är uppdaterade.';

export function validateServiceChange(value: ServiceChangeFormValue): FormErrors {
  const fields: FormErrors['fields'] = {};
  if (!SERVICE_CHANGE_KINDS.includes(value.kind as ServiceChangeKind))
    fields['kind'] = [KIND_MESSAGE];
  const description = value.description.trim();
  if (description === '') fields['description'] = ['Beskriv ändringen.'];
  else if (description.length > SERVICE_CHANGE_DESCRIPTION_MAX_LENGTH) {
    fields['description'] = ['Beskrivningen får vara högst 2 000 tecken.'];
  }
  return Object.keys(fields).length > 0 ? { fields, general: [] } : NO_ERRORS;
}

/** The request body for a valid form. */
export function toReportServiceChangeRequest(
  value: ServiceChangeFormValue,
): ReportServiceChangeRequest {
  return { kind: value.kind as ServiceChangeKind, description: value.description.trim() };
}
