// npm test: every tier in order, stopping at the first broken one.
//   static       npm run typecheck, npm run lint
//   unit         npm run build, tsc -p tsconfig.json, mocha (out/test/unit, .mocharc.json)
//   integration  scripts/test-integration.mjs (the vscode API in a real extension host)
//   e2e          scripts/test-e2e.mjs (a person's view: packaged extension, real VS Code, real browser)
// The very last line is "N passed, N failed" over all tiers' tests; a broken step that reports no test
// (typecheck, lint, build, a crashed runner) counts as one failure. Exit code 0 only when nothing failed.
//
// TEST_TIERS=unit,integration runs only those tiers (the build still runs when a later tier needs it).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO } from './vscode-web.mjs';

const ALL_TIERS = ['static', 'unit', 'integration', 'e2e'];
const node = process.execPath;
const bin = (...parts) => path.join(REPO, 'node_modules', ...parts);
const color = process.stdout.isTTY ? ['--color'] : [];

const build = [
  { title: 'build', command: 'npm', args: ['run', 'build', '--silent'] },
  // Compiled tests of deleted test files would otherwise still run from out/.
  { title: 'clean compiled tests', command: node, args: ['-e', "require('fs').rmSync('out', { recursive: true, force: true })"] },
  { title: 'compile tests', command: node, args: [bin('typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'] },
];
const TIERS = {
  static: [
    { title: 'typecheck', command: 'npm', args: ['run', 'typecheck', '--silent'] },
    { title: 'lint', command: 'npm', args: ['run', 'lint', '--silent'] },
  ],
  unit: [...build, { title: 'unit tests', command: node, args: [bin('mocha', 'bin', 'mocha.js'), ...color], tests: true }],
  integration: [{ title: 'integration tests', command: node, args: [path.join(REPO, 'scripts', 'test-integration.mjs')], tests: true }],
  e2e: [{ title: 'e2e tests', command: node, args: [path.join(REPO, 'scripts', 'test-e2e.mjs'), '--no-compile', ...color], tests: true }],
};

function selectedTiers() {
  const wanted = (process.env.TEST_TIERS ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  if (wanted.length === 0) return ALL_TIERS;
  const unknown = wanted.filter((t) => !ALL_TIERS.includes(t));
  if (unknown.length > 0) throw new Error(`TEST_TIERS: unknown tier(s) ${unknown.join(', ')}; choose from ${ALL_TIERS.join(', ')}`);
  return ALL_TIERS.filter((t) => wanted.includes(t));
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

/** Test counts from a runner's output: its "N passed, N failed" line, else mocha's "N passing"/"N failing". */
function parseCounts(output) {
  const lines = stripAnsi(output).split(/\r?\n/);
  let summary;
  let passing;
  let failing;
  for (const line of lines) {
    const own = line.match(/^(\d+) passed, (\d+) failed$/);
    if (own) summary = { passed: Number(own[1]), failed: Number(own[2]) };
    const mochaPassing = line.match(/^\s*(\d+) passing \(/);
    if (mochaPassing) {
      passing = Number(mochaPassing[1]);
      failing = 0; // a later "N failing" line belongs to the same report
    }
    const mochaFailing = line.match(/^\s*(\d+) failing$/);
    if (mochaFailing) failing = Number(mochaFailing[1]);
  }
  if (summary) return summary;
  if (passing !== undefined) return { passed: passing, failed: failing ?? 0 };
  return undefined;
}

let current; // the running child
let interrupted;

function runStep(step) {
  return new Promise((resolve) => {
    console.log(`\n━━ ${step.title} ━━ ${path.basename(step.command)} ${step.args.map((a) => path.relative(REPO, a) || a).join(' ')}`);
    const started = Date.now();
    let output = '';
    const child = spawn(step.command, step.args, { cwd: REPO, stdio: ['inherit', 'pipe', 'inherit'] });
    current = child;
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.on('error', (error) => {
      output += `\n${error.message}`;
      console.error(error.message);
    });
    child.on('close', (code, signal) => {
      current = undefined;
      resolve({ ok: code === 0, code: code ?? signal, output, seconds: (Date.now() - started) / 1000 });
    });
  });
}

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(signal, () => {
    interrupted = code;
    current?.kill(signal); // each runner stops its own VS Code servers and browsers
  });
}

async function main() {
  const tiers = selectedTiers();
  const report = [];
  let built = false;
  let passed = 0;
  let failed = 0;
  let broken;

  for (const tier of tiers) {
    if (broken || interrupted) {
      report.push({ tier, status: 'skipped' });
      continue;
    }
    // The later tiers need the build even when the unit tier is not selected.
    const steps = tier === 'static' || tier === 'unit' || built ? TIERS[tier] : [...build, ...TIERS[tier]];
    built ||= tier !== 'static';
    const started = Date.now();
    const entry = { tier, status: 'ok', passed: 0, failed: 0, tests: steps.some((s) => s.tests) };
    for (const step of steps) {
      const result = await runStep(step);
      const counts = step.tests ? parseCounts(result.output) : undefined;
      if (counts) {
        entry.passed += counts.passed;
        entry.failed += counts.failed;
      }
      if (!result.ok) {
        if (!counts || counts.failed === 0) entry.failed += 1; // broken without a failing test to show for it
        entry.status = `FAILED at ${step.title} (exit ${result.code})`;
        broken = tier;
        break;
      }
      if (interrupted) break;
    }
    entry.seconds = (Date.now() - started) / 1000;
    if (interrupted && entry.status === 'ok') entry.status = 'interrupted';
    passed += entry.passed;
    failed += entry.failed;
    report.push(entry);
  }

  console.log('\n━━ summary ━━');
  for (const entry of report) {
    const counts = entry.tests || entry.failed > 0 ? `  ${entry.passed} passed, ${entry.failed} failed` : '';
    const time = entry.seconds === undefined ? '' : `  ${entry.seconds.toFixed(1)} s`;
    console.log(`${entry.tier.padEnd(12)} ${entry.status}${counts}${time}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return interrupted ?? (failed > 0 || broken ? 1 : 0);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
