import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** The renderer reaches the desktop only through DeskBridge. */
const RENDERER_NO_DESKTOP = [
  {
    group: ['electron', 'node:*', '**/electron/**'],
    message: 'The renderer talks to the desktop only through DeskBridge.',
  },
];

/**
 * One block per renderer room: its files may not import the rooms above it. `tests: false`
 * leaves the room's tests free (feature tests start the app's i18n).
 */
function rendererRooms(rooms) {
  return rooms.map(({ room, above, tests = true }) => ({
    files: [`renderer/src/${room}/**/*.{ts,tsx}`],
    ...(tests ? {} : { ignores: ['**/*.test.{ts,tsx}'] }),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...RENDERER_NO_DESKTOP,
            ...above.map((upper) => ({
              // The core has folders of the same names (shared/export, shared/paper): never these.
              group: [`**/${upper}/**`, `**/${upper}`, '!@shared/**'],
              message: `renderer/src/${room}/ sits below ${upper}/: it may not import it (README "Layout").`,
            })),
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'dist-server',
      'server-data',
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
      'no-restricted-imports': ['error', { patterns: RENDERER_NO_DESKTOP }],
    },
  },
  // Rooms by role (README "Layout"): each lower room refuses imports from the rooms above it.
  // The patterns name folders wherever they sit, so a relative climb cannot get round them.
  ...rendererRooms([
    { room: 'db', above: ['features', 'app', 'ui', 'paper', 'export', 'desk', 'vocabulary'] },
    { room: 'vocabulary', above: ['features', 'app', 'ui', 'paper', 'export', 'desk', 'db'] },
    { room: 'desk', above: ['features', 'app', 'ui', 'paper', 'export'] },
    { room: 'paper', above: ['features', 'app', 'ui'] },
    { room: 'export', above: ['features', 'app', 'ui', 'paper'] },
    { room: 'ui', above: ['features', 'app'] },
    { room: 'features', above: ['app'], tests: false },
  ]),
  {
    // The central server (issue 15): Node, and of this repository only shared/.
    files: ['server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**', '**/bench/**', '**/tests/**'],
              message: 'server/ may import shared/ only.',
            },
            {
              group: ['react', 'react-*', '@mui/*', 'dexie', 'dexie-*', 'electron'],
              message: 'server/ is a Node service: no UI, no IndexedDB, no Electron.',
            },
          ],
        },
      ],
    },
  },
  {
    // The group report command prints with the desk's own monthly-report builder (pure ExcelJS
    // and words, no DOM), so head office's file and a desk's file are one form. Only that room.
    files: ['server/src/report/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '(^|/)(renderer/(?!src/export/(monthly-workbook|sheet-words)$)|electron/|bench/|tests/)',
              message: 'server/src/report/ may import shared/ and the desk workbook builders only.',
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
