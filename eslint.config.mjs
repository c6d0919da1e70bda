// Lint configuration. Besides the usual TypeScript rules it enforces the architecture: the pure
// folders of the server take text and data and return values, so they may not reach for the
// editor, the LSP connection, the file system or the network.
import tseslint from 'typescript-eslint';

const PURE_FOLDERS = [
  'server/src/language/**',
  'server/src/schema/**',
  'server/src/documents/**',
  'server/src/rules/**',
  'server/src/rmm/**',
  'server/src/executor/**',
  'server/src/service/**',
  'server/src/assistant/**',
  'server/src/deploy/plan/**',
];
// Host services by module name, each with and without the node: prefix (Node accepts both).
const HOST_BUILTINS = [
  'fs',
  'fs/promises',
  'http',
  'https',
  'http2',
  'net',
  'tls',
  'dns',
  'dns/promises',
  'dgram',
  'os',
  'child_process',
  'worker_threads',
  'cluster',
  'vm',
  'inspector',
  'process',
];
const HOST_MODULES = [
  'vscode',
  'vscode-languageserver',
  'vscode-languageserver/node',
  'vscode-languageclient',
  'vscode-languageclient/node',
  ...HOST_BUILTINS.flatMap((m) => [m, `node:${m}`]),
];
const PURE_MESSAGE = 'Pure modules take text and data; pass host services in through an interface.';
// For selectors: esquery's regex literals cannot hold a '/', so it is matched as any character.
const HOST_MODULE_PATTERN = `^(${HOST_MODULES.map((m) => m.replace(/[/]/g, '.')).join('|')})$`;

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.cache/**',
      'test/fixtures/**',
      '**/*.min.js',
      'client/src/results/media/vendor/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-namespace': 'off',
      '@typescript-eslint/triple-slash-reference': 'off',
    },
  },
  {
    files: ['server/src/**'],
    ignores: ['server/src/protocol/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'Only client/ may import vscode.' }] },
      ],
    },
  },
  {
    files: PURE_FOLDERS,
    // The executor's core is pure; only its files/ folder reads workspace data from disk.
    ignores: ['server/src/executor/files/**', 'server/src/assistant/host/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: HOST_MODULES.map((name) => ({ name, message: PURE_MESSAGE })) },
      ],
      // The same modules reached without an import statement, and the host's state and network.
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.name='require'][arguments.0.value=/${HOST_MODULE_PATTERN}/]`,
          message: PURE_MESSAGE,
        },
        { selector: `ImportExpression[source.value=/${HOST_MODULE_PATTERN}/]`, message: PURE_MESSAGE },
        {
          selector: `TSImportEqualsDeclaration[moduleReference.expression.value=/${HOST_MODULE_PATTERN}/]`,
          message: PURE_MESSAGE,
        },
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Environment variables are host state; read them in the host and pass the values in.',
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'].map((name) => ({
          name,
          message: 'Pure modules make no network calls; pass a transport in.',
        })),
        { name: 'Worker', message: PURE_MESSAGE },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
);
