import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import { ApiProblems } from '../openapi/api-problems';
import { AccountsService } from './accounts.service';
import { AccountDto, AccountPageDto } from './dto/account-responses.dto';
import { AccountListQueryDto, CreateAccountDto, UpdateAccountDto } from './dto/account.dto';

@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  /** Accounts, filtered and sorted, a page at a time. */
  @Get()
  list(@Query() query: AccountListQueryDto): Promise<AccountPageDto> {
    return this.accounts.list(query);
  }

  /** One account. */
  @Get(':id')
  get(@UuidParam('id') id: string): Promise<AccountDto> {
    return this.accounts.get(id);
  }

  /** A new account; the username must be free. */
  @Post()
  @ApiProblems(409)
  create(@Body() body: CreateAccountDto): Promise<AccountDto> {
    return this.accounts.create(body);
  }

  /** Changes an account against the version read; `active: false` ends its sessions. */
  @Patch(':id')
  @ApiProblems(409)
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateAccountDto,
  ): Promise<AccountDto> {
    return this.accounts.update(actor, id, body);
  }
}
