import { ConfigurationError, DEMO_ACCESSIBILITY_CONTACT, loadConfig } from './app-config';

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

describe('loadConfig: demo data, sessions and single sign-on', () => {
  it('seeds demo data only when DEMO_DATA=true, with the embedded database too', () => {
    expect(loadConfig({}).demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db' }).demoData).toBe(false);
    expect(loadConfig({ DEMO_DATA: 'true' }).demoData).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db', DEMO_DATA: 'true' }).demoData).toBe(true);
    expect(loadConfig({ DEMO_DATA: 'false' }).demoData).toBe(false);
  });

  it('listens on loopback in demo mode unless HOST says otherwise, and on every interface outside it', () => {
    expect(loadConfig({}).host).toBeNull();
    expect(loadConfig({ DEMO_DATA: 'true' }).host).toBe('127.0.0.1');
    expect(loadConfig({ DEMO_DATA: 'true', HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
    expect(() => loadConfig({ HOST: 'http://example' })).toThrow(/HOST must be/);
  });

  it('refuses demo accounts when NODE_ENV=production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'true' })).toThrow(
      /DEMO_DATA=true is refused when NODE_ENV=production/,
    );
    expect(loadConfig({ NODE_ENV: 'production' }).demoData).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', DEMO_DATA: 'true' }).demoData).toBe(true);
  });

  it('has session expiry defaults and reads overrides', () => {
    expect(loadConfig({}).session).toEqual({ idleMinutes: 30, absoluteHours: 10 });
    expect(loadConfig({ SESSION_IDLE_MINUTES: '5' }).session.idleMinutes).toBe(5);
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '0' })).toThrow(/SESSION_IDLE_MINUTES/);
  });

  it('switches OpenID Connect on with an issuer, and then needs the client settings', () => {
    expect(loadConfig({}).oidc).toBeNull();
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example/tenant' })).toThrow(
      /OIDC_CLIENT_ID is required[\s\S]*OIDC_CLIENT_SECRET is required[\s\S]*OIDC_REDIRECT_URI/,
    );
    const config = loadConfig({
      OIDC_ISSUER: 'https://login.example/tenant',
      OIDC_CLIENT_ID: 'licensregistret',
      OIDC_CLIENT_SECRET: 's3cret',
      OIDC_REDIRECT_URI: 'https://lr.example/api/auth/oidc/callback',
    });
    expect(config.oidc).toEqual({
      issuer: 'https://login.example/tenant',
      clientId: 'licensregistret',
      clientSecret: 's3cret',
      redirectUri: 'https://lr.example/api/auth/oidc/callback',
      claim: 'email',
      label: 'kommunens konto',
    });
  });

  it('sends e-mail only with SMTP_URL, and checks it', () => {
    expect(loadConfig({}).mail).toBeNull();
    expect(loadConfig({ SMTP_URL: 'smtp://mail.kommun.example:587' }).mail).toEqual({
      smtpUrl: 'smtp://mail.kommun.example:587',
      from: 'Licensregistret <noreply@licensregistret.invalid>',
      pollSeconds: 5,
    });
    expect(() => loadConfig({ SMTP_URL: 'mail.kommun.example' })).toThrow(/SMTP_URL must be/);
  });

  it('has a decision confirmation threshold of SEK 100 000 unless told otherwise', () => {
    expect(loadConfig({}).confirmationThreshold).toBe(100_000);
    expect(
      loadConfig({ DECISION_CONFIRMATION_THRESHOLD_SEK: '250000' }).confirmationThreshold,
    ).toBe(250_000);
    expect(() => loadConfig({ DECISION_CONFIRMATION_THRESHOLD_SEK: '1e5' })).toThrow(
      /DECISION_CONFIRMATION_THRESHOLD_SEK must be a whole number/,
    );
  });

  it('has no accessibility contact by default, outside demo mode', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db' }).accessibilityContact).toBeNull();
    expect(loadConfig({ DEMO_DATA: 'false' }).accessibilityContact).toBeNull();
  });

  it('gives the demo municipality its own accessibility contact', () => {
    expect(DEMO_ACCESSIBILITY_CONTACT).toBe('tillganglighet@demo.licensregistret.se');
    expect(loadConfig({ DEMO_DATA: 'true' }).accessibilityContact).toBe(DEMO_ACCESSIBILITY_CONTACT);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://h/db', DEMO_DATA: 'true' }).accessibilityContact,
    ).toBe(DEMO_ACCESSIBILITY_CONTACT);
  });

  it('reads ACCESSIBILITY_CONTACT_EMAIL, in demo mode too', () => {
    const email = 'tillganglighet@kommun.example.se';
    expect(
      loadConfig({ DATABASE_URL: 'postgres://h/db', ACCESSIBILITY_CONTACT_EMAIL: email })
        .accessibilityContact,
    ).toBe(email);
    expect(loadConfig({ ACCESSIBILITY_CONTACT_EMAIL: email }).accessibilityContact).toBe(email);
  });

  it.each([
    'tillganglighet',
    'tillganglighet@',
    'mailto:tillganglighet@kommun.se',
    'a b@kommun.se',
  ])('refuses a malformed ACCESSIBILITY_CONTACT_EMAIL (%s) with a message naming it', (value) => {
    expect(() => loadConfig({ ACCESSIBILITY_CONTACT_EMAIL: value })).toThrow(
      /ACCESSIBILITY_CONTACT_EMAIL must be an e-mail address/,
    );
  });

  it('has reminder lead times per kind, largest first, and a scan every hour', () => {
    const defaults = loadConfig({}).reminders;
    expect(defaults).toEqual({
      scanMinutes: 60,
      leadDays: {
        NOTICE_DEADLINE: [120, 60, 30],
        EXTENSION_DECISION: [120, 60, 30],
        AGREEMENT_EXPIRING: [90, 30],
        REVIEW_DUE: [60, 30],
      },
      requestWaitingDays: 14,
    });
    const custom = loadConfig({
      REMINDER_NOTICE_DAYS: '30,180,90',
      REQUEST_WAITING_DAYS: '7',
      REMINDER_SCAN_MINUTES: '0',
    }).reminders;
    expect(custom.leadDays.NOTICE_DEADLINE).toEqual([180, 90, 30]);
    expect(custom.requestWaitingDays).toBe(7);
    expect(custom.scanMinutes).toBe(0);
    expect(() => loadConfig({ REMINDER_REVIEW_DAYS: '60;30' })).toThrow(
      /REMINDER_REVIEW_DAYS must be days/,
    );
    expect(() => loadConfig({ REQUEST_WAITING_DAYS: '0' })).toThrow(
      /REQUEST_WAITING_DAYS must be at least 1/,
    );
  });

  it('bounds statements: 5 s for API calls and 60 s for exports unless set; 0 turns it off', () => {
    const defaults = loadConfig({});
    expect([defaults.statementTimeoutMs, defaults.exportStatementTimeoutMs]).toEqual([5000, 60000]);
    const set = loadConfig({ STATEMENT_TIMEOUT_MS: '0', EXPORT_STATEMENT_TIMEOUT_MS: '120000' });
    expect([set.statementTimeoutMs, set.exportStatementTimeoutMs]).toEqual([0, 120000]);
    expect(() => loadConfig({ STATEMENT_TIMEOUT_MS: '2.5' })).toThrow(
      /STATEMENT_TIMEOUT_MS must be a whole number/,
    );
    expect(() => loadConfig({ EXPORT_STATEMENT_TIMEOUT_MS: '-1' })).toThrow(
      /EXPORT_STATEMENT_TIMEOUT_MS must be/,
    );
  });
});

describe('loadConfig: TRUST_PROXY', () => {
  it('trusts no proxy by default, or when told false or 0', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('takes a hop count, or the proxies’ addresses and networks', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(
      loadConfig({ TRUST_PROXY: '10.0.0.5, 10.0.1.0/24,fd00::/8,loopback' }).trustProxy,
    ).toEqual(['10.0.0.5', '10.0.1.0/24', 'fd00::/8', 'loopback']);
  });

  it.each(['true', 'yes', '10.0.0.300', '10.0.0.0/33', 'fd00::/129', '10.0.0.1,', '-1', '1.5'])(
    'refuses TRUST_PROXY=%s, naming it: trusting every hop is never an option',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigurationError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(
        /TRUST_PROXY must be false, the number of proxies/,
      );
    },
  );
});
