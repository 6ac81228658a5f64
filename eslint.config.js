// One lint configuration for all three processes, with the import boundaries of STYLE.md:
// the renderer never touches node or electron, and the core never touches electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'child_process', 'os', 'crypto', 'http', 'net', 'url', 'stream'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks only to the Studio contract (window.studio).' }],
          patterns: [{ group: nodeBuiltins, message: 'The renderer has no Node access.' }],
        },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src-shared is pure TypeScript.' }],
          patterns: [{ group: nodeBuiltins, message: 'src-shared runs in the renderer too: no Node modules.' }],
        },
      ],
    },
  },
  {
    // Raw IPC lives in two places: the main process hands ipcMain to the one registration
    // wrapper (src-main/electron/ipc.ts), and the preload is the only user of ipcRenderer.
    files: ['src-main/electron/**/*.ts'],
    ignores: ['src-main/electron/index.ts', 'src-main/electron/ipc.ts', 'src-main/electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Register handlers through registerStudioIpc in src-main/electron/ipc.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/core/**/*.ts', 'src-main/cli/**/*.ts', 'src-main/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The core and its non-Electron hosts never import electron.' }] },
      ],
    },
  },
  {
    // Test data and harnesses live in test-support/; production code never depends on them.
    // (no-restricted-syntax, so the per-folder no-restricted-imports rules above still apply.)
    files: ['src-main/**/*.ts', 'src-shared/**/*.ts', 'src-preload/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/test-support/], ImportExpression[source.value=/test-support/]',
          message: 'Production code never imports test support (test-support/ is for tests and benchmarks).',
        },
      ],
    },
  },
);
