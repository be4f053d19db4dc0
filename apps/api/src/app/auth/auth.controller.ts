import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Logger,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { XSRF_COOKIE } from '@licensregistret/domain';

import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.provider';
import { AppException } from '../common/app-exception';
import { DEMO_PASSWORD } from '../demo/demo-data';
import { ApiProblems } from '../openapi/api-problems';
import { ApiRedirectResponse } from '../openapi/api-responses';
import { type Actor, type RequestWithActor, toSessionUser } from './actor';
import {
  clearSessionCookies,
  ensureAnonymousXsrfCookie,
  lifetime,
  readCookie,
  readDeviceTokens,
  setDeviceCookie,
  setSessionCookies,
  setSessionXsrfCookie,
} from './auth-cookies';
import { AuthService, type StartedSession } from './auth.service';
import { CurrentActor } from './current-actor.decorator';
import { LoginDto } from './dto/login.dto';
import { AuthConfigDto, SessionStateDto, SessionUserDto } from './dto/session-user.dto';
import { DEVICE_TRUST_DAYS } from './login-throttle.service';
import { OidcService } from './oidc.service';
import { SessionService } from './session.service';

const OIDC_STATE_COOKIE = 'lr_oidc_state';

/** Only same-site paths, so a crafted link cannot send a signed-in user elsewhere. */
function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  private readonly logger = new Logger(AuthController.name);

  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly oidc: OidcService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * What the sign-in page offers (for the municipality named, whose own single sign-on may have
   * its own name); also sets the XSRF-TOKEN cookie the sign-in must repeat.
   */
  @Get('config')
  @ApiQuery({
    name: 'municipality',
    required: false,
    description: 'The slug of the municipality chosen on the sign-in page',
  })
  async getConfig(
    @Query('municipality') municipality: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<AuthConfigDto> {
    ensureAnonymousXsrfCookie(request, response);
    const chosen =
      typeof municipality === 'string' && municipality !== '' ? municipality : undefined;
    return {
      demoPassword: this.config.demoData ? DEMO_PASSWORD : null,
      oidc: {
        enabled: this.config.oidc !== null,
        label: this.config.oidc ? await this.oidc.labelFor(chosen) : '',
      },
      accessibilityContact: this.config.accessibilityContact,
    };
  }

  /** Signs in with a username and password; sets the session and XSRF-TOKEN cookies. */
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiProblems(429)
  async login(
    @Body() body: LoginDto,
    @Req() request: RequestWithActor,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<SessionUserDto> {
    const session = await this.auth.login(
      body.municipality,
      body.username,
      body.password,
      request.ip ?? 'unknown',
      readDeviceTokens(request),
    );
    setDeviceCookie(request, response, session.deviceToken, DEVICE_TRUST_DAYS * 86_400_000);
    return this.signIn(session, request, response);
  }

  /** Ends the session, if any, and clears its cookies. */
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  async logout(
    @Req() request: RequestWithActor,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    if (request.actor) {
      await this.sessions.end(request.actor.sessionTokenHash);
    }
    clearSessionCookies(request, response);
  }

  /**
   * The signed-in person.
   *
   * Also hands the page its session's CSRF token again, should the cookie have been lost.
   */
  @Get('me')
  me(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): SessionUserDto {
    this.renewXsrfCookie(actor, request, response);
    return toSessionUser(actor);
  }

  /**
   * Whether a session exists, and whose: 200 either way, so the web app learns it without a
   * failed request. Signed in, it hands the page its session's CSRF token again like `me`.
   */
  @Get('session')
  session(
    @Req() request: RequestWithActor,
    @Res({ passthrough: true }) response: FastifyReply,
  ): SessionStateDto {
    const actor = request.actor;
    if (!actor) return { signedIn: false, user: null };
    this.renewXsrfCookie(actor, request, response);
    return { signedIn: true, user: toSessionUser(actor) };
  }

  /** Starts single sign-on: redirects to the provider. */
  @Get('oidc/login')
  @ApiRedirectResponse('To the OpenID Connect provider')
  @ApiQuery({ name: 'returnTo', required: false, description: 'A path of this site to return to' })
  @ApiQuery({
    name: 'municipality',
    required: false,
    description: 'The slug of the municipality signed in to; may be left out where there is one',
  })
  async oidcLogin(
    @Query('returnTo') returnTo: unknown,
    @Query('municipality') municipality: unknown,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ): Promise<void> {
    const { url, state } = await this.oidc.start(
      typeof municipality === 'string' && municipality !== '' ? municipality : undefined,
      safeReturnPath(returnTo),
    );
    response.setCookie(OIDC_STATE_COOKIE, state, {
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      path: '/api/auth/oidc',
      ...lifetime(10 * 60 * 1000),
    });
    response.redirect(url, HttpStatus.FOUND);
  }

  /** The provider's answer: signs in and redirects to the page that started it. */
  @Get('oidc/callback')
  @ApiRedirectResponse(
    'Signed in, to the page that started it; or to the sign-in page with an error',
  )
  async oidcCallback(
    @Req() request: RequestWithActor,
    @Res() response: FastifyReply,
  ): Promise<void> {
    response.clearCookie(OIDC_STATE_COOKIE, { path: '/api/auth/oidc' });
    const callbackUrl = new URL(request.originalUrl, this.oidc.settings.redirectUri);
    let result: { claimValue: string; municipalityId: string; returnTo: string };
    try {
      result = await this.oidc.finish(callbackUrl, readCookie(request, OIDC_STATE_COOKIE));
    } catch (error) {
      if (error instanceof AppException && error.code === 'NOT_FOUND') throw error;
      this.logger.warn(
        { reqId: request.id },
        `Single sign-on failed: ${error instanceof Error ? error.message : error}`,
      );
      response.redirect('/logga-in?fel=sso', HttpStatus.FOUND);
      return;
    }
    const session = await this.auth.loginByEmail(result.municipalityId, result.claimValue);
    if (!session) {
      response.redirect('/logga-in?fel=sso-okant-konto', HttpStatus.FOUND);
      return;
    }
    setSessionCookies(request, response, session, this.config.session.absoluteHours * 3_600_000);
    response.redirect(result.returnTo, HttpStatus.FOUND);
  }

  private renewXsrfCookie(actor: Actor, request: FastifyRequest, response: FastifyReply): void {
    if (readCookie(request, XSRF_COOKIE) !== actor.csrfToken) {
      setSessionXsrfCookie(
        request,
        response,
        actor.csrfToken,
        this.config.session.absoluteHours * 3_600_000,
      );
    }
  }

  private async signIn(
    session: StartedSession,
    request: RequestWithActor,
    response: FastifyReply,
  ): Promise<SessionUserDto> {
    setSessionCookies(request, response, session, this.config.session.absoluteHours * 3_600_000);
    const actor = await this.sessions.authenticate(session.token);
    if (!actor) throw new AppException('UNAUTHENTICATED', 'The new session could not be read.');
    return toSessionUser(actor);
  }
}
