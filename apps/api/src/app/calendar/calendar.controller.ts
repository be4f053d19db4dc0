import { Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { CalendarFeed } from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('feed')
  status(@CurrentActor() actor: Actor): Promise<CalendarFeed> {
    return this.calendar.status(actor);
  }

  /** A new secret feed address (shown once); an earlier one stops working. */
  @Post('feed')
  create(@CurrentActor() actor: Actor): Promise<CalendarFeed> {
    return this.calendar.create(actor);
  }

  @Delete('feed')
  @HttpCode(204)
  revoke(@CurrentActor() actor: Actor): Promise<void> {
    return this.calendar.revoke(actor);
  }

  /** The feed itself: no session, the secret token is the key. */
  @Get(':token/deadlines.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  feed(@Param('token') token: string): Promise<string> {
    return this.calendar.feed(token);
  }
}
