import { plainToInstance } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { isIP } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';
import type { DestinationStream } from 'pino';
import 'reflect-metadata';

import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '@licensregistret/domain';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Comma-separated whole days, for the reminders' lead times. */
const DAY_LIST = /^\d{1,4}(,\d{1,4})*$/;
const days = (list: string | undefined, fallback: readonly number[]): number[] =>
  list ? [...new Set(list.split(',').map(Number))].sort((a, b) => b - a) : [...fallback];

/** The environment variables the API reads. Every one is checked before anything starts. */
class EnvironmentVariables {
  @IsOptional()
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(0, { message: 'PORT must be between 0 and 65535' })
  @Max(65535, { message: 'PORT must be between 0 and 65535' })
  PORT?: number;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'DATABASE_URL must be a postgres:// or postgresql:// connection URL',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'DATABASE_APP_URL must be a postgres:// or postgresql:// connection URL',
  })
  DATABASE_APP_URL?: string;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: LogLevel;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'DEMO_DATA must be true or false' })
  DEMO_DATA?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9.:%-]+$/, {
    message: 'HOST must be an address or host name to listen on, e.g. 127.0.0.1 or 0.0.0.0',
  })
  HOST?: string;

  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  @IsOptional()
  @ValidateBy({
    name: 'trustProxy',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseTrustProxy(value) !== null,
      defaultMessage: () =>
        'TRUST_PROXY must be false, the number of proxies in front of the app (e.g. 1), or their ' +
        'addresses (e.g. 10.0.0.5,10.0.1.0/24, loopback); true is refused: it would take the ' +
        "client's own X-Forwarded-For as its address",
    },
  })
  TRUST_PROXY?: string;

  @IsOptional()
  @IsInt({ message: 'SESSION_IDLE_MINUTES must be a whole number' })
  @Min(1, { message: 'SESSION_IDLE_MINUTES must be at least 1' })
  SESSION_IDLE_MINUTES?: number;

  @IsOptional()
  @IsInt({ message: 'SESSION_ABSOLUTE_HOURS must be a whole number' })
  @Min(1, { message: 'SESSION_ABSOLUTE_HOURS must be at least 1' })
  SESSION_ABSOLUTE_HOURS?: number;

  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'OIDC_ISSUER must be a URL' },
  )
  OIDC_ISSUER?: string;

  @ValidateIf((env: EnvironmentVariables) => env.OIDC_ISSUER !== undefined)
  @IsString({ message: 'OIDC_CLIENT_ID is required when OIDC_ISSUER is set' })
  OIDC_CLIENT_ID?: string;

  @ValidateIf((env: EnvironmentVariables) => env.OIDC_ISSUER !== undefined)
  @IsString({ message: 'OIDC_CLIENT_SECRET is required when OIDC_ISSUER is set' })
  OIDC_CLIENT_SECRET?: string;

  @ValidateIf((env: EnvironmentVariables) => env.OIDC_ISSUER !== undefined)
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'OIDC_REDIRECT_URI is required when OIDC_ISSUER is set, as a URL' },
  )
  OIDC_REDIRECT_URI?: string;

  @IsOptional()
  @IsString()
  OIDC_CLAIM?: string;

  @IsOptional()
  @IsString()
  OIDC_LABEL?: string;

  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  MAIL_FROM?: string;

  @IsOptional()
  @Min(0, { message: 'DECISION_CONFIRMATION_THRESHOLD_SEK must be at least 0' })
  @IsInt({ message: 'DECISION_CONFIRMATION_THRESHOLD_SEK must be a whole number' })
  DECISION_CONFIRMATION_THRESHOLD_SEK?: number;

  @IsOptional()
  @IsEmail({}, { message: 'ACCESSIBILITY_CONTACT_EMAIL must be an e-mail address' })
  ACCESSIBILITY_CONTACT_EMAIL?: string;

  @IsOptional()
  @Min(0, { message: 'REMINDER_SCAN_MINUTES must be at least 0' })
  @IsInt({ message: 'REMINDER_SCAN_MINUTES must be a whole number' })
  REMINDER_SCAN_MINUTES?: number;

  @IsOptional()
  @Matches(DAY_LIST, { message: 'REMINDER_NOTICE_DAYS must be days, e.g. 120,60,30' })
  REMINDER_NOTICE_DAYS?: string;

  @IsOptional()
  @Matches(DAY_LIST, { message: 'REMINDER_EXTENSION_DAYS must be days, e.g. 120,60,30' })
  REMINDER_EXTENSION_DAYS?: string;

  @IsOptional()
  @Matches(DAY_LIST, { message: 'REMINDER_EXPIRING_DAYS must be days, e.g. 90,30' })
  REMINDER_EXPIRING_DAYS?: string;

  @IsOptional()
  @Matches(DAY_LIST, { message: 'REMINDER_REVIEW_DAYS must be days, e.g. 60,30' })
  REMINDER_REVIEW_DAYS?: string;

  @IsOptional()
  @Min(1, { message: 'REQUEST_WAITING_DAYS must be at least 1' })
  @IsInt({ message: 'REQUEST_WAITING_DAYS must be a whole number' })
  REQUEST_WAITING_DAYS?: number;

  @IsOptional()
  @Min(0, { message: 'STATEMENT_TIMEOUT_MS must be at least 0' })
  @IsInt({ message: 'STATEMENT_TIMEOUT_MS must be a whole number' })
  STATEMENT_TIMEOUT_MS?: number;

  @IsOptional()
  @Min(0, { message: 'EXPORT_STATEMENT_TIMEOUT_MS must be at least 0' })
  @IsInt({ message: 'EXPORT_STATEMENT_TIMEOUT_MS must be a whole number' })
  EXPORT_STATEMENT_TIMEOUT_MS?: number;

  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'S3_ENDPOINT must be a URL, e.g. https://s3.example.se' },
  )
  S3_ENDPOINT?: string;

  @ValidateIf((env: EnvironmentVariables) => env.S3_ENDPOINT !== undefined)
  @IsString({ message: 'S3_BUCKET is required when S3_ENDPOINT is set' })
  S3_BUCKET?: string;

  @ValidateIf((env: EnvironmentVariables) => env.S3_ENDPOINT !== undefined)
  @IsString({ message: 'S3_ACCESS_KEY_ID is required when S3_ENDPOINT is set' })
  S3_ACCESS_KEY_ID?: string;

  @ValidateIf((env: EnvironmentVariables) => env.S3_ENDPOINT !== undefined)
  @IsString({ message: 'S3_SECRET_ACCESS_KEY is required when S3_ENDPOINT is set' })
  S3_SECRET_ACCESS_KEY?: string;

  @IsOptional()
  @IsString()
  S3_REGION?: string;
}

