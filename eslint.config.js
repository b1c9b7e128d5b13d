// Lint, including the layering of docs/architecture.md: shared/ is pure code any layer may
// import; the core never imports electron, React or the DOM; the renderer never imports
// Node or electron, and takes only types from the core; the preload carries the contract
// and nothing else.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const layer = (message, { paths = [], patterns = [] }) => [
  'error',
  {
    paths: paths.map((name) => ({ name, message })),
    patterns: patterns.map((pattern) => ({ message, ...pattern })),
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.shared.json', './tsconfig.node.json', './tsconfig.web.json', './tsconfig.tests.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    // Vitest reads a fixture's needs from its first parameter's pattern: one that needs nothing is `{}`.
    files: ['tests/**/*.ts'],
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      '@typescript-eslint/no-restricted-imports': layer(
        'shared/ is pure code the core, the renderer and the hub all import: no Node, no DOM, no Electron, no libraries, nothing of another layer (the UI languages in locales/ excepted).',
        {
          paths: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'zod'],
          patterns: [{ regex: String.raw`^(?!\./|\.\./locales$)` }],
        },
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', 'globalThis'],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': layer('electron/core is plain Node: no electron, React or DOM, and no other layer.', {
        paths: ['electron', 'react', 'react-dom', 'react-dom/client', 'react-i18next', 'lucide-react'],
        patterns: [{ group: ['**/main/**', '**/preload/**', '**/host/**', '**/cli/**', '**/renderer/**', '**/hub/**'] }],
      }),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement'],
    },
  },
  {
    files: ['electron/host/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': layer('electron/host serves the core over HTTP: no electron, no other layer.', {
        paths: ['electron'],
        patterns: [{ group: ['**/main/**', '**/preload/**', '**/cli/**', '**/renderer/**'] }],
      }),
    },
  },
  {
    files: ['hub/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': layer("hub/ builds on the core's pack format: no electron, no app shell, no UI.", {
        paths: ['electron'],
        patterns: [
          { group: ['**/electron/main/**', '**/electron/preload/**', '**/electron/host/**', '**/electron/cli/**', '**/renderer/**'] },
        ],
      }),
    },
  },
  {
    files: ['electron/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': layer('electron/cli uses the core and the host: no electron, no UI.', {
        paths: ['electron'],
        patterns: [{ group: ['**/main/**', '**/preload/**', '**/renderer/**'] }],
      }),
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': layer('electron/main wires the core to Electron: no host, CLI or UI code.', {
        patterns: [{ group: ['**/host/**', '**/cli/**', '**/renderer/**'] }],
      }),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': layer('The sandboxed preload exposes the contract over IPC and nothing else.', {
        paths: nodeBuiltins,
        patterns: [
          { group: ['**/core/**', '!**/core/contract', '!**/core/contract/**'] },
          { group: ['**/main/**', '**/host/**', '**/cli/**', '**/renderer/**'] },
        ],
      }),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      '@typescript-eslint/no-restricted-imports': layer(
        'The renderer reaches the core only through the API client, and takes only types from it.',
        {
          paths: ['electron', ...nodeBuiltins],
          patterns: [
            { group: ['node:*'] },
            { group: ['**/electron/**', '!**/electron/core', '!**/electron/core/**'] },
            { group: ['**/electron/core/**'], allowTypeImports: true },
          ],
        },
      ),
    },
  },
);
