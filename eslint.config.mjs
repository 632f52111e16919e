import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly', __dirname: 'readonly' },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    // The core is pure TypeScript: it runs in plain Node tests, the CLI and the extension alike.
    files: ['src/core/**/*.ts', 'src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core is fenced from the vscode API: pass what it needs through an interface.' }],
        patterns: [{ group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/core takes I/O through interfaces, not Node built-ins.' }],
      }],
    },
  },
  {
    // Languages: a notification's text and buttons go through vscode.l10n.t. The editor flags the common slip at once;
    // test/unit/l10n.test.ts checks every place users read (pickers, tree items, status bar, …) and the translations.
    files: ['src/extension.ts', 'src/main.ts', 'src/host/**/*.ts', 'src/lazy/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        { selector: 'CallExpression[callee.property.name=/^show(Information|Warning|Error)Message$/] > :matches(Literal, TemplateLiteral[quasis.0.value.raw=/[A-Za-z]/])', message: 'Users read this: wrap it in vscode.l10n.t(…) and add the German to l10n/de/host.json.' },
      ],
    },
  },
  {
    // The webview runs in a browser sandbox: types only from the extension side.
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The webview has no vscode API; talk through messages.' }] }],
    },
  },
);
