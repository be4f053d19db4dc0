import type { EntityManager } from 'typeorm';

import type { CompulsoryStage, NetworkGroup, SchoolForm } from '@licensregistret/domain';

export interface NewSchoolUnit {
  name: string;
  code: string | null;
  schoolForms: SchoolForm[];
  compulsoryStages: CompulsoryStage[];
  pupilCount: number;
  networkGroup: NetworkGroup;
}

/** Inserts many units in one statement (the CSV import and the demo seed). */
export async function insertSchoolUnits(
  manager: EntityManager,
  administrationId: string,
  units: readonly NewSchoolUnit[],
): Promise<void> {
  await manager.query(
    `INSERT INTO school_unit
       (administration_id, name, code, school_forms, compulsory_stages, pupil_count, network_group)
     SELECT $1, u.name, u.code, u.school_forms, u.compulsory_stages, u.pupil_count, u.network_group
       FROM jsonb_to_recordset($2::jsonb) AS u(name text, code text, school_forms text[],
            compulsory_stages text[], pupil_count int, network_group text)`,
    [
      administrationId,
      JSON.stringify(
        units.map((unit) => ({
          name: unit.name,
          code: unit.code,
          school_forms: unit.schoolForms,
          compulsory_stages: unit.compulsoryStages,
          pupil_count: unit.pupilCount,
          network_group: unit.networkGroup,
        })),
      ),
    ],
  );
}
