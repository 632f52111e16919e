import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { type CliEnvironment, defaultStorageFolder, exportCommand, statsCommand } from '../../src/cli/history';
import { runCli } from '../../src/cli/main';
import { csvCell, csvRow } from '../../src/core/history/csv';
import { History } from '../../src/core/history/history';
import { historyCsv } from '../../src/core/history/csv';
import { attemptEvent, DAY, line, reviewEvent, T0 } from './support/historyEvents';

/** A minimal RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and ends rows with CRLF', () => {
    assert.equal(csvRow(['plain', 'a,b', 'say "hi"', 'two\nlines', 42]), 'plain,"a,b","say ""hi""","two\nlines",42\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tcmd', '\rcmd', '=HYPERLINK("http://x","y")']) assert.ok(csvCell(text).replace(/^"/, '').startsWith("'"), text);
    assert.equal(csvCell('=cmd|" /C calc"!A0'), `"'=cmd|"" /C calc""!A0"`);
    assert.equal(csvCell(-5), '-5', 'numbers stay numbers');
    assert.equal(csvCell('a-b'), 'a-b');
  });

  it('any text reads back the same (less the guard apostrophe) and never starts a cell with a formula (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (cells) => {
        const [parsed] = parseCsv(csvRow(cells));
        assert.equal(parsed.length, cells.length);
        parsed.forEach((value, i) => {
          assert.doesNotMatch(value, /^[=+\-@\t\r]/);
          assert.equal(/^[=+\-@\t\r]/.test(cells[i]) ? value.slice(1) : value, cells[i]);
        });
      }),
    );
  });

  it('writes a row per attempt and per review, oldest first, in local time', () => {
    const history = new History([
      reviewEvent('r', 'd#q1', T0 + 1000, 'hard', { attempt: 'a', proposed: 'good', keyPoints: 'cpm' }),
      attemptEvent('a', 'd#q1', T0, { prompt: '=cmd()', activeSeconds: 250, budgetSeconds: 300, draft: '/d/a,b.md' }),
    ]);
    const rows = parseCsv(historyCsv(history, { utcOffset: () => 60 }));
    assert.equal(rows[0][0], 'Time');
    assert.deepEqual(rows[1], ['2024-01-15 13:00:00', 'attempt', 'd#q1', 'Unknown topic', "'=cmd()", '250', '300', '', '', '', '', '', '/d/a,b.md']);
    assert.deepEqual(rows[2], ['2024-01-15 13:00:01', 'review', 'd#q1', 'Unknown topic', "'=cmd()", '250', '300', 'hard', 'good', '1', '1', '1', '/d/a,b.md']);
  });
});

describe('cli: stats and export --csv', () => {
  let scratch: string;
  let environment: CliEnvironment;
  let out: string;
  let err: string;
  /** `node dist/cli.js ARGV` through the real dispatcher, with the history commands on a fixed clock and home. */
  const cli = (...argv: string[]) =>
    runCli(argv, { out: (text) => (out += text), err: (text) => (err += text), readInput: () => Promise.reject(new Error('no input')) }, [statsCommand(() => environment), exportCommand(() => environment)]);

  beforeEach(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-cli-history-'));
    environment = { now: T0 + 3 * DAY, platform: 'linux', home: scratch, env: {}, utcOffset: () => 0 };
    out = '';
    err = '';
  });
  afterEach(async () => {
    await fs.rm(scratch, { recursive: true, force: true });
  });

  const folder = () => path.join(scratch, 'my-history');
  async function writeHistory(text: string, where = folder()): Promise<void> {
    await fs.mkdir(where, { recursive: true });
    await fs.writeFile(path.join(where, 'events-a.jsonl'), text);
  }

  it('--json gives attempts, reviews, dueToday and each question with its due date and last rating', async () => {
    await writeHistory(
      line(attemptEvent('a1', 'sd#q1', T0, { topic: 'System design' })) +
        line(reviewEvent('r1', 'sd#q1', T0 + 1000, 'good', { attempt: 'a1', keyPoints: 'cc', card: { due: T0 + 2 * DAY, s: 2, d: 5, state: 2, reps: 1, lapses: 0, step: 0, days: 2, p: 'other' } })) +
        line(attemptEvent('a2', 'db#q1', T0)),
    );
    assert.equal(await cli('stats', '--json', folder()), 0);
    const json = JSON.parse(out) as { attempts: number; reviews: number; dueToday: number; questions: { id: string; due: string | null; lastRating: string | null }[]; topics: { topic: string; keyPointCoverage: number | null }[] };
    assert.equal(json.attempts, 2);
    assert.equal(json.reviews, 1);
    assert.equal(json.dueToday, 1, 'sd#q1 (Good on a new question: 2 days) is overdue on day 3');
    assert.deepEqual(json.questions.map((q) => [q.id, q.lastRating]), [['db#q1', null], ['sd#q1', 'good']]);
    assert.equal(json.questions[0].due, null);
    assert.match(json.questions[1].due ?? '', /^2024-01-17T/);
    assert.equal(json.topics.find((t) => t.topic === 'System design')?.keyPointCoverage, 1);
    assert.equal(err, '');
  });

  it('prints totals, due today and per-topic coverage as text, and reports damaged lines on stderr', async () => {
    await writeHistory(`${line(attemptEvent('a1', 'sd#q1', T0, { topic: 'System design' }))}{"v":1,"id":"x","at":`);
    assert.equal(await cli('stats', folder()), 0);
    assert.match(out, /^History: .*my-history \(1 file\)$/m);
    assert.match(out, /^Attempts: 1 {3}Reviews: 0/m);
    assert.match(out, /^Due today: 0$/m);
    assert.match(out, /^System design {2}/m);
    assert.match(err, /events-a\.jsonl:2: skipped: not valid JSON/);
  });

  it('reads VS Code\'s global storage by default, with the attempts.json of older versions', async () => {
    const storage = defaultStorageFolder(environment);
    assert.equal(storage, path.join(scratch, '.config', 'Code', 'User', 'globalStorage', 'interview-dialogues.interview-dialogues'));
    await fs.mkdir(storage, { recursive: true });
    await fs.writeFile(path.join(storage, 'attempts.json'), JSON.stringify({ version: 1, attempts: [{ questionId: 'x#q1', dialogueId: 'x', prompt: 'p', startedAt: T0, finishedAt: T0 + 1, activeSeconds: 1, budgetSeconds: 2, overtimeSeconds: 0, wordCount: 3, draftPath: 'd.md' }] }));
    await writeHistory(line(attemptEvent('a1', 'sd#q1', T0)), path.join(storage, 'history'));
    assert.equal(await cli('stats', '--json'), 0);
    assert.equal((JSON.parse(out) as { attempts: number }).attempts, 2);
  });

  it('knows where VS Code keeps global storage on macOS and Windows', () => {
    assert.equal(defaultStorageFolder({ platform: 'darwin', home: '/Users/me', env: {} }), '/Users/me/Library/Application Support/Code/User/globalStorage/interview-dialogues.interview-dialogues');
    assert.equal(defaultStorageFolder({ platform: 'win32', home: 'C:\\Users\\me', env: { APPDATA: 'C:\\Users\\me\\AppData\\Roaming' } }), 'C:\\Users\\me\\AppData\\Roaming\\Code\\User\\globalStorage\\interview-dialogues.interview-dialogues');
    assert.equal(defaultStorageFolder({ platform: 'linux', home: '/home/me', env: { XDG_CONFIG_HOME: '/xdg' } }), '/xdg/Code/User/globalStorage/interview-dialogues.interview-dialogues');
  });

  it('says where it looked and exits 2 when there is no history, and on bad usage', async () => {
    assert.equal(await cli('stats'), 2);
    assert.match(err, /globalStorage.*does not exist\. Pass the folder your history is kept in/);
    err = '';
    assert.equal(await cli('stats', '--jsn'), 2);
    assert.match(err, /unknown option --jsn\nusage: node dist\/cli\.js stats/);
    err = '';
    assert.equal(await cli('export', folder()), 2);
    assert.match(err, /--csv/);
  });

  it('export --csv prints the history as CSV', async () => {
    await writeHistory(line(attemptEvent('a1', 'sd#q1', T0, { prompt: '@risky', topic: 'System design' })));
    assert.equal(await cli('export', '--csv', folder()), 0);
    const rows = parseCsv(out);
    assert.equal(rows.length, 2);
    assert.deepEqual(rows[1].slice(1, 5), ['attempt', 'sd#q1', 'System design', "'@risky"]);
  });
});
