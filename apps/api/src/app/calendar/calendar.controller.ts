import { Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CalendarService } from './calendar.service';
import { CalendarFeedDto } from './dto/calendar-feed.dto';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** Whether the caller has a feed (its address is shown only when made). */
  @Get('feed')
  status(@CurrentActor() actor: Actor): Promise<CalendarFeedDto> {
    return this.calendar.status(actor);
  }

  /** A new secret feed address (shown once); an earlier one stops working. */
  @Post('feed')
  create(@CurrentActor() actor: Actor): Promise<CalendarFeedDto> {
    return this.calendar.create(actor);
  }

  /** Revokes the caller's feed. */
  @Delete('feed')
  @HttpCode(204)
  revoke(@CurrentActor() actor: Actor): Promise<void> {
    return this.calendar.revoke(actor);
  }

  /** The feed itself: no session, the secret token is the key. */
  @Get(':token/deadlines.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: 'The deadlines as iCalendar',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  feed(@Param('token') token: string): Promise<string> {
    return this.calendar.feed(token);
  }
}
