import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliScript } from './cliScript';
import { md, REPO } from './helpers';

const SEED_TITLES = ['System Design Interview', 'Deep Dive into Architecture', 'Optimizing a Slow Application', 'Leadership and Mentoring', 'Scaling an Existing Product'];
const SUMMARY = /^(\d+) files?, (\d+) dialogues?, (\d+) questions?: (\d+) errors?, (\d+) warnings?$/;
const DIAGNOSTIC_LINE = /^(.+):(\d+):(\d+): (error|warning|info): (.+)$/;

interface CliJson {
  dialogues: { id: string; title: string; topic: string; level: string; file: string; turns: { speaker: string; text: string }[] }[];
  diagnostics: { file: string; line: number; column: number; severity: string; message: string }[];
}

describe('cli: node dist/cli.js validate', function () {
  this.timeout(60_000);
  let scratch: string;
  let cli: string;

  function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd: REPO, encoding: 'utf8', timeout: 30_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  function summaryOf(stdout: string): number[] {
    const last = stdout.trimEnd().split('\n').at(-1) ?? '';
    const match = SUMMARY.exec(last);
    assert.ok(match, `the last line is a summary: ${JSON.stringify(last)}`);
    return match.slice(1).map(Number);
  }

  before(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-cli-'));
    cli = await cliScript(scratch);
  });

  after(async () => {
    await fs.rm(scratch, { recursive: true, force: true });
  });

  it('validates the seed file: exit 0 and a summary line', () => {
    const { status, stdout } = run('validate', 'test/fixtures/seed.md');
    assert.equal(status, 0, stdout);
    assert.deepEqual(summaryOf(stdout), [1, 5, 9, 0, 0]);
    assert.equal(stdout.trimEnd().split('\n').length, 1, 'nothing but the summary for a clean file');
  });

  it('prints exactly the documented JSON with --json', () => {
    const { status, stdout } = run('validate', '--json', 'test/fixtures/seed.md');
    assert.equal(status, 0);
    const output = JSON.parse(stdout) as CliJson;
    assert.deepEqual(Object.keys(output).sort(), ['diagnostics', 'dialogues']);
    assert.deepEqual(output.diagnostics, []);
    assert.deepEqual(output.dialogues.map((d) => d.title), SEED_TITLES);
    for (const dialogue of output.dialogues) {
      assert.deepEqual(Object.keys(dialogue).sort(), ['file', 'id', 'level', 'title', 'topic', 'turns']);
      assert.equal(dialogue.file, 'test/fixtures/seed.md');
      assert.equal(dialogue.level, 'senior');
      for (const turn of dialogue.turns) {
        assert.deepEqual(Object.keys(turn).sort(), ['speaker', 'text']);
        assert.ok(turn.speaker === 'interviewer' || turn.speaker === 'candidate', turn.speaker);
        assert.ok(turn.text.length > 0);
      }
    }
    assert.deepEqual(output.dialogues[0], {
      id: 'seed/system-design-interview',
      title: 'System Design Interview',
      topic: 'System design',
      level: 'senior',
      file: 'test/fixtures/seed.md',
      turns: [
        { speaker: 'interviewer', text: 'How would you design a scalable URL shortening service like Bitly?' },
        { speaker: 'candidate', text: "I'd start by creating a basic REST API. For scalability, I'd introduce database sharding and caching with Redis. To generate unique keys, I'd use a base62 encoding system combined with an ID generator like Snowflake." },
        { speaker: 'interviewer', text: 'Interesting. How would you handle high availability?' },
        { speaker: 'candidate', text: "I'd deploy it across multiple regions with load balancers, and set up replication for the database to ensure failover support." },
      ],
    });
  });

  describe('a folder with a broken file', () => {
    let folder: string;
    let bad: string;
    let good: string;
    let deep: string;

    before(async () => {
      folder = path.join(scratch, 'library');
      good = path.join(folder, 'good.md');
      bad = path.join(folder, 'sub', 'bad.md');
      deep = path.join(folder, 'sub', 'deeper', 'more.md');
      await fs.mkdir(path.dirname(deep), { recursive: true });
      await fs.writeFile(good, md('## Good dialogue', '> **Interviewer:** "Why?"', '> **Candidate:** "Because."'));
      await fs.writeFile(bad, md('## Broken level', '- **Level:** wizard', '**Interviewer:** q', '', '## No turns here', 'Just prose.'));
      await fs.writeFile(deep, md('## Deep dialogue', '**Interviewer:** q', '**Candidate:** a'));
      // Not Markdown by name: never read, although it would not parse.
      await fs.writeFile(path.join(folder, 'notes.txt'), md('## Not a dialogue'));
    });

    it('exits 1 and prints `path:line:col: error: message` for each problem', () => {
      const { status, stdout } = run('validate', folder);
      assert.equal(status, 1, stdout);
      const lines = stdout.trimEnd().split('\n');
      const problems = lines.slice(0, -1).map((line) => {
        const match = DIAGNOSTIC_LINE.exec(line);
        assert.ok(match, `diagnostic line shape: ${JSON.stringify(line)}`);
        return { file: match[1], line: Number(match[2]), column: Number(match[3]), severity: match[4] };
      });
      assert.deepEqual(problems, [
        { file: bad, line: 2, column: 5, severity: 'error' },
        { file: bad, line: 5, column: 1, severity: 'error' },
      ]);
      assert.deepEqual(summaryOf(stdout), [3, 3, 3, 2, 0]);
    });

    it('still lists the good dialogues, from every level of the folder, in --json', () => {
      const { status, stdout } = run('validate', '--json', folder);
      assert.equal(status, 1);
      const output = JSON.parse(stdout) as CliJson;
      assert.deepEqual(output.dialogues.map((d) => [d.title, d.file]).sort(), [
        ['Broken level', bad],
        ['Deep dialogue', deep],
        ['Good dialogue', good],
      ]);
      assert.deepEqual(output.dialogues.find((d) => d.file === good)?.turns, [
        { speaker: 'interviewer', text: 'Why?' },
        { speaker: 'candidate', text: 'Because.' },
      ]);
      assert.deepEqual(output.diagnostics.map((d) => [d.file, d.line, d.column, d.severity]), [[bad, 2, 5, 'error'], [bad, 5, 1, 'error']]);
      for (const d of output.diagnostics) assert.deepEqual(Object.keys(d).sort(), ['column', 'file', 'line', 'message', 'severity']);
      assert.ok(!output.diagnostics.some((d) => d.file.endsWith('notes.txt')));
    });

    it('accepts several paths at once', () => {
      const { status, stdout } = run('validate', good, deep);
      assert.equal(status, 0);
      assert.deepEqual(summaryOf(stdout), [2, 2, 2, 0, 0]);
    });
  });

  it('reports a path that does not exist as an error, and exits 2 (a path it cannot read)', () => {
    const missing = path.join(scratch, 'no-such-file.md');
    const { status, stdout } = run('validate', missing);
    assert.equal(status, 2);
    assert.match(stdout, new RegExp(`^${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: error: .*not found`, 'm'));
  });

  it('prints the usage and exits 2 without a command or a path', () => {
    for (const args of [[], ['validate'], ['frobnicate', 'x']]) {
      const { status, stderr } = run(...args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, /node dist\/cli\.js validate \[--format text\|json\|github\]/);
    }
  });

  it('finds no error and no warning in the shipped library (dialogues/)', () => {
    const { status, stdout } = run('validate', 'dialogues');
    assert.equal(status, 0, stdout);
    const [files, dialogues, , errors, warnings] = summaryOf(stdout);
    assert.ok(files >= 1 && dialogues >= 1);
    assert.deepEqual([errors, warnings], [0, 0], stdout);
  });
});
