import { Controller, Get, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

import { TODO_ACTIONS, type TodoAction } from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { TodoListDto } from './dto/todo-responses.dto';
import { TodoService } from './todo.service';

export class TodoQueryDto {
  /** Only this kind of thing to do, e.g. `REVIEW` ("väntar på min granskning"). */
  @ApiPropertyOptional({ enum: TODO_ACTIONS })
  @IsOptional()
  @IsIn(TODO_ACTIONS, { message: `action must be one of ${TODO_ACTIONS.join(', ')}` })
  action?: TodoAction;
}

@ApiTags('todo')
@Controller('todo')
export class TodoController {
  constructor(private readonly todo: TodoService) {}

  /** What waits for the signed-in person ("Att göra"), oldest first, with where to act. */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: TodoQueryDto): Promise<TodoListDto> {
    return this.todo.list(actor, query.action);
  }
}
