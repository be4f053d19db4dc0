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

import type {
  Administration,
  Page,
  SchoolUnit,
  SchoolUnitImportReport,
} from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
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

  @Get('administrations')
  administrations(): Promise<Administration[]> {
    return this.units.administrations();
  }

  @Get('school-units')
  list(
    @CurrentActor() actor: Actor,
    @Query() query: SchoolUnitListQueryDto,
  ): Promise<Page<SchoolUnit>> {
    return this.units.list(actor, query);
  }

  @Get('school-units/:id')
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<SchoolUnit> {
    return this.units.get(actor, id);
  }

  @Post('school-units')
  create(@Body() body: CreateSchoolUnitDto): Promise<SchoolUnit> {
    return this.units.create(body);
  }

  @Patch('school-units/:id')
  update(@UuidParam('id') id: string, @Body() body: UpdateSchoolUnitDto): Promise<SchoolUnit> {
    return this.units.update(id, body);
  }

  @Delete('school-units/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@UuidParam('id') id: string): Promise<void> {
    return this.units.remove(id);
  }

  /** Checks (dryRun) or imports a CSV of units; a file with any bad row imports nothing. */
  @Post('school-units/import')
  @HttpCode(HttpStatus.OK)
  import(@Body() body: SchoolUnitImportDto): Promise<SchoolUnitImportReport> {
    return this.importer.import(body);
  }
}
