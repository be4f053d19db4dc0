import { Controller, Get, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';

import { PUBLIC_CATALOGUE_STATUSES, type PublicService } from '@licensregistret/domain';

import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { PublicServiceDto } from './dto/public-service.dto';
import { JOIN_REJECTION_REASONS } from './public-decision.sql';

/**
 * What parents and staff may see without signing in: which services were approved, rejected or
 * retired, and when. Only catalogue facts: no names of people, no units, no reviews.
 */
@ApiTags('public')
@Controller('public')
export class PublicController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  /** A municipality's decided and retired services, without signing in. */
  @Get('services')
  @ApiQuery({
    name: 'municipality',
    required: false,
    description: 'The municipality’s slug; may be left out where the registry serves one',
  })
  async services(@Query('municipality') municipality: unknown): Promise<PublicServiceDto[]> {
    await this.municipalities.actFor(
      typeof municipality === 'string' && municipality !== '' ? municipality : undefined,
    );
    const rows = (await this.dataSource.query(
      `SELECT d.id, d.name, s.name AS supplier_name, d.category, d.school_forms,
              d.catalogue_status, d.status_decided_on, d.public_conditions,
              COALESCE(rejected.decision_reasons, '{}') AS rejection_reasons
         FROM digital_service d JOIN supplier s ON s.id = d.supplier_id
         ${JOIN_REJECTION_REASONS}
        WHERE d.catalogue_status = ANY ($1::text[])
        ORDER BY d.name, d.id`,
      [PUBLIC_CATALOGUE_STATUSES],
    )) as {
      id: string;
      name: string;
      supplier_name: string;
      category: PublicService['category'];
      school_forms: PublicService['schoolForms'];
      catalogue_status: PublicService['status'];
      status_decided_on: string | null;
      public_conditions: string;
      rejection_reasons: PublicService['rejectionReasons'];
    }[];
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      supplierName: row.supplier_name,
      category: row.category,
      schoolForms: row.school_forms,
      status: row.catalogue_status,
      decidedOn: row.status_decided_on,
      publicConditions:
        row.catalogue_status === 'APPROVED_WITH_CONDITIONS' ? row.public_conditions : '',
      rejectionReasons: row.rejection_reasons,
    }));
  }
}
