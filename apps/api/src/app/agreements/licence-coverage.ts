/**
 * SQL fragments shared by every query that asks which units a licence reaches. Aliases: `l` a
 * licence, `a` its agreement, `u` a school unit; `$today` stands for the parameter holding today.
 */

/** Licence `l` covers unit `u`: by the whole municipality, by a shared school form, or by name. */
export const LICENCE_COVERS_UNIT = `(
  l.scope = 'MUNICIPALITY'
  OR (l.scope = 'SCHOOL_FORMS' AND l.school_forms && u.school_forms)
  OR (l.scope = 'UNITS' AND EXISTS (
        SELECT 1 FROM licence_unit lu WHERE lu.licence_id = l.id AND lu.school_unit_id = u.id))
)`;

/** Licence `l` is in force on the day in parameter `param`, under a signed agreement `a`. */
export function licenceInForce(param: string): string {
  return `(l.starts_on <= ${param} AND l.ends_on >= ${param}
           AND a.signed_on IS NOT NULL AND a.ends_on >= ${param})`;
}
