import { types } from 'pg';
import type { DataSourceOptions } from 'typeorm';

import { AccountEntity } from '../app/accounts/entities/account.entity';
import { AdministrationEntity } from '../app/organisation/entities/administration.entity';
import { MunicipalityEntity } from '../app/organisation/entities/municipality.entity';
import { SchoolUnitEntity } from '../app/organisation/entities/school-unit.entity';
import { MIGRATIONS } from './migrations';
import { PreparingClient } from './preparing-client';

// A DATE is a calendar day: keep it as 'YYYY-MM-DD' instead of a Date at local midnight.
const DATE_OID = 1082;
types.setTypeParser(DATE_OID, (value: string) => value);

/** One set of options for the Nest module, the migrate script and the TypeORM CLI. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // The schema belongs to the committed migrations, never to the entities.
    synchronize: false,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    entities: [MunicipalityEntity, AdministrationEntity, SchoolUnitEntity, AccountEntity],
    applicationName: 'licensregistret-api',
    extra: {
      Client: PreparingClient,
      max: 10,
      // Fail fast when the server is down or hung: a request answers 503 instead of waiting.
      connectionTimeoutMillis: 2000,
    },
  };
}
