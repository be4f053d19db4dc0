export default {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    // openid-client and its dependencies ship only ES modules, which jest's CommonJS runtime
    // cannot require; Node itself (the built API) can.
    '^.+/node_modules/(openid-client|oauth4webapi|jose)/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022' }, isolatedModules: true },
    ],
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
