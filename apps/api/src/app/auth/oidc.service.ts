import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Configuration } from 'openid-client';
import { DataSource } from 'typeorm';

import type { AppConfig, OidcConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.provider';
import { AppException } from '../common/app-exception';
import { MunicipalitiesService } from '../municipalities/municipalities.service';

/** openid-client, loaded at the first single sign-on, not at start: most installations have none. */
const openIdClient = () => import('openid-client');

/** How long a browser may take at the identity provider before the attempt is forgotten. */
const LOGIN_ATTEMPT_MINUTES = 10;

/**
 * OpenID Connect sign-in (authorisation code flow with PKCE, state and nonce), switched on by
 * OIDC_ISSUER. The pending attempt is kept in PostgreSQL so any API instance can finish it.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  /** Discovered providers, by issuer and client id. */
  private readonly configurations = new Map<string, Promise<Configuration>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalitiesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get settings(): OidcConfig {
    if (!this.config.oidc) throw AppException.notFound('Single sign-on');
    return this.config.oidc;
  }

  /**
   * Where to send the browser to sign in to `municipality` (a slug; see MunicipalitiesService);
   * `state` also goes into a cookie to bind the browser.
   */
  async start(
    municipality: string | undefined,
    returnTo: string,
  ): Promise<{ url: string; state: string }> {
    void this.settings; // 404 when single sign-on is off, whichever municipality is named.
    // The attempt's row says which municipality it is for (its column's default).
    const municipalityId = await this.municipalities.actFor(municipality);
    const settings = await this.settingsFor(municipalityId);
    const [client, configuration] = await Promise.all([openIdClient(), this.discover(settings)]);
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    await this.dataSource.query(
      `DELETE FROM oidc_login WHERE created_at < now() - make_interval(mins => $1)`,
      [LOGIN_ATTEMPT_MINUTES],
    );
    await this.dataSource.query(
      `INSERT INTO oidc_login (state, code_verifier, nonce, return_to) VALUES ($1, $2, $3, $4)`,
      [state, codeVerifier, nonce, returnTo],
    );
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /**
   * Completes a sign-in from the provider's redirect: exchanges the code, checks the ID token and
   * returns the configured claim's value, the municipality signed in to and where the user was
   * going.
   */
  async finish(
    callbackUrl: URL,
    browserState: string | undefined,
  ): Promise<{ claimValue: string; municipalityId: string; returnTo: string }> {
    const state = callbackUrl.searchParams.get('state') ?? '';
    // TypeORM answers a DELETE ... RETURNING with [rows, affected count].
    const [deleted] = (await this.dataSource.query(
      `DELETE FROM oidc_login WHERE state = $1 AND created_at > now() - make_interval(mins => $2)
       RETURNING code_verifier, nonce, return_to, municipality_id`,
      [state, LOGIN_ATTEMPT_MINUTES],
    )) as [
      { code_verifier: string; nonce: string; return_to: string; municipality_id: string }[],
      number,
    ];
    const attempt = deleted[0];
    if (!attempt || state !== browserState) {
      throw new AppException('UNAUTHENTICATED', 'Unknown or expired sign-in attempt.');
    }
    const settings = await this.settingsFor(attempt.municipality_id);
    const [client, configuration] = await Promise.all([openIdClient(), this.discover(settings)]);
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: attempt.code_verifier,
      expectedState: state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    // Providers may keep profile claims such as e-mail out of the ID token; then ask userinfo.
    let claimValue = idToken?.[settings.claim];
    if (claimValue === undefined && idToken) {
      const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      claimValue = userInfo[settings.claim];
    }
    if (typeof claimValue !== 'string' || claimValue.length === 0) {
      throw new AppException(
        'UNAUTHENTICATED',
        `Neither the ID token nor userinfo has a ${settings.claim} claim.`,
      );
    }
    return { claimValue, municipalityId: attempt.municipality_id, returnTo: attempt.return_to };
  }

  /** The sign-in button's name for a municipality (its own provider's, or the installation's). */
  async labelFor(municipality: string | undefined): Promise<string> {
    const installation = this.settings;
    if (!municipality) return installation.label;
    const [row] = (await this.dataSource.query(
      `SELECT oidc_label FROM municipality WHERE slug = $1 AND oidc_issuer IS NOT NULL`,
      [municipality],
    )) as { oidc_label: string | null }[];
    return row?.oidc_label ?? installation.label;
  }

  /**
   * A municipality's provider: its own (`municipality.oidc_issuer` and client id, the secret from
   * OIDC_CLIENT_SECRET_<SLUG>), or the installation's. The callback and the claim are the
   * installation's either way.
   */
  private async settingsFor(municipalityId: string): Promise<OidcConfig> {
    const installation = this.settings;
    const [own] = (await this.dataSource.query(
      `SELECT slug, oidc_issuer, oidc_client_id, oidc_label FROM municipality WHERE id = $1`,
      [municipalityId],
    )) as {
      slug: string;
      oidc_issuer: string | null;
      oidc_client_id: string | null;
      oidc_label: string | null;
    }[];
    if (!own?.oidc_issuer || !own.oidc_client_id) return installation;
    const secretName = own.slug.toUpperCase().replace(/-/g, '_');
    const clientSecret = this.config.oidcClientSecrets[secretName];
    if (!clientSecret) {
      this.logger.error(
        `OIDC_CLIENT_SECRET_${secretName} is not set: ${own.slug}'s sign-in is off.`,
      );
      throw AppException.notFound('Single sign-on');
    }
    return {
      ...installation,
      issuer: own.oidc_issuer,
      clientId: own.oidc_client_id,
      clientSecret,
      label: own.oidc_label ?? installation.label,
    };
  }

  private discover(settings: OidcConfig): Promise<Configuration> {
    const key = `${settings.issuer} ${settings.clientId}`;
    let configuration = this.configurations.get(key);
    if (!configuration) {
      configuration = openIdClient()
        .then((client) =>
          client.discovery(
            new URL(settings.issuer),
            settings.clientId,
            settings.clientSecret,
            undefined,
            // Plain http only for a provider on this machine (tests, local development).
            new URL(settings.issuer).protocol === 'http:'
              ? { execute: [client.allowInsecureRequests] }
              : undefined,
          ),
        )
        .catch((error: unknown) => {
          this.configurations.delete(key);
          this.logger.error(`OpenID Connect discovery failed: ${String(error)}`);
          throw error;
        });
      this.configurations.set(key, configuration);
    }
    return configuration;
  }
}
