import { type ExecutionContext, createParamDecorator } from '@nestjs/common';

import { AppException } from '../common/app-exception';
import type { Actor, RequestWithActor } from './actor';

/** The signed-in actor; the access guard has already refused signed-out callers of such routes. */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor => {
    const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
    if (!actor) {
      throw new AppException('UNAUTHENTICATED', 'Sign in first.');
    }
    return actor;
  },
);
