import type { Licence, LicenceScope } from './agreements';
import type { IsoDate } from './iso-date';
import type { SchoolForm } from './school-forms';

/**
 * "Licensiera": procurement turns approved requests into a licence on an agreement. One call
 * creates the licence and moves every chosen request DECIDED -> IMPLEMENTED (the routine's
 * IMPLEMENT move), so the schools that asked are told and their catalogue shows the service.
 */

/** A chosen request and the version the caller saw of it (a newer one is a 409). */
export interface LicensedRequestRef {
  id: string;
  version: number;
}

/** The body of `POST /api/licences/from-requests`. */
export interface LicenceFromRequestsRequest {
  /** The approved requests the licence answers, all for one service; at least one. */
  requests: LicensedRequestRef[];
  agreementId: string;
  scope: LicenceScope;
  /** For scope SCHOOL_FORMS. */
  schoolForms?: SchoolForm[];
  /** For scope UNITS. */
  unitIds?: string[];
  seatCount?: number | null;
  startsOn: IsoDate;
  endsOn: IsoDate;
  /** A word to the schools, kept in each request's history and sent with the notice. */
  text?: string;
}

/** The answer: the licence, and the requests now implemented (number and new version). */
export interface LicenceFromRequests {
  licence: Licence;
  requests: { id: string; number: number; version: number }[];
}

/** A unit that asked (the request's own, or one that joined it) and its school forms. */
export interface AskingUnit {
  id: string;
  name: string;
  schoolForms: readonly SchoolForm[];
}

/** The terms that decide which units a licence reaches. */
export interface LicenceReach {
  scope: LicenceScope;
  schoolForms: readonly SchoolForm[];
  unitIds: readonly string[];
}

/** Whether a licence of this scope reaches the unit (the rule of SQL's LICENCE_COVERS_UNIT). */
export function licenceReaches(reach: LicenceReach, unit: AskingUnit): boolean {
  switch (reach.scope) {
    case 'MUNICIPALITY':
      return true;
    case 'SCHOOL_FORMS':
      return unit.schoolForms.some((form) => reach.schoolForms.includes(form));
    case 'UNITS':
      return reach.unitIds.includes(unit.id);
  }
}

/**
 * The asking units a licence would leave out: a request is implemented only when every unit
 * that asked for the tool (its own and those that joined it) gets it.
 */
export function unitsLeftOut(reach: LicenceReach, asking: readonly AskingUnit[]): AskingUnit[] {
  return asking.filter((unit) => !licenceReaches(reach, unit));
}
