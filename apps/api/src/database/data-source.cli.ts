// Entry for the TypeORM CLI (`npm run db:migration:generate -- --name=...`): the configured
// server, or the embedded one, exactly as the API would use it.
import { DataSource } from 'typeorm';

import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source';
import { resolveDatabase } from './database-url';

export default resolveDatabase(loadConfig()).then(
  ({ url }) => new DataSource(dataSourceOptions(url)),
);
