import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ToolSearchResultDto } from './dto/request-responses.dto';
import { ToolSearchQueryDto } from './dto/tool-search.dto';
import { ToolSearchService } from './tool-search.service';

@ApiTags('catalogue')
@Controller('catalogue')
export class ToolSearchController {
  constructor(private readonly search: ToolSearchService) {}

  /**
   * The request form's search: the whole catalogue in any status and the tools requests
   * propose, with each one's licences for the caller's units, latest rejection and open requests.
   */
  @Get('tools')
  tools(
    @CurrentActor() actor: Actor,
    @Query() query: ToolSearchQueryDto,
  ): Promise<ToolSearchResultDto> {
    return this.search.search(actor, query);
  }
}
