import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'release',
      'test-results',
      'playwright-report',
      'bench-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The pure core: no platform, no UI, no storage (DESIGN.md "Arrows point inward").
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', '@mui/*', 'dexie', 'dexie-*'],
              message: 'shared/ is pure: no UI or storage.',
            },
            {
              group: ['electron', 'node:*', 'fs', 'path', 'os'],
              message: 'shared/ is pure: no Node or Electron.',
            },
            {
              group: ['**/renderer/**', '**/electron/**', '**/server/**'],
              message: 'shared/ imports nothing of the others.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*'],
              message: 'The renderer talks to the desktop only through DeskBridge.',
            },
            {
              group: ['**/electron/**'],
              message: 'The renderer talks to the desktop only through DeskBridge.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'build/**/*.{ts,js,mjs}', 'tests/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
  // The benchmark: a browser page (bench/idb/) and the Node scripts that build and drive it.
  { files: ['bench/idb/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['bench/**/*.mjs', 'bench/*.ts'], languageOptions: { globals: { ...globals.node } } },
);
