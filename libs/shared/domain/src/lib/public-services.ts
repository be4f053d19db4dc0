import type { CatalogueStatus, ServiceCategory } from './catalogue';
import type { DecisionReason } from './decision-reasons';
import type { IsoDate } from './iso-date';
import type { SchoolForm } from './school-forms';

/** The statuses the public list shows: what was decided, and what was retired. */
export const PUBLIC_CATALOGUE_STATUSES = [
  'APPROVED',
  'APPROVED_WITH_CONDITIONS',
  'REJECTED',
  'RETIRED',
] as const satisfies readonly CatalogueStatus[];

/** A service as parents and staff see it, without any personal data. */
export interface PublicService {
  id: string;
  name: string;
  supplierName: string;
  category: ServiceCategory;
  schoolForms: SchoolForm[];
  status: (typeof PUBLIC_CATALOGUE_STATUSES)[number];
  decidedOn: IsoDate | null;
  /**
   * The conditions of an approval with conditions as written for the public by the specialist
   * at the decision (empty when there are none or none were written for the public).
   */
  publicConditions: string;
  /** The grounds of a rejection (the five fixed reasons, never the free text); empty otherwise. */
  rejectionReasons: DecisionReason[];
}
