import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    languageOptions: {
      // Lets consistent-type-imports keep the imports that decorator metadata needs at run time.
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
  },
];
