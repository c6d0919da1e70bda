// Lint configuration. Besides the usual TypeScript rules it enforces the architecture: the pure
// folders of the server take text and data and return values, so they may not reach for the
// editor, the LSP connection, the file system or the network.
import tseslint from 'typescript-eslint';

const PURE_FOLDERS = ['server/src/language/**', 'server/src/schema/**', 'server/src/documents/**', 'server/src/rules/**', 'server/src/rmm/**', 'server/src/executor/**', 'server/src/service/**'];
const HOST_MODULES = ['vscode', 'vscode-languageserver', 'vscode-languageserver/node', 'vscode-languageclient', 'vscode-languageclient/node',
  'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'http', 'node:http', 'https', 'node:https', 'net', 'node:net', 'child_process', 'node:child_process'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'test/fixtures/**', '**/*.min.js', 'client/src/results/media/vendor/**'] },
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
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only client/ may import vscode.' }] }] },
  },
  {
    files: PURE_FOLDERS,
    // The executor's core is pure; only its files/ folder reads workspace data from disk.
    ignores: ['server/src/executor/files/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: HOST_MODULES.map((name) => ({ name, message: 'Pure modules take text and data; pass host services in through an interface.' })),
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
  },
);
