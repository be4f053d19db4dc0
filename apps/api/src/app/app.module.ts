import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import type { AppConfig } from '../config/app-config';
import { AppConfigModule } from '../config/app-config.provider';
import { ApiRoleCheck } from '../database/api-role-check';
import { dataSourceOptions } from '../database/data-source';
import { AccountsModule } from './accounts/accounts.module';
import { AgreementsModule } from './agreements/agreements.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CommonModule } from './common/common.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DemoModule } from './demo/demo.module';
import { DocumentsModule } from './documents/documents.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { LicensingModule } from './licensing/licensing.module';
import { LoadModule } from './load/load.module';
import { MunicipalitiesModule } from './municipalities/municipalities.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganisationModule } from './organisation/organisation.module';
import { PublicModule } from './public/public.module';
import { RecordOfProcessingModule } from './record-of-processing/record-of-processing.module';
import { RemindersModule } from './reminders/reminders.module';
import { RequestsModule } from './requests/requests.module';
import { ReviewsModule } from './reviews/reviews.module';
import { SharingModule } from './sharing/sharing.module';
import { TodoModule } from './todo/todo.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, config),
          // Migrations already ran under a lock before the app was built (main.ts).
          migrationsRun: false,
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        CommonModule,
        LoadModule,
        AuthModule,
        HealthModule,
        OrganisationModule,
        AccountsModule,
        CatalogueModule,
        AgreementsModule,
        LicensingModule,
        ImportsModule,
        ReviewsModule,
        DocumentsModule,
        RequestsModule,
        NotificationsModule,
        TodoModule,
        PublicModule,
        RecordOfProcessingModule,
        DashboardModule,
        RemindersModule,
        CalendarModule,
        DemoModule,
        MunicipalitiesModule,
        SharingModule,
      ],
      providers: [ApiRoleCheck],
    };
  }
}
