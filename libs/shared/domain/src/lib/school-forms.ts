/**
 * School forms (skolformer) as in Skolverket's register and SS 12000. Compulsory school (GR) is
 * further split in stages.
 */
export const SCHOOL_FORMS = ['FS', 'GR', 'GRS', 'GY', 'GYS', 'VUX'] as const;
export type SchoolForm = (typeof SCHOOL_FORMS)[number];

export const SCHOOL_FORM_LABELS: Record<SchoolForm, string> = {
  FS: 'Förskola',
  GR: 'Grundskola',
  GRS: 'Anpassad grundskola',
  GY: 'Gymnasieskola',
  GYS: 'Anpassad gymnasieskola',
  VUX: 'Vuxenutbildning',
};

export const COMPULSORY_STAGES = ['F-3', '4-6', '7-9'] as const;
export type CompulsoryStage = (typeof COMPULSORY_STAGES)[number];

export function isSchoolForm(value: unknown): value is SchoolForm {
  return typeof value === 'string' && (SCHOOL_FORMS as readonly string[]).includes(value);
}
