import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';

import { cancelOnDisconnect } from './cancel-on-disconnect';

/**
 * Bounded work per call: an abandoned read's SQL is cancelled. One account's heavy calls
 * (exports, deep pages) are limited by HeavyCallGuard, which AuthModule runs after its access
 * check. The statement timeout is the pool's (database/data-source.ts).
 */
@Module({})
export class LoadModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(cancelOnDisconnect).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
