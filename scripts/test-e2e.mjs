// End-to-end tier: packages the extension, then runs out/test/e2e/**/*.test.js with mocha in plain Node.
// Each test starts its own code-server (the .vsix installed into a fresh extensions folder, a fresh copy of
// test/fixtures/workspace, a fresh user-data-dir) and drives it in headless Chromium through playwright-core.
//
// usage: node scripts/test-e2e.mjs [--no-package] [--no-compile] [mocha args, e.g. --grep Player]
// Env:   E2E_VSIX=path.vsix        test this package instead of building dist/interview-dialogues.vsix
//        E2E_EXTENSION_PATH=dir    load the extension from a folder instead of installing a .vsix
//        E2E_TIMEOUT_MS            overall deadline (default 2400000 = 40 min: 24 windows at up to 70 s each on a slow
//                                  2-core machine took 20; CI allows 90 for everything)
//        HEADED=1                  show the browser; TEST_RESULTS_DIR: where screenshots and logs go
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, RESULTS_DIR, displayPath, ensureVSCode, findChromium } from './vscode-web.mjs';

const DEADLINE_MS = Number(process.env.E2E_TIMEOUT_MS || 2_400_000);
const args = process.argv.slice(2);
const skipPackage = args.includes('--no-package');
const skipCompile = args.includes('--no-compile');
const mochaArgs = args.filter((arg) => arg !== '--no-package' && arg !== '--no-compile');

function step(title, command, commandArgs) {
  console.error(`[e2e] ${title}: ${command} ${commandArgs.join(' ')}`);
  // Its output goes to stderr so that stdout holds only the test report.
  const result = spawnSync(command, commandArgs, { cwd: REPO, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status ?? result.signal})`);
}

function main() {
  const started = Date.now();
  const env = { ...process.env };
  if (!env.E2E_EXTENSION_PATH) {
    if (env.E2E_VSIX) {
      env.E2E_VSIX = path.resolve(env.E2E_VSIX);
    } else {
      env.E2E_VSIX = path.join(REPO, 'dist', 'interview-dialogues.vsix');
      if (!skipPackage) step('package', 'npm', ['run', 'package', '--silent']);
    }
    if (!fs.existsSync(env.E2E_VSIX)) throw new Error(`${env.E2E_VSIX} does not exist: run \`npm run package\`.`);
  }
  if (!skipCompile) step('compile tests', process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
  ensureVSCode();
  findChromium();
  fs.rmSync(path.join(RESULTS_DIR, 'e2e'), { recursive: true, force: true });

  const mocha = path.join(REPO, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const child = spawn(process.execPath, [mocha, '--no-config', '--no-package', '--ui', 'bdd', '--reporter', 'spec',
    '--timeout', '240000', '--slow', '60000', ...mochaArgs, 'out/test/e2e/**/*.test.js'], { cwd: REPO, env, stdio: 'inherit' });

  // Each test process stops its own servers on SIGTERM (scripts/vscode-web.mjs); pass signals on, then insist.
  let killTimer;
  const stopChild = (signal) => {
    child.kill(signal);
    killTimer ??= setTimeout(() => child.kill('SIGKILL'), 15_000);
  };
  const deadline = setTimeout(() => {
    console.error(`[e2e] FAILED: the end-to-end tests did not finish within ${DEADLINE_MS / 1000} s`);
    stopChild('SIGTERM');
  }, DEADLINE_MS);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopChild(signal));

  child.on('exit', (code, signal) => {
    clearTimeout(deadline);
    clearTimeout(killTimer);
    const ok = code === 0;
    const results = displayPath(path.join(RESULTS_DIR, 'e2e'));
    console.error(`[e2e] ${ok ? 'passed' : 'failed'} in ${((Date.now() - started) / 1000).toFixed(1)} s${ok ? '' : `; screenshots and logs in ${results}/`}`);
    process.exit(code ?? (signal ? 1 : 0));
  });
}

try {
  main();
} catch (error) {
  console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
