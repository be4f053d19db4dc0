import { ApiProperty } from '@nestjs/swagger';

import type { AdoptReviewRequest, IsoDate } from '@licensregistret/domain';

import { IsId, IsIsoDate } from '../../common/validators';

export class AdoptReviewDto implements AdoptReviewRequest {
  @ApiProperty({ description: 'The caller’s own service of the same tool' })
  @IsId()
  serviceId!: string;

  @ApiProperty({
    example: '2027-12-31',
    description: 'The date by which the own review must be redone',
  })
  @IsIsoDate()
  redoBy!: IsoDate;
}
