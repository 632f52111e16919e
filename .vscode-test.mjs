// `npm run test:desktop`: the integration suite (out/test/integration) in desktop VS Code through
// @vscode/test-cli + @vscode/test-electron. It downloads VS Code, so it needs update.code.visualstudio.com;
// without internet use `npm test`, which runs the same suite in code-server (scripts/test-integration.mjs).
import { defineConfig } from '@vscode/test-cli';

// eslint-disable-next-line no-restricted-syntax -- @vscode/test-cli reads the config from the default export
export default defineConfig({
  label: 'integration',
  files: 'out/test/integration/**/*.test.js',
  workspaceFolder: 'test/fixtures/workspace',
  mocha: { ui: 'bdd', timeout: 30_000, color: true },
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
});
