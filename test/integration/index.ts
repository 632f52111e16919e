// The integration suite's entry point: VS Code loads this module in its extension host and awaits run().
// The same module serves the web runner (scripts/test-integration.mjs) and @vscode/test-cli on the desktop.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

/**
 * Marks mocha's lines so the web runner can tell them from the workbench's own console chatter (both reach the
 * page console). Used only when the runner asks for it through the server's environment.
 */
const OUTPUT_MARKER = '\u2063';

/** Every *.test.js under dir, sorted so the order is stable. */
function findTestFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .map((file) => path.join(dir, file))
    .sort();
}

type Print = (...args: unknown[]) => void;

/** Runs every out/test/integration/**\/*.test.js with mocha (bdd); rejects when any test fails. */
export async function run(): Promise<void> {
  const prefix = process.env.INTERVIEW_DIALOGUES_MARK_OUTPUT === '1' ? OUTPUT_MARKER : '';
  const print: Print = (...args) => console.log(prefix + util.format(...args));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  // The spec reporter prints through Base.consoleLog. (console itself cannot be wrapped in the extension host:
  // VS Code's console forwarder ignores assignments to console.log.)
  const base = Mocha.reporters.Base as unknown as { consoleLog: Print };
  const originalConsoleLog = base.consoleLog;
  base.consoleLog = print;
  try {
    const files = findTestFiles(__dirname);
    if (files.length === 0) throw new Error(`No *.test.js files under ${__dirname}: compile the tests first (tsc -p tsconfig.json).`);
    files.forEach((file) => mocha.addFile(file));

    const { passes, failures } = await new Promise<{ passes: number; failures: number }>((resolve, reject) => {
      try {
        const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }));
      } catch (error) {
        reject(error);
      }
    });
    print(`${passes} passed, ${failures} failed`);
    if (failures > 0) throw new Error(`${failures} integration test(s) failed.`);
  } catch (error) {
    if (!(error instanceof Error && / integration test\(s\) failed\.$/.test(error.message))) {
      print(`The integration suite could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    throw error;
  } finally {
    base.consoleLog = originalConsoleLog;
  }
}
