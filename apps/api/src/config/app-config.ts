import 'reflect-metadata';

import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { isAbsolute, join, resolve } from 'node:path';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

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
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: LogLevel;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;
}

export interface AppConfig {
  port: number;
  /** Null when no server is configured: the API then starts an embedded PostgreSQL. */
  databaseUrl: string | null;
  logLevel: LogLevel;
  /** Where the embedded PostgreSQL keeps its data (`<dataDir>/postgres`). */
  dataDir: string;
  /** The built Angular app, served at `/`. */
  webDistDir: string;
  version: string;
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
  if (given['PORT'] !== undefined && !/^\d+$/.test(String(given['PORT']))) {
    variables.PORT = Number.NaN;
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
  return {
    port: variables.PORT ?? 3000,
    databaseUrl: variables.DATABASE_URL ?? null,
    logLevel: variables.LOG_LEVEL ?? 'info',
    dataDir: fromRoot(variables.DATA_DIR ?? '.data'),
    webDistDir: fromRoot(variables.WEB_DIST_DIR ?? join('dist', 'apps', 'web', 'browser')),
    version: process.env['npm_package_version'] ?? '0.1.0',
  };
}
