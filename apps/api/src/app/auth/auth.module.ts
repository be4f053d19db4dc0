import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';

import { HeavyCallGuard } from '../load/heavy-calls.guard';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { OidcService } from './oidc.service';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';

@Module({
  imports: [MunicipalitiesModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    LoginThrottleService,
    OidcService,
    PasswordService,
    SessionService,
    // In this order: the heavy calls are counted by the account the access check found.
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: HeavyCallGuard },
  ],
  exports: [PasswordService, SessionService],
})
export class AuthModule {}
