// One lint configuration for all three processes, with the import boundaries of STYLE.md:
// the renderer never touches node or electron, and the core never touches electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'child_process', 'os', 'crypto', 'http', 'net', 'url', 'stream'];

// The renderer's boundaries (STYLE.md, "As the renderer grows"):
// - no electron, no Node: the renderer talks only to the Studio contract;
// - a feature imports only store/, lib/, components/ and src-shared, never another feature or the
//   shell; lib/ and components/ import no feature; the shell uses a feature's public index only;
// - each heavy library is imported in its one adapter folder under lib/, and from outside that
//   folder only the adapter's lazy entry (and its plain types) may be imported, so the library
//   loads with the first view that shows it, never with the app.
const FEATURES = ['erd', 'review', 'run', 'dashboard', 'settings'];
const ADAPTERS = [
  {
    folder: 'monaco',
    libraries: ['monaco-editor', 'monaco-editor/**', '@monaco-editor/*'],
    entries: ['CodeView', 'DiffView', 'MergeView', 'TextEditor', 'languages'],
  },
  { folder: 'flow', libraries: ['@xyflow/*'], entries: ['DiagramView', 'diagram', 'diagram-svg', 'box-geometry'] },
  {
    folder: 'charts',
    libraries: ['chart.js', 'chart.js/**', 'react-chartjs-2'],
    entries: ['ChartFigure', 'ChartView', 'chart'],
  },
];

/**
 * The `no-restricted-imports` options for files in `folder` (a path under the repository);
 * `tests` for its tests, which may also reach src-renderer/test-support/ by a relative path.
 */
function rendererImportRules(folder, tests = false) {
  const inside = (path) => folder === `src-renderer/src/${path}`;
  const patterns = [{ group: nodeBuiltins, message: 'The renderer has no Node access.' }];
  // Leaving a feature's folder goes through the aliases, so the checks below see every import.
  if (folder.startsWith('src-renderer/src/features/')) {
    const own = folder.split('/').at(-1);
    if (!tests) {
      patterns.push({
        group: ['../../*'],
        message: 'Outside its folder a feature imports through @renderer/… or @shared/….',
      });
    }
    const others = FEATURES.filter((f) => f !== own);
    patterns.push({
      group: [
        ...others.flatMap((f) => [`@renderer/features/${f}`, `@renderer/features/${f}/**`, `../${f}`, `../${f}/**`]),
        '@renderer/shell',
        '@renderer/shell/**',
      ],
      message: 'A feature imports only store/, lib/, components/ and src-shared — never another feature or the shell.',
    });
  }
  if (folder.startsWith('src-renderer/src/lib') || inside('components')) {
    patterns.push({
      group: [
        '@renderer/features',
        '@renderer/features/**',
        '@renderer/shell',
        '@renderer/shell/**',
        '../features/**',
        '../shell/**',
        '../../features/**',
        '../../shell/**',
      ],
      message: 'lib/ and components/ serve the features; they import none.',
    });
  }
  if (inside('shell')) {
    patterns.push({
      group: FEATURES.map((f) => `@renderer/features/${f}/**`),
      message: "The shell uses a feature's public index (@renderer/features/<name>), not its internals.",
    });
  }
  for (const adapter of ADAPTERS) {
    if (inside(`lib/${adapter.folder}`)) continue;
    patterns.push({
      group: adapter.libraries,
      message: `This library is imported only in src-renderer/src/lib/${adapter.folder}/, and loaded lazily there.`,
    });
    patterns.push({
      group: [
        `@renderer/lib/${adapter.folder}/*`,
        ...adapter.entries.map((e) => `!@renderer/lib/${adapter.folder}/${e}`),
      ],
      message: `Use the lazy entry of lib/${adapter.folder}/ (${adapter.entries.join(', ')}), so the library loads on demand.`,
    });
  }
  return {
    paths: [{ name: 'electron', message: 'The renderer talks only to the Studio contract (window.studio).' }],
    patterns,
  };
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.cache/**', 'coverage/**', 'test-results/**', 'playwright-report/**'] },
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
      'no-restricted-imports': ['error', rendererImportRules('src-renderer/src/other')],
    },
  },
  // One block per folder of src-renderer/src with its own boundary. Each repeats the renderer's
  // base restrictions: a later no-restricted-imports for the same file replaces an earlier one.
  ...[
    'features/erd',
    'features/review',
    'features/run',
    'features/dashboard',
    'features/settings',
    'lib',
    'lib/monaco',
    'lib/flow',
    'lib/charts',
    'components',
    'store',
    'shell',
  ].flatMap((folder) => [
    {
      files: [`src-renderer/src/${folder}/**/*.{ts,tsx}`],
      rules: { 'no-restricted-imports': ['error', rendererImportRules(`src-renderer/src/${folder}`)] },
    },
    {
      files: [`src-renderer/src/${folder}/**/*.test.{ts,tsx}`],
      rules: { 'no-restricted-imports': ['error', rendererImportRules(`src-renderer/src/${folder}`, true)] },
    },
  ]),
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
