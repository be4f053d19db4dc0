import { ConfigurationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses defaults when nothing is set, and no database URL means embedded PostgreSQL', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      logLevel: 'info',
      dataDir: '/srv/app/.data',
      webDistDir: '/srv/app/dist/apps/web/browser',
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        DATABASE_URL: 'postgres://u:p@db.example:5432/lr',
        LOG_LEVEL: 'warn',
        DATA_DIR: '/var/lib/lr',
        WEB_DIST_DIR: 'web',
      },
      '/srv/app',
    );
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u:p@db.example:5432/lr',
      logLevel: 'warn',
      dataDir: '/var/lib/lr',
      webDistDir: '/srv/app/web',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeNull();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '30.5'],
    ['DATABASE_URL', 'mysql://localhost/lr'],
    ['LOG_LEVEL', 'loud'],
  ])('refuses a malformed %s (%s) with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigurationError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}.*${value}`));
  });

  it('names every malformed variable at once', () => {
    expect.assertions(1);
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' });
    } catch (error) {
      expect((error as ConfigurationError).problems.map((p) => p.split(' ')[0])).toEqual([
        'PORT',
        'LOG_LEVEL',
      ]);
    }
  });
});
