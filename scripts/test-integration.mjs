// Integration tier: runs out/test/integration/**/*.test.js inside a real VS Code extension host
// (code-server + headless Chromium, the mechanism @vscode/test-web uses), with the extension loaded from this repo.
// Needs `npm run build` and `tsc -p tsconfig.json` first (npm test does both).
//
// The scripted language model (test/fixtures/fake-lm) is built and installed for every run, so the interviewer's
// real vscode.lm path is tested too; its tests script it (and script no model at all for the fallback).
//
// Env: INTEGRATION_TIMEOUT_MS  overall deadline (default 600000: about 100 s on an idle 2-core machine, 165 s on a busy one)
//      INTEGRATION_EXTENSION_PATH  extension folder to load instead of this repo (it must hold
//                                  out/test/integration/index.js); used to test the harness itself
//      HEADED=1                 show the browser
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import {
  FIXTURE_WORKSPACE, REPO, RESULTS_DIR, copyToTemp, displayPath, findChromium, launchChromium, removeTempCopy, startServer,
} from './vscode-web.mjs';
import { buildFakeLm } from '../test/fixtures/fake-lm/build.mjs';

const DEADLINE_MS = Number(process.env.INTEGRATION_TIMEOUT_MS || 600_000);
const OUTPUT_MARKER = '\u2063'; // test/integration/index.ts prefixes the tests' own output with it
const resultsDir = path.join(RESULTS_DIR, 'integration');
/** Workbench chatter that is never about the tests (kept in page-console.log all the same). */
const NOISE = [/^Ignoring fetching additional builtin extensions/, /^Updating additional builtin extensions cache/, /^No search provider registered/];

/** The workbench logs through a styled console call: "%c INFO color: #33f text". */
function unstyle(text) {
  return text.replace(/^%c\s*[A-Z]+\s+color:\s*#[0-9a-fA-F]{3,6}\s?/, '');
}

function checkBuilt(extensionPath) {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  const missing = [];
  if (manifest.main && !fs.existsSync(path.resolve(extensionPath, manifest.main))) missing.push(manifest.main);
  const index = path.join(extensionPath, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(index)) missing.push(path.relative(extensionPath, index));
  if (missing.length > 0) {
    throw new Error(`Missing ${missing.join(', ')}: run \`npm run build && npx tsc -p tsconfig.json\` first (npm test does).`);
  }
  return index;
}

async function main() {
  const started = Date.now();
  const extensionPath = path.resolve(process.env.INTEGRATION_EXTENSION_PATH || REPO);
  const testsPath = checkBuilt(extensionPath);
  findChromium(); // fail early with what to install
  await fsp.rm(resultsDir, { recursive: true, force: true });
  await fsp.mkdir(resultsDir, { recursive: true });
  const consoleLog = fs.createWriteStream(path.join(resultsDir, 'page-console.log'));

  const workspace = await copyToTemp(FIXTURE_WORKSPACE);
  let server;
  let browser;
  let page;
  let code = 1;
  let sawSummary = false;
  let inTests = false; // between mocha's first line and the summary
  try {
    const extraVsix = [buildFakeLm(), ...(process.env.INTERVIEW_DIALOGUES_EXTRA_VSIX?.split(path.delimiter).filter(Boolean) ?? [])];
    server = await startServer({ smokeDriver: true, extraVsix, env: { INTERVIEW_DIALOGUES_MARK_OUTPUT: '1' } });
    console.log(`[integration] VS Code server ready on ${server.url} in ${server.readyMs} ms`);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();

    let settle;
    const outcome = new Promise((resolve) => (settle = resolve));
    // The workbench calls this once run() settles and the extension hosts have stopped: 0 passed, 1 failed.
    await page.exposeFunction('codeAutomationExit', (exitCode) => settle({ exitCode: Number(exitCode) }));
    page.on('console', (message) => {
      const text = unstyle(message.text());
      consoleLog.write(`[${message.type()}] ${text}\n`);
      if (text.startsWith(OUTPUT_MARKER)) {
        const line = text.slice(OUTPUT_MARKER.length);
        inTests = true;
        if (/^\d+ passed, \d+ failed$/.test(line) || line.startsWith('The integration suite could not run')) {
          sawSummary ||= /^\d+ passed/.test(line);
          inTests = false;
        }
        console.log(line);
      } else if (inTests && !NOISE.some((pattern) => pattern.test(text))) {
        // The tests' own console output (mixed with whatever the workbench logs meanwhile).
        console.error(`    [console.${message.type()}] ${text}`);
      }
    });
    page.on('pageerror', (error) => consoleLog.write(`[pageerror] ${error.stack ?? error}\n`));
    page.on('crash', () => settle({ error: 'the page crashed' }));
    browser.on('disconnected', () => settle({ error: 'the browser disconnected' }));
    const timer = setTimeout(() => settle({ error: `the tests did not finish within ${DEADLINE_MS / 1000} s` }), DEADLINE_MS);

    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(extensionPath)],
      ['extensionTestsPath', server.remoteUri(testsPath)],
    ];
    await page.goto(server.workbenchUrl(workspace, payload));
    const result = await outcome;
    clearTimeout(timer);
    if (result.error) {
      console.error(`[integration] FAILED: ${result.error}`);
    } else {
      code = result.exitCode;
      if (!sawSummary) console.error('[integration] the test run reported no results (see the extension host log)');
    }
  } catch (error) {
    console.error(`[integration] FAILED: ${error instanceof Error ? error.message : error}`);
    code = 1;
  } finally {
    if (code !== 0) {
      if (page && !page.isClosed()) {
        await page.screenshot({ path: path.join(resultsDir, 'failure.png'), timeout: 10_000 }).catch(() => undefined);
      }
      if (server) {
        const saved = await server.saveLogs(resultsDir).catch(() => []);
        if (saved.length > 0) console.error(`[integration] logs and screenshot saved in ${displayPath(resultsDir)}/`);
      }
    }
    await browser?.close().catch(() => undefined);
    await server?.stop();
    consoleLog.end();
    await removeTempCopy(workspace);
  }
  console.log(`[integration] ${code === 0 ? 'passed' : 'failed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
