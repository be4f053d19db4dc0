import type { LicenceFromRequests } from '@licensregistret/domain';

import { LicenceDto } from '../../agreements/dto/licence-responses.dto';
import { ApiUuid } from '../../openapi/formats';

/** A request the licence implemented, with its new version. */
export class ImplementedRequestDto {
  @ApiUuid()
  id!: string;
  number!: number;
  version!: number;
}

/** The licence made, and the requests it implemented. */
export class LicensingResultDto implements LicenceFromRequests {
  licence!: LicenceDto;
  requests!: ImplementedRequestDto[];
}
