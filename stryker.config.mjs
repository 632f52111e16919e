// Mutation testing of the pure core (`npm run test:mutation`; results and survivors in docs/testing.md).
// Stryker mutates src/core in a sandbox, compiles it with tsc as `npm run test:unit` does, and runs the
// compiled unit tests with mocha; per-test coverage runs only the tests that reach each mutant.

// Each mutant reruns the tests that reach it: property tests run a tenth of their cases and the linear-growth
// checks stay out (test/unit/support/mutationRun.ts). The test processes inherit this.
process.env.INTERVIEW_DIALOGUES_MUTATION_RUN = '1';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/core/**/*.ts'],
  buildCommand: 'tsc -p tsconfig.json',
  testRunner: 'mocha',
  mochaOptions: {
    config: '.mocharc.json',
    spec: ['out/test/unit/**/*.test.js'],
    // Tests of the CLI as a child process: per-test coverage cannot see into another process, and each mutant
    // would pay for a Node start-up. The core they reach is tested in-process.
    // The l10n check reads the sources' l10n calls, which Stryker's instrumented copies no longer spell out.
    // The lazy chunks' test loads dist/, which the sandbox does not build.
    ignore: ['out/test/unit/cli.test.js', 'out/test/unit/cli.tool.test.js', 'out/test/unit/historyConcurrency.test.js', 'out/test/unit/l10n.test.js', 'out/test/unit/lazyChunks.test.js'],
  },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants and tables) need every test re-run in a fresh process, about 10 s
  // each here against a few ms for the rest; they are left out of the score (counted as ignored, see docs).
  ignoreStatic: true,
  // Reruns test only the mutants whose code or tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // The machine has two cores shared with other work.
  concurrency: 2,
  // A mutant that loops forever costs this (plus 1.5 × its tests' time) before it counts as detected; the covering tests of
  // one mutant run in well under a second, so 5 s is ample even on a busy machine.
  timeoutMS: 5000,
  dryRunTimeoutMinutes: 15,
  // Build output and test artefacts need not be copied into the sandbox.
  ignorePatterns: ['out', 'dist', 'test-results', '.vscode-test', '.cache', 'reports', '*.vsix'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
