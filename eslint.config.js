// ESLint flat configuration: the recommended JavaScript and TypeScript rules, with `any` forbidden.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The Node.js globals the plain JavaScript files use (the `globals` package is not a dependency).
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'URL', 'Buffer', 'setTimeout', 'clearTimeout', 'structuredClone'].map((name) => [
    name,
    'readonly',
  ]),
);

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'coverage/', 'tmp/', 'examples/**/briefings/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: nodeGlobals },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'prefer-const': 'error',
      'no-var': 'error',
    },
  },
  // The house (STYLE.md): cli -> project -> methods -> core. The core does no I/O and imports nothing above it;
  // a method uses the core only through its kit (src/methods/kit.ts) and never another method; a command never
  // imports another command's module.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/cli/**', '**/project/**', '**/methods/**'], message: 'The core imports nothing above it.' },
            { group: ['node:fs', 'node:fs/*', 'node:child_process', 'node:os', 'node:process', 'fs', 'child_process'], message: 'The core does no I/O: do it in src/project.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/methods/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/core/**'], message: 'A method uses the core only through ../kit.js.' },
            { group: ['**/cli/**', '**/project/**'], message: 'A method does no I/O and knows no command.' },
            {
              regex: '^\\.\\./(?!kit\\.js$)[^/]+/',
              message: 'A method never imports another method.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\./(analyse|brief|cycle|data-import|guide|init|lesson|status|validate)\\.js$',
              message: 'A command does not import another command: move what they share into a module of its own.',
            },
          ],
        },
      ],
    },
  },
  {
    // Generated from the schemas: checked by `gen-types.mjs --check`, not by hand.
    files: ['src/**/types.generated.ts'],
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
);
