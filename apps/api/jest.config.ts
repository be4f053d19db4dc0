const tsJest = [
  'ts-jest',
  {
    tsconfig: '<rootDir>/tsconfig.spec-swagger.json',
    diagnostics: false,
    astTransformers: { before: ['<rootDir>/swagger-plugin.js'] },
  },
];

export default {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.e2e-spec.ts'],
  // One ts-jest set-up for every file (jest keeps one per transformer module, so differing
  // options per pattern would not hold): the swagger plugin as in the webpack build
  // (swagger-plugin.js), which reads types, so a language service rather than isolated modules;
  // type errors are typecheck's to report. openid-client and its dependencies ship only ES
  // modules, which jest's CommonJS runtime cannot require (Node itself can): allowJs compiles them.
  transform: {
    '^.+\\.ts$': tsJest,
    '^.+/node_modules/(openid-client|oauth4webapi|jose)/.+\\.js$': tsJest,
    // The Nx preset's pattern, with the same set-up.
    '^.+\\.(ts|js|mts|mjs|cts|cjs|html)$': tsJest,
  },
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'],
  moduleFileExtensions: ['ts', 'js'],
  // One PostgreSQL server and one migrated template database per run (src/test/global-setup.ts);
  // each test file works in a copy of its own (src/test/per-file-database.ts).
  globalSetup: '<rootDir>/src/test/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/src/test/per-file-database.ts'],
  globalTeardown: '<rootDir>/src/test/global-teardown.ts',
  testTimeout: 30000,
  coverageDirectory: '../../coverage/apps/api',
};
