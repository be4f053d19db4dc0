import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { HistoryEntry, Page, Supplier } from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { EventLogService } from '../common/event-log.service';
import { UuidParam } from '../common/uuid-param';
import { CreateSupplierDto, SupplierListQueryDto, UpdateSupplierDto } from './dto/supplier.dto';
import { SuppliersService } from './suppliers.service';

@ApiTags('catalogue')
@Controller('suppliers')
export class SuppliersController {
  constructor(
    private readonly suppliers: SuppliersService,
    private readonly events: EventLogService,
  ) {}

  @Get()
  list(@Query() query: SupplierListQueryDto): Promise<Page<Supplier>> {
    return this.suppliers.list(query);
  }

  @Get(':id')
  get(@UuidParam('id') id: string): Promise<Supplier> {
    return this.suppliers.get(id);
  }

  @Get(':id/history')
  async history(@UuidParam('id') id: string): Promise<HistoryEntry[]> {
    await this.suppliers.get(id);
    return this.events.history('supplier', id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateSupplierDto): Promise<Supplier> {
    return this.suppliers.create(actor, body);
  }

  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateSupplierDto,
  ): Promise<Supplier> {
    return this.suppliers.update(actor, id, body);
  }
}
