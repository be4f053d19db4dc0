import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';

import type { AppConfig } from '../config/app-config';
import { AppConfigModule } from '../config/app-config.provider';
import { dataSourceOptions } from '../database/data-source';
import { requestId } from './common/request-id';
import { HealthModule } from './health/health.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: requestId,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (request) => request.url === '/api/health' },
          },
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl),
          // Migrations already ran under a lock before the app was built (main.ts).
          migrationsRun: false,
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        HealthModule,
      ],
    };
  }
}
