import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import { ApiProblems } from '../openapi/api-problems';
import {
  AdministrationDto,
  SchoolUnitDto,
  SchoolUnitImportReportDto,
  SchoolUnitPageDto,
} from './dto/school-unit-responses.dto';
import {
  CreateSchoolUnitDto,
  SchoolUnitImportDto,
  SchoolUnitListQueryDto,
  UpdateSchoolUnitDto,
} from './dto/school-unit.dto';
import { SchoolUnitImportService } from './school-unit-import.service';
import { SchoolUnitsService } from './school-units.service';

@ApiTags('organisation')
@Controller()
export class SchoolUnitsController {
  constructor(
    private readonly units: SchoolUnitsService,
    private readonly importer: SchoolUnitImportService,
  ) {}

  /** The administrations (förvaltningar) units belong to. */
  @Get('administrations')
  administrations(): Promise<AdministrationDto[]> {
    return this.units.administrations();
  }

  /** School units the caller may see, filtered and sorted, a page at a time. */
  @Get('school-units')
  list(
    @CurrentActor() actor: Actor,
    @Query() query: SchoolUnitListQueryDto,
  ): Promise<SchoolUnitPageDto> {
    return this.units.list(actor, query);
  }

  /** One school unit. */
  @Get('school-units/:id')
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<SchoolUnitDto> {
    return this.units.get(actor, id);
  }

  /** A new school unit; its code must be free. */
  @Post('school-units')
  @ApiProblems(409)
  create(@Body() body: CreateSchoolUnitDto): Promise<SchoolUnitDto> {
    return this.units.create(body);
  }

  /** Changes a school unit against the version read. */
  @Patch('school-units/:id')
  @ApiProblems(409)
  update(@UuidParam('id') id: string, @Body() body: UpdateSchoolUnitDto): Promise<SchoolUnitDto> {
    return this.units.update(id, body);
  }

  /** Removes a school unit nothing refers to any more. */
  @Delete('school-units/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiProblems(409)
  remove(@UuidParam('id') id: string): Promise<void> {
    return this.units.remove(id);
  }

  /** Checks (dryRun) or imports a CSV of units; a file with any bad row imports nothing. */
  @Post('school-units/import')
  @HttpCode(HttpStatus.OK)
  import(@Body() body: SchoolUnitImportDto): Promise<SchoolUnitImportReportDto> {
    return this.importer.import(body);
  }
}
