import type {
  DecisionReason,
  PublicService,
  SchoolForm,
  ServiceCategory,
} from '@licensregistret/domain';

import { ApiDate, ApiUuid } from '../../openapi/formats';

/** A service as parents and staff see it, without any personal data. */
export class PublicServiceDto implements PublicService {
  @ApiUuid()
  id!: string;
  name!: string;
  supplierName!: string;
  category!: ServiceCategory;
  schoolForms!: SchoolForm[];
  status!: PublicService['status'];
  @ApiDate()
  decidedOn!: string | null;
  /** An approval's conditions as written for the public (empty when none). */
  publicConditions!: string;
  /** The grounds of a rejection, from the decision that rejected the service. */
  rejectionReasons!: DecisionReason[];
}
