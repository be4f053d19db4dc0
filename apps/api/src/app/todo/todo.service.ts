import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { TodoAction, TodoList } from '@licensregistret/domain';

import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.provider';
import type { Actor } from '../auth/actor';
import { ClockService } from '../common/clock.service';
import { unitIdsOf } from '../requests/request-access';
import { TODO_SQL, type TodoRow, toTodoItem, todoParameters } from './todo-rows';

/** The signed-in person's "Att göra": what waits for them, oldest first. */
@Injectable()
export class TodoService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, action?: TodoAction): Promise<TodoList> {
    const rows = (await this.dataSource.query(
      TODO_SQL,
      todoParameters(
        { id: actor.id, roles: actor.roles, unitIds: unitIdsOf(actor) },
        this.clock.today(),
        this.config.confirmationThreshold,
        action ?? null,
      ),
    )) as TodoRow[];
    return {
      rows: rows.map(toTodoItem),
      total: rows[0]?.total ?? 0,
      totalCapped: rows[0]?.total_capped ?? false,
    };
  }
}
