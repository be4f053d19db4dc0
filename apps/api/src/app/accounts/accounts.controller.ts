import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { Account, Page } from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import { AccountsService } from './accounts.service';
import { AccountListQueryDto, CreateAccountDto, UpdateAccountDto } from './dto/account.dto';

@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  list(@Query() query: AccountListQueryDto): Promise<Page<Account>> {
    return this.accounts.list(query);
  }

  @Get(':id')
  get(@UuidParam('id') id: string): Promise<Account> {
    return this.accounts.get(id);
  }

  @Post()
  create(@Body() body: CreateAccountDto): Promise<Account> {
    return this.accounts.create(body);
  }

  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateAccountDto,
  ): Promise<Account> {
    return this.accounts.update(actor, id, body);
  }
}
