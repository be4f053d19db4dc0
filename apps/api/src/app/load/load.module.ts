import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';

import { cancelOnDisconnect } from './cancel-on-disconnect';
import { HeavyCallLimiter } from './heavy-calls.interceptor';

/**
 * Bounded work per call: an abandoned read's SQL is cancelled, and one account's heavy calls
 * (exports, deep pages) are limited. The statement timeout is the pool's (database/data-source.ts).
 */
@Module({
  providers: [{ provide: APP_INTERCEPTOR, useClass: HeavyCallLimiter }],
})
export class LoadModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(cancelOnDisconnect).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
