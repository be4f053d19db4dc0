import { type CompulsoryStage, SCHOOL_FORM_LABELS, type SchoolForm } from '@licensregistret/domain';

/** "Förskola, Grundskola F-3, 4-6": a unit's school forms in words. */
export function schoolFormsText(unit: {
  schoolForms: readonly SchoolForm[];
  compulsoryStages: readonly CompulsoryStage[];
}): string {
  return unit.schoolForms
    .map((form) =>
      form === 'GR' && unit.compulsoryStages.length > 0
        ? `${SCHOOL_FORM_LABELS.GR} ${unit.compulsoryStages.join(', ')}`
        : SCHOOL_FORM_LABELS[form],
    )
    .join('; ');
}
