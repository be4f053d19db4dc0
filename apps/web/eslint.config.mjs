import nx from '@nx/eslint-plugin';

import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'lr', style: 'camelCase' },
      ],
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'lr', style: 'kebab-case' },
      ],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
    },
  },
  {
    files: ['**/*.html'],
    rules: {
      // Keyboard use and labels (WCAG 2.1 AA), checked at lint time as well as by axe in e2e.
      ...Object.fromEntries(
        [
          'alt-text',
          'elements-content',
          'label-has-associated-control',
          'table-scope',
          'valid-aria',
          'click-events-have-key-events',
          'mouse-events-have-key-events',
          'interactive-supports-focus',
          'role-has-required-aria',
          'no-autofocus',
          'no-positive-tabindex',
        ].map((rule) => [`@angular-eslint/template/${rule}`, 'error']),
      ),
    },
  },
];
