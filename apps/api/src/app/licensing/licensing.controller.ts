import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../openapi/api-problems';
import { LicenceFromRequestsDto } from './dto/licence-from-requests.dto';
import { LicensingResultDto } from './dto/licensing-responses.dto';
import { LicensingService } from './licensing.service';

@ApiTags('licences')
@Controller()
export class LicensingController {
  constructor(private readonly licensing: LicensingService) {}

  /**
   * "Licensiera": a licence on an agreement for approved requests of one service, which move to
   * IMPLEMENTED in the same transaction; the schools that asked are told.
   */
  @Post('licences/from-requests')
  @ApiProblems(409)
  license(
    @CurrentActor() actor: Actor,
    @Body() body: LicenceFromRequestsDto,
  ): Promise<LicensingResultDto> {
    return this.licensing.license(actor, body);
  }
}