/** Where demo mode listens unless HOST is set: this machine only. */
export const DEMO_HOST = '127.0.0.1';

/** Fastify's `trustProxy` as this API allows it: no proxy, a hop count, or addresses. */
export type TrustProxy = false | number | string[];

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** One proxy address for `trust proxy`: an IP, an IP with a prefix length, or a named range. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.includes(entry)) return true;
  const [ip = '', prefix, ...rest] = entry.split('/');
  const version = isIP(ip);
  if (version === 0 || rest.length > 0) return false;
  return (
    prefix === undefined ||
    (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128))
  );
}

/**
 * TRUST_PROXY as Fastify's `trustProxy` setting: `false` or `0` (no proxy: the socket's address
 * is the client's), a hop count, or a comma-separated list of the proxies' addresses. Null for
 * anything else, `true` included: trusting every hop would make the leftmost X-Forwarded-For
 * entry, which the client writes, its address.
 */
export function parseTrustProxy(value: string): TrustProxy | null {
  const text = value.trim();
  if (text === 'false' || text === '0') return false;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  return entries.length > 0 && entries.every(isProxyAddress) ? entries : null;
}

/**
 * A page, a count or a move takes milliseconds even on the benchmark's 200,000 requests; five
 * seconds is far beyond any honest call and short enough that a runaway one cannot hold a pooled
 * connection for long. An export's cursor fetches (the first one sorts the whole list) get more.
 */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;
export const DEFAULT_EXPORT_STATEMENT_TIMEOUT_MS = 60_000;

/** Where the demo municipality's accessibility statement sends reports. */
export const DEMO_ACCESSIBILITY_CONTACT = 'tillganglighet@demo.licensregistret.se';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** This API's callback, `<public URL>/api/auth/oidc/callback`, as registered at the provider. */
  redirectUri: string;
  /** The ID token claim matched against an account's e-mail address. */
  claim: string;
  /** Name of the sign-in service on the button, e.g. "kommunens konto". */
  label: string;
}

