import {
  COMPULSORY_STAGES,
  type CompulsoryStage,
  SCHOOL_FORMS,
  type SchoolForm,
  isSchoolForm,
} from './school-forms';

export interface SchoolFormList {
  schoolForms: SchoolForm[];
  compulsoryStages: CompulsoryStage[];
}

function isStage(value: string): value is CompulsoryStage {
  return (COMPULSORY_STAGES as readonly string[]).includes(value);
}

/**
 * Why a unit's school forms and compulsory stages do not fit together, or null when they do:
 * at least one form, compulsory school (GR) with at least one stage, and stages only with GR.
 */
export function schoolFormsProblem(
  schoolForms: readonly SchoolForm[],
  compulsoryStages: readonly CompulsoryStage[],
): string | null {
  if (schoolForms.length === 0) return 'at least one school form is needed';
  if (new Set(schoolForms).size !== schoolForms.length) return 'a school form is listed twice';
  if (new Set(compulsoryStages).size !== compulsoryStages.length) return 'a stage is listed twice';
  const hasCompulsory = schoolForms.includes('GR');
  if (hasCompulsory && compulsoryStages.length === 0) {
    return `compulsory school (GR) needs its stages: ${COMPULSORY_STAGES.join(', ')}`;
  }
  if (!hasCompulsory && compulsoryStages.length > 0) {
    return 'stages are only for compulsory school (GR)';
  }
  return null;
}

/**
 * Reads a list such as `FS GR:F-3 GR:4-6` (spaces, commas or `|` between items), as in the CSV
 * import. Returns the forms in canonical order, or an error naming the first bad item.
 */
export function parseSchoolFormList(text: string): SchoolFormList | { error: string } {
  const items = text.split(/[\s,|]+/).filter(Boolean);
  const forms = new Set<SchoolForm>();
  const stages = new Set<CompulsoryStage>();
  for (const item of items) {
    const [form, stage, ...rest] = item.toUpperCase().split(':');
    if (!isSchoolForm(form) || rest.length > 0) {
      return { error: `"${item}" is not a school form (${SCHOOL_FORMS.join(', ')})` };
    }
    if (stage !== undefined) {
      if (form !== 'GR' || !isStage(stage)) {
        return { error: `"${item}" is not a compulsory school stage (GR:F-3, GR:4-6, GR:7-9)` };
      }
      stages.add(stage);
    }
    forms.add(form);
  }
  const result = {
    schoolForms: SCHOOL_FORMS.filter((form) => forms.has(form)),
    compulsoryStages: COMPULSORY_STAGES.filter((stage) => stages.has(stage)),
  };
  const problem = schoolFormsProblem(result.schoolForms, result.compulsoryStages);
  return problem ? { error: problem } : result;
}

/** Writes forms back in the import's notation: `FS GR:F-3 GR:4-6`. */
export function formatSchoolFormList({ schoolForms, compulsoryStages }: SchoolFormList): string {
  return schoolForms
    .flatMap((form) =>
      form === 'GR' ? compulsoryStages.map((stage) => `GR:${stage}`) : [form as string],
    )
    .join(' ');
}
