import type { ReviewKind, TodoAction, TodoItem, TodoList } from '@licensregistret/domain';

import { ApiDateTime, ApiUuid } from '../../openapi/formats';

export class TodoItemDto implements TodoItem {
  action!: TodoAction;
  /** What it concerns, in Swedish. */
  title!: string;
  /** A short detail in Swedish: the review's kind, the deadline, the proposal. */
  detail!: string;
  /** Since when it has waited. */
  @ApiDateTime()
  since!: string;
  /** The request where the action is (its page, or the decision panel). */
  @ApiUuid()
  requestId!: string | null;
  /** With `reviewKind`: the review form where the action is. */
  @ApiUuid()
  serviceId!: string | null;
  reviewKind!: ReviewKind | null;
  /** The agreement where the action is. */
  @ApiUuid()
  agreementId!: string | null;
}

export class TodoListDto implements TodoList {
  /** Oldest first, at most 200. */
  rows!: TodoItemDto[];
  /** How many things wait in all, counting at most 1,000 of each kind. */
  total!: number;
  /** Some kind has more than 1,000 waiting: the total is a floor. */
  totalCapped!: boolean;
}