/** S3-compatible object storage for documents (their bytes; the rows stay in PostgreSQL). */
export interface S3Config {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export interface AppConfig {
  port: number;
  /** Null when no server is configured: the API then starts an embedded PostgreSQL. */
  databaseUrl: string | null;
  /**
   * With databaseUrl: how the API itself connects, as a login role of `licensregistret_api`
   * (row-level security applies to it; docs/tenancy.md). Migrations use databaseUrl.
   */
  databaseAppUrl: string | null;
  logLevel: LogLevel;
  /** Where log lines go: standard output unless a test captures them. */
  logDestination?: DestinationStream;
  /** Where the embedded PostgreSQL keeps its data (`<dataDir>/postgres`). */
  dataDir: string;
  /** The built Angular app, served at `/`. */
  webDistDir: string;
  version: string;
  /** Seed the demo municipality and accounts, and show their password: only when asked. */
  demoData: boolean;
  /**
   * The address the HTTP server listens on; null for every interface. Demo mode listens on
   * loopback unless HOST says otherwise, so its shared password is not offered to the network.
   */
  host: string | null;
  /**
   * Fastify's `trustProxy` (README, "Configuration"): false, how many proxies stand in front, or
   * their addresses. Decides whose X-Forwarded-For entry is the client's address (sign-in
   * throttling) and whether X-Forwarded-Proto makes cookies Secure. Never `true`.
   */
  trustProxy: TrustProxy;
  session: { idleMinutes: number; absoluteHours: number };
  /** OpenID Connect sign-in; null when not configured. */
  oidc: OidcConfig | null;
  /**
   * The client secrets of municipalities with a provider of their own (`municipality.oidc_issuer`),
   * from OIDC_CLIENT_SECRET_<SLUG> (the slug in capitals, `-` as `_`), by that suffix.
   */
  oidcClientSecrets: Record<string, string>;
  /** E-mail delivery of the notification outbox; null keeps notifications in the UI only. */
  mail: {
    smtpUrl: string;
    from: string;
    /** How often the outbox is checked; 0 only delivers when asked (tests). */
    pollSeconds: number;
  } | null;
  /** Above this annual cost (SEK) an object manager makes the decision on a request. */
  confirmationThreshold: number;
  /**
   * Where the public accessibility statement tells people to report problems (lag 2018:1937).
   * Null when the municipality has set none: the statement then points to its contact centre.
   */
  accessibilityContact: string | null;
  /** Lead times of the reminders, and how often the scan runs (0: only when asked, in tests). */
  reminders: ReminderSettings & { scanMinutes: number };
  /**
   * The longest one SQL statement of an API call may run (ms; 0: no limit); an export's
   * statements (each fetch of its cursor) get `exportStatementTimeoutMs`.
   */
  statementTimeoutMs: number;
  exportStatementTimeoutMs: number;
  /** Where uploaded documents' bytes go: S3 when configured, else PostgreSQL. */
  s3: S3Config | null;
  /**
   * Also write each schema-serialised answer with JSON.stringify and fail on any difference
   * (common/schema-serialiser.ts): on in the API tests, off in production.
   */
  checkAnswers?: boolean;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * Reads and checks the configuration once, at start-up. Unset and empty variables take their
 * defaults; a malformed one stops start-up with a message naming it.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  workspaceRoot = process.cwd(),
): AppConfig {
  const given = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const variables = plainToInstance(EnvironmentVariables, given, {
    enableImplicitConversion: true,
    excludeExtraneousValues: false,
  });
  // Implicit conversion reads "30.5" or "3e3" as numbers; only plain digits are whole numbers.
  for (const name of [
    'PORT',
    'SESSION_IDLE_MINUTES',
    'SESSION_ABSOLUTE_HOURS',
    'DECISION_CONFIRMATION_THRESHOLD_SEK',
    'REMINDER_SCAN_MINUTES',
    'REQUEST_WAITING_DAYS',
    'STATEMENT_TIMEOUT_MS',
    'EXPORT_STATEMENT_TIMEOUT_MS',
  ] as const) {
    if (given[name] !== undefined && !/^\d+$/.test(String(given[name]))) {
      variables[name] = Number.NaN;
    }
  }
  const errors = validateSync(variables, { stopAtFirstError: true });
  if (errors.length > 0) {
    throw new ConfigurationError(
      errors.flatMap((error) =>
        Object.values(error.constraints ?? {}).map(
          (message) => `${message} (got ${JSON.stringify(given[error.property])})`,
        ),
      ),
    );
  }
  const fromRoot = (path: string) => (isAbsolute(path) ? path : resolve(workspaceRoot, path));
  const demoData = variables.DEMO_DATA === 'true';
  if (demoData && variables.NODE_ENV === 'production') {
    throw new ConfigurationError([
      'DEMO_DATA=true is refused when NODE_ENV=production: the demo accounts share a published ' +
        'password (set DEMO_DATA=false; `npm start` asks for demo mode unless it is set)',
    ]);
  }
  return {
    port: variables.PORT ?? 3000,
    databaseUrl: variables.DATABASE_URL ?? null,
    databaseAppUrl: variables.DATABASE_APP_URL ?? null,
    logLevel: variables.LOG_LEVEL ?? 'info',
    dataDir: fromRoot(variables.DATA_DIR ?? '.data'),
    webDistDir: fromRoot(variables.WEB_DIST_DIR ?? join('dist', 'apps', 'web', 'browser')),
    version: process.env['npm_package_version'] ?? '0.1.0',
    demoData,
    host: variables.HOST ?? (demoData ? DEMO_HOST : null),
    trustProxy: parseTrustProxy(variables.TRUST_PROXY ?? 'false') ?? false,
    session: {
      idleMinutes: variables.SESSION_IDLE_MINUTES ?? 30,
      absoluteHours: variables.SESSION_ABSOLUTE_HOURS ?? 10,
    },
    oidcClientSecrets: Object.fromEntries(
      Object.entries(given)
        .filter(([name]) => /^OIDC_CLIENT_SECRET_[A-Z0-9_]+$/.test(name))
        .map(([name, value]) => [name.slice('OIDC_CLIENT_SECRET_'.length), String(value)]),
    ),
    oidc: variables.OIDC_ISSUER
      ? {
          issuer: variables.OIDC_ISSUER,
          clientId: variables.OIDC_CLIENT_ID as string,
          clientSecret: variables.OIDC_CLIENT_SECRET as string,
          redirectUri: variables.OIDC_REDIRECT_URI as string,
          claim: variables.OIDC_CLAIM ?? 'email',
          label: variables.OIDC_LABEL ?? 'kommunens konto',
        }
      : null,
    mail: variables.SMTP_URL
      ? {
          smtpUrl: variables.SMTP_URL,
          from: variables.MAIL_FROM ?? 'Licensregistret <noreply@licensregistret.invalid>',
          pollSeconds: 5,
        }
      : null,
    confirmationThreshold: variables.DECISION_CONFIRMATION_THRESHOLD_SEK ?? 100_000,
    accessibilityContact:
      variables.ACCESSIBILITY_CONTACT_EMAIL ?? (demoData ? DEMO_ACCESSIBILITY_CONTACT : null),
    reminders: {
      scanMinutes: variables.REMINDER_SCAN_MINUTES ?? 60,
      leadDays: {
        NOTICE_DEADLINE: days(
          variables.REMINDER_NOTICE_DAYS,
          DEFAULT_REMINDER_SETTINGS.leadDays.NOTICE_DEADLINE,
        ),
        EXTENSION_DECISION: days(
          variables.REMINDER_EXTENSION_DAYS,
          DEFAULT_REMINDER_SETTINGS.leadDays.EXTENSION_DECISION,
        ),
        AGREEMENT_EXPIRING: days(
          variables.REMINDER_EXPIRING_DAYS,
          DEFAULT_REMINDER_SETTINGS.leadDays.AGREEMENT_EXPIRING,
        ),
        REVIEW_DUE: days(
          variables.REMINDER_REVIEW_DAYS,
          DEFAULT_REMINDER_SETTINGS.leadDays.REVIEW_DUE,
        ),
      },
      requestWaitingDays:
        variables.REQUEST_WAITING_DAYS ?? DEFAULT_REMINDER_SETTINGS.requestWaitingDays,
    },
    statementTimeoutMs: variables.STATEMENT_TIMEOUT_MS ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    exportStatementTimeoutMs:
      variables.EXPORT_STATEMENT_TIMEOUT_MS ?? DEFAULT_EXPORT_STATEMENT_TIMEOUT_MS,
    s3: variables.S3_ENDPOINT
      ? {
          endpoint: variables.S3_ENDPOINT,
          bucket: variables.S3_BUCKET as string,
          accessKeyId: variables.S3_ACCESS_KEY_ID as string,
          secretAccessKey: variables.S3_SECRET_ACCESS_KEY as string,
          region: variables.S3_REGION ?? 'us-east-1',
        }
      : null,
  };
}
