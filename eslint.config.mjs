// Lint doubles as the architecture check: each folder may import only what its runtime allows.
// See ARCHITECTURE.md. A test (src/shared/layering.test.ts) proves that forbidden imports fail.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'crypto',
  'stream',
  'url',
  'util',
  'zlib',
  'readline',
  'module',
  'events',
  'net',
];
const nodeBuiltins = NODE_BUILTINS.map((name) => ({
  group: [name],
  message: 'Node built-ins are not allowed in this layer.',
}));

const restrict = (...patterns) => ['error', { patterns }];
const banned = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': 'allow-with-description' }],
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
      'max-len': ['error', { code: 120, ignoreUrls: true }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ...nodeBuiltins,
        banned(
          ['electron', 'react', 'react-dom', 'better-sqlite3', 'hyparquet*', 'katex', 'ag-grid-*'],
          'src/shared is pure TypeScript: contract, schemas and domain types only.',
        ),
        banned(
          ['**/core/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/server/**', '**/cli/**'],
          'src/shared must not depend on any other layer.',
        ),
      ),
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        banned(
          ['electron', 'electron/*', 'react', 'react-dom', 'katex', 'ag-grid-*'],
          'src/core is Node only: no Electron, no UI.',
        ),
        banned(
          ['**/main/**', '**/preload/**', '**/renderer/**', '**/server/**', '**/cli/**'],
          'src/core must not depend on a host.',
        ),
      ),
    },
  },
  {
    files: ['src/node-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        banned(['electron', 'electron/*', 'react', 'react-dom', 'better-sqlite3'], 'src/node-shared is plain Node.'),
        banned(
          ['**/core/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/server/**', '**/cli/**'],
          'src/node-shared is what Node hosts share; it depends on no layer but src/shared.',
        ),
      ),
    },
  },
  {
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        banned(['electron', 'electron/*', 'react', 'react-dom'], 'Node hosts must not import Electron or React.'),
        banned(['**/main/**', '**/preload/**', '**/renderer/**'], 'Hosts talk to core, not to each other.'),
      ),
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        banned(
          ['react', 'react-dom', '**/renderer/**', '**/server/**', '**/cli/**'],
          'Electron main must not import the UI or other hosts.',
        ),
      ),
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ...nodeBuiltins,
        banned(
          [
            'better-sqlite3',
            'react',
            'react-dom',
            '**/core/**',
            '**/node-shared/**',
            '**/renderer/**',
            '**/main/**',
            '**/server/**',
          ],
          'The sandboxed preload may import only electron and src/shared.',
        ),
      ),
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(
        ...nodeBuiltins,
        banned(
          ['electron', 'electron/*', 'better-sqlite3', 'hyparquet*'],
          'The renderer runs in a sandboxed browser: talk to the contract through a transport.',
        ),
        banned(
          ['**/core/**', '**/node-shared/**', '**/main/**', '**/preload/index*', '**/server/**', '**/cli/**'],
          'The renderer may import only src/shared and its own code.',
        ),
      ),
    },
  },
);
