import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { actForMunicipality } from '../../database/query-scope';
import { AppException } from '../common/app-exception';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';

export interface StartedSession {
  token: string;
  csrfToken: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionService,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  /**
   * Signs in with a password. Refused with 429 and the seconds to wait while this client is
   * slowed down (LoginThrottleService), before the password is even checked; otherwise 401 for
   * any wrong detail, without saying which. A success also returns the device token that lets
   * this browser in as this name while others' failures slow the name down. The call acts for the
   * municipality signed in to from the start: names, throttling and sessions are its own.
   */
  async login(
    municipality: string | undefined,
    usernameGiven: string,
    password: string,
    address: string,
    deviceTokens: string[] = [],
  ): Promise<StartedSession & { deviceToken: string }> {
    await this.municipalities.actFor(municipality);
    const username = usernameGiven.trim().toLowerCase();
    const verdict = await this.throttle.begin(username, address, deviceTokens);
    if (!verdict.allowed) {
      const { retryAfter } = verdict;
      const wait =
        retryAfter < 60 ? `${retryAfter} seconds` : `${Math.ceil(retryAfter / 60)} minutes`;
      throw new AppException('RATE_LIMITED', `Too many failed sign-ins. Try again in ${wait}.`, {
        headers: { 'Retry-After': String(retryAfter) },
        extensions: { retryAfter },
      });
    }
    const [account] = (await this.dataSource.query(
      `SELECT id, password_hash, active FROM account WHERE username = $1`,
      [username],
    )) as { id: string; password_hash: string | null; active: boolean }[];
    const passwordMatches = await this.passwords.verify(account?.password_hash ?? null, password);
    if (!account || !account.active || !passwordMatches) {
      // The attempt stays recorded as a failure.
      throw new AppException('UNAUTHENTICATED', 'Wrong username or password.');
    }
    const deviceToken = await this.throttle.succeeded(verdict.attempt, account.id);
    return { ...(await this.sessions.create(account.id)), deviceToken };
  }

  /**
   * Starts a session for the one active account with this e-mail in the municipality the single
   * sign-on was for. None, or more than one, signs nobody in: guessing which of two accounts was
   * meant could grant the wrong roles.
   */
  async loginByEmail(municipalityId: string, email: string): Promise<StartedSession | null> {
    actForMunicipality(municipalityId);
    const accounts = (await this.dataSource.query(
      `SELECT id FROM account WHERE lower(email) = lower($1) AND active LIMIT 2`,
      [email],
    )) as { id: string }[];
    return accounts.length === 1 ? this.sessions.create((accounts[0] as { id: string }).id) : null;
  }
}
