// The CLI as a tool (issue 10): help, version, exit codes, output formats, exclusions, size limit, pipes, import.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliScript } from './cliScript';
import { md, REPO } from './helpers';

interface Manifest {
  version: string;
  contributes: { problemMatchers: { name: string; pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number } }[] };
}
const MANIFEST = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as Manifest;

describe('cli: a proper command-line tool', function () {
  this.timeout(60_000);
  let scratch: string;
  let cli: string;
  const run = (args: string[], options: { input?: string; cwd?: string } = {}) => {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd: options.cwd ?? scratch, encoding: 'utf8', input: options.input, timeout: 30_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const write = async (relative: string, text: string | Uint8Array) => {
    const file = path.join(scratch, relative);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text);
    return file;
  };

  before(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-cli-tool-'));
    cli = await cliScript(scratch);
  });
  after(() => fs.rm(scratch, { recursive: true, force: true }));

  describe('--help and --version', () => {
    it('prints the global help with every command and the exit codes, and exits 0', () => {
      for (const args of [['--help'], ['-h'], ['help']]) {
        const { status, stdout } = run(args);
        assert.equal(status, 0);
        assert.match(stdout, /^ {2}validate {2}check dialogue files/m);
        assert.match(stdout, /^ {2}import {4}turn an interview transcript/m);
        assert.match(stdout, /^ {2}stats {5}practice statistics/m);
        assert.match(stdout, /^ {2}export {4}every attempt and review/m);
        assert.match(stdout, /Exit codes:\n {2}0 {2}no error found\n {2}1 {2}errors found.*\n {2}2 {2}wrong usage, a file or folder that cannot be read, or no history found/);
      }
    });

    it('prints each command’s own help, never trying to read `--help` as a path', () => {
      for (const command of ['validate', 'import', 'stats', 'export']) {
        for (const args of [[command, '--help'], [command, 'x', '-h'], ['help', command]]) {
          const { status, stdout, stderr } = run(args);
          assert.equal(status, 0, args.join(' '));
          assert.equal(stderr, '');
          assert.match(stdout, new RegExp(`^usage: node dist/cli\\.js ${command} `));
          assert.match(stdout, /Options:\n/);
          assert.doesNotMatch(stdout, /cannot read/);
        }
      }
      assert.match(run(['validate', '--help']).stdout, /--max-file-size BYTES +skip larger files/);
    });

    it('prints the version from package.json', () => {
      const { status, stdout } = run(['--version']);
      assert.equal(status, 0);
      assert.equal(stdout, `${MANIFEST.version}\n`);
    });
  });

  describe('exit codes', () => {
    it('exits 2 for an unknown option, a bad --format or --max-file-size, with the command’s usage', () => {
      for (const args of [['validate', '--frob', 'x'], ['validate', '--format', 'xml', 'x'], ['validate', '--max-file-size', '1MB', 'x'], ['validate', '--json', '--format', 'text', 'x'], ['import'], ['import', 'a', 'b']]) {
        const { status, stderr, stdout } = run(args);
        assert.equal(status, 2, args.join(' '));
        assert.equal(stdout, '');
        assert.match(stderr, /usage: node dist\/cli\.js (validate|import) /);
      }
    });

    it('exits 0 for warnings only, 1 for errors', async () => {
      const warning = await write('codes/warn.md', md('## A', '**Interviewer:** q', '**Candidate:** a', '**Time:** 5 min', 'A stray note.'));
      const error = await write('codes/error.md', md('## A', '- **Level:** wizard', '**Interviewer:** q'));
      assert.equal(run(['validate', warning]).status, 0);
      assert.equal(run(['validate', error]).status, 1);
    });
  });

  describe('--format github', () => {
    it('prints one workflow annotation per problem, escaped as GitHub reads them, paths relative to the checkout', async () => {
      const file = await write('gh/we,ird:name.md', md('## 100% done', 'Just prose.', '## B', '**Interviewer:** q', '**Interviewr:** typo'));
      const { status, stdout } = run(['validate', '--format', 'github', file]);
      assert.equal(status, 1);
      const lines = stdout.trimEnd().split('\n');
      assert.equal(lines[0], '::error file=gh/we%2Cird%3Aname.md,line=1,col=1,endLine=2,title=Interview Dialogues::dialogue `100%25 done` has no turns; turns start with `**Interviewer:**` or `**Candidate:**` (or `Interviewee`, `You`, `Q:`/`A:`, or a name listed under `speakers:` in the front matter) (put tips under a `#` heading instead)');
      assert.match(lines[1], /^::warning file=gh\/we%2Cird%3Aname\.md,line=5,col=1,title=Interview Dialogues::unknown speaker `Interviewr`/);
      assert.match(lines[2], /^1 file, 1 dialogue,/);
    });

    it('marks an info as a notice', async () => {
      const { stdout } = run(['validate', '--format', 'github', await write('gh2/ok.md', md('## A', '**Interviewer:** q'))]);
      assert.doesNotMatch(stdout, /^::/m, 'a warning-free file has no annotation');
    });
  });

  describe('--exclude and --max-file-size', () => {
    it('skips excluded files and folders, relative to each PATH', async () => {
      await write('pack/a.md', md('## A', '**Interviewer:** q'));
      await write('pack/README.md', md('# Pack', '## About', 'Prose.'));
      await write('pack/drafts/b.md', md('## B', '- **Level:** wizard', '**Interviewer:** q'));
      const all = run(['validate', 'pack']);
      assert.equal(all.status, 1);
      const some = run(['validate', '--exclude', 'README.md', '--exclude=drafts', 'pack']);
      assert.equal(some.status, 0, some.stdout);
      assert.equal(some.stdout, '1 file, 1 dialogue, 1 question: 0 errors, 0 warnings\n');
    });

    it('skips a file over --max-file-size with one error that says how to raise the limit, and names no VS Code setting', async () => {
      const big = await write('big/big.md', md('## A', '**Interviewer:** q', 'x'.repeat(3000)));
      const { status, stdout } = run(['validate', '--max-file-size', '1024', big]);
      assert.equal(status, 1);
      assert.match(stdout, /big\.md:1:1: error: skipped: the file is 3 KB, over the 1 KB limit; split it into smaller files or raise the limit \(--max-file-size BYTES\)/);
      assert.equal(run(['validate', '--max-file-size', '100000', big]).status, 0);
    });

    it('never names a VS Code setting in any message', async () => {
      const folder = path.join(scratch, 'messages');
      await write('messages/big.md', 'x'.repeat(2_000_000));
      await write('messages/readme.md', md('# R', '## S', '**Note:** x'));
      await write('messages/bad.md', md('---', 'levle: x', 'speakers: { host: [Dana] }', '---', '## A', '**Interviewe:** q', '```', '**Interviewer:** q'));
      const { stdout } = run(['validate', folder]);
      assert.match(stdout, /error/);
      assert.doesNotMatch(stdout, /interviewDialogues\.|setting/);
    });
  });

  describe('the problem matcher contributed for `npm run validate` in a task', () => {
    it('reads every problem line of the real output, with file, line, column, severity and message, and nothing else', async () => {
      const folder = path.join(scratch, 'matcher');
      await write('matcher/a.md', md('## A', '- **Level:** wizard', '**Interviewr:** q', '**Candidate:** a', '**Time:** 5 min', 'note: a stray line'));
      await write('matcher/sub dir/b: c.md', md('## B', 'no turns here', '## C', '**Interviewer:** q'));
      const { stdout } = run(['validate', folder]);
      const matcher = MANIFEST.contributes.problemMatchers.find((m) => m.name === 'interview-dialogues');
      assert.ok(matcher, 'package.json contributes the interview-dialogues problem matcher');
      const regexp = new RegExp(matcher.pattern.regexp);
      const lines = stdout.trimEnd().split('\n');
      const matched = lines.map((line) => regexp.exec(line)).filter((m): m is RegExpExecArray => m !== null);
      assert.equal(matched.length, lines.length - 1, 'every line but the summary is a problem');
      const problems = matched.map((m) => [path.relative(folder, m[matcher.pattern.file]), Number(m[matcher.pattern.line]), Number(m[matcher.pattern.column]), m[matcher.pattern.severity]]);
      assert.deepEqual(problems, [
        ['a.md', 2, 5, 'error'],
        ['a.md', 3, 1, 'warning'],
        ['a.md', 6, 1, 'warning'],
        ['sub dir/b: c.md', 1, 1, 'error'],
      ]);
      assert.match(matched[0][matcher.pattern.message], /^`level` must be one of/);
    });
  });

  describe('output of any size through a pipe', () => {
    const DIALOGUES = 3000;
    let big: string;
    before(async () => {
      // Every dialogue has a stray line: 3,000 warnings in the text output, 3,000 dialogues in the JSON.
      big = await write('pipe/big.md', Array.from({ length: DIALOGUES }, (_, i) => md(`## Dialogue ${i}`, `**Interviewer:** question ${i} ${'words '.repeat(20)}`, '**Time:** 5 min', `A stray note ${i}.`, '')).join(''));
    });

    /** Runs the CLI into a real OS pipe whose reader waits before reading, so the pipe fills while the CLI writes. */
    function throughPipe(args: string[]): { status: number | null; received: string } {
      const reader = path.join(scratch, 'slow-reader.js');
      const script = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} ${args.map((a) => JSON.stringify(a)).join(' ')} | ${JSON.stringify(process.execPath)} ${JSON.stringify(reader)}; exit \${PIPESTATUS[0]}`;
      const result = spawnSync('bash', ['-c', script], { cwd: scratch, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
      return { status: result.status, received: result.stdout };
    }

    before(async () => {
      await fs.writeFile(path.join(scratch, 'slow-reader.js'), `setTimeout(() => { const chunks = []; process.stdin.on('data', (c) => chunks.push(c)); process.stdin.on('end', () => process.stdout.write(Buffer.concat(chunks))); }, 300);`);
    });

    it('delivers JSON far over 64 KB whole to a program that reads it', () => {
      const { status, received } = throughPipe(['validate', '--json', big]);
      assert.ok(received.length > 20 * 64 * 1024, `${received.length} bytes`);
      assert.equal(status, 0);
      const json = JSON.parse(received) as { dialogues: unknown[]; diagnostics: unknown[] };
      assert.equal(json.dialogues.length, DIALOGUES);
      assert.equal(json.diagnostics.length, DIALOGUES);
    });

    it('delivers the text output whole too, summary last', () => {
      const { status, received } = throughPipe(['validate', big]);
      assert.equal(status, 0);
      const lines = received.trimEnd().split('\n');
      assert.equal(lines.length, DIALOGUES + 1);
      const count = DIALOGUES.toLocaleString('en');
      assert.equal(lines.at(-1), `1 file, ${count} dialogues, ${count} questions: 0 errors, ${count} warnings`, 'counts written as English writes numbers');
    });

    it('stops quietly when the reader stops early (`| head`)', () => {
      const result = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} validate ${JSON.stringify(big)} | head -n 1`], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(result.stdout.split('\n').length, 2);
      assert.doesNotMatch(result.stderr, /EPIPE|Error/);
    });
  });

  describe('import', () => {
    const TRANSCRIPT = md('[0:00] Dana: Can you design a rate limiter?', '[0:30] Sam: A token bucket per key.', '[1:00] Dana: Where does it live?', '[1:20] Sam: In the gateway.');

    it('prints a dialogue file that validates cleanly, titled after the file, and reports its guess on stderr', async () => {
      const file = await write('import/rate-limiter_call.txt', TRANSCRIPT);
      const { status, stdout, stderr } = run(['import', file]);
      assert.equal(status, 0, stderr);
      assert.match(stdout, /^---\nspeakers:\n/);
      assert.match(stdout, /\n## Rate limiter call\n/);
      assert.match(stderr, /^Guessed: Dana is the interviewer, Sam is the candidate\./);
      const written = await write('import/out/rate-limiter.md', stdout);
      const validated = run(['validate', written]);
      assert.equal(validated.status, 0);
      assert.equal(validated.stdout, '1 file, 1 dialogue, 2 questions: 0 errors, 0 warnings\n');
    });

    it('reads standard input for `-`, takes --title and the roles given', () => {
      const { status, stdout, stderr } = run(['import', '--title', 'From stdin', '--interviewer', 'Sam', '-'], { input: TRANSCRIPT });
      assert.equal(status, 0);
      assert.match(stdout, /## From stdin/);
      assert.match(stdout, /interviewer: \["Sam"\]\n {2}candidate: \["Dana"\]/);
      assert.match(stderr, /^Guessed: Dana is the candidate\./, 'the other name takes the other role');
    });

    it('exits 1 when there is no speaker line, and 2 when the file cannot be read', async () => {
      const prose = await write('import/prose.txt', 'Nobody speaks here.\n');
      const none = run(['import', prose]);
      assert.equal(none.status, 1);
      assert.equal(none.stdout, '');
      assert.match(none.stderr, /no speaker lines found/);
      const missing = run(['import', path.join(scratch, 'import', 'missing.txt')]);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /cannot read .*missing\.txt: not found/);
    });
  });
});
