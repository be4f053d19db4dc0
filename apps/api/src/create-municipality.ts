// `npm run municipality:create -- --name "Kumla kommun" --admin-username anna --admin-name "Anna A"
//  --admin-email anna@kumla.se [--slug kumla] [--administration "Förvaltning ..."]
//  [--oidc-issuer URL --oidc-client-id ID [--oidc-label "Kumlas konto"]]`: the national
// administrator adds a municipality and its first administrator, as the database's owner, on the
// configured or embedded database. Prints the administrator's first password once.
import { hash } from '@node-rs/argon2';
import { parseArgs } from 'node:util';
import 'reflect-metadata';
import { DataSource } from 'typeorm';

import { createMunicipality } from './app/municipalities/create-municipality';
import { ConfigurationError, loadConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source';
import { resolveDatabase } from './database/database-url';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      slug: { type: 'string' },
      administration: { type: 'string', default: 'Förvaltning förskola och skola' },
      'admin-username': { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-email': { type: 'string' },
      'oidc-issuer': { type: 'string' },
      'oidc-client-id': { type: 'string' },
      'oidc-label': { type: 'string' },
    },
  });
  const missing = ['name', 'admin-username', 'admin-name', 'admin-email'].filter(
    (key) => !values[key as keyof typeof values],
  );
  if (missing.length > 0)
    throw new ConfigurationError(missing.map((key) => `--${key} is required`));
  const database = await resolveDatabase(loadConfig());
  const dataSource = new DataSource(dataSourceOptions(database.url));
  try {
    await dataSource.initialize();
    const created = await dataSource.transaction((manager) =>
      createMunicipality(
        manager,
        {
          name: values.name as string,
          slug: values.slug,
          administrationName: values.administration as string,
          admin: {
            username: values['admin-username'] as string,
            displayName: values['admin-name'] as string,
            email: values['admin-email'] as string,
          },
          oidc:
            values['oidc-issuer'] && values['oidc-client-id']
              ? {
                  issuer: values['oidc-issuer'],
                  clientId: values['oidc-client-id'],
                  label: values['oidc-label'],
                }
              : undefined,
        },
        (password) => hash(password),
      ),
    );
    console.log(
      `Created ${values.name} (${created.slug}). Its administrator signs in as ` +
        `${values['admin-username']} with the password ${created.adminPassword} (change it).`,
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
