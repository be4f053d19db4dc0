import baseConfig from '../../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      // The shared domain is pure TypeScript: no framework may leak into it.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@angular/*',
                '@nestjs/*',
                'typeorm',
                'class-validator',
                'class-transformer',
                'rxjs',
                'ag-grid-*',
              ],
              message: 'libs/shared/domain imports no framework.',
            },
          ],
        },
      ],
    },
  },
];
