import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      // Playwright fixtures take their dependencies by destructuring, even when none is used.
      'no-empty-pattern': 'off',
    },
  },
];
