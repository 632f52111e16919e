import assert from 'node:assert/strict';
import { csvCell, csvRow, historyCsv } from '../../src/core/history/csv';
import { History, type QuestionLookup } from '../../src/core/history/history';
import { attemptEvent, reviewEvent, T0 } from './support/historyEvents';

const HEADER = 'Time,Event,Question id,Topic,Prompt,Seconds used,Budget seconds,Rating,Proposed rating,Key points covered,Key points partly,Key points missed,Draft\r\n';
const UTC = { utcOffset: () => 0 };

/** The data rows of an export, each as its line without the CRLF; the header is checked apart. */
function dataLines(csv: string): string[] {
  assert.ok(csv.startsWith(HEADER), 'starts with the header row');
  assert.ok(csv.endsWith('\r\n'), 'the last row ends with CRLF too');
  return csv.slice(HEADER.length, -2).split('\r\n');
}

describe('CSV export of the history', () => {
  describe('cells and rows', () => {
    it('writes plain text and numbers as they are', () => {
      assert.equal(csvCell('plain text'), 'plain text');
      assert.equal(csvCell(42), '42');
      assert.equal(csvCell(-1.5), '-1.5');
      assert.equal(csvCell(0), '0');
      assert.equal(csvCell(''), '');
    });

    it('writes a number that is not finite as an empty cell', () => {
      assert.equal(csvCell(Number.NaN), '');
      assert.equal(csvCell(Number.POSITIVE_INFINITY), '');
      assert.equal(csvCell(Number.NEGATIVE_INFINITY), '');
    });

    it('quotes cells with a comma, a quote or a line break, doubling the quotes', () => {
      assert.equal(csvCell('a,b'), '"a,b"');
      assert.equal(csvCell('say "hi"'), '"say ""hi"""');
      assert.equal(csvCell('two\nlines'), '"two\nlines"');
      assert.equal(csvCell('cr\rhere'), '"cr\rhere"');
    });

    it('puts an apostrophe before text a spreadsheet would run as a formula, then quotes it if needed', () => {
      assert.equal(csvCell('=1+1'), "'=1+1");
      assert.equal(csvCell('+1'), "'+1");
      assert.equal(csvCell('-1'), "'-1");
      assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
      assert.equal(csvCell('\tcmd'), "'\tcmd");
      assert.equal(csvCell('\rcmd'), '"\'\rcmd"');
      assert.equal(csvCell('=HYPERLINK("http://x","y")'), '"\'=HYPERLINK(""http://x"",""y"")"');
      assert.equal(csvCell('a=b-c'), 'a=b-c', 'only a leading character counts');
    });

    it('joins cells with commas and ends the row with CRLF', () => {
      assert.equal(csvRow(['plain', 'a,b', 'say "hi"', 'two\nlines', 42, '=x']), 'plain,"a,b","say ""hi""","two\nlines",42,\'=x\r\n');
      assert.equal(csvRow([]), '\r\n');
    });
  });

  describe('historyCsv', () => {
    it('an empty history is the header row alone', () => {
      assert.equal(historyCsv(new History(), UTC), HEADER);
    });

    it('writes an attempt and a review of it with every column, in local time', () => {
      const history = new History([
        attemptEvent('a1', 'd#q1', T0, { prompt: 'Explain "joins", briefly', activeSeconds: 250, budgetSeconds: 300, draft: '/d/a1.md', topic: 'Databases' }),
        reviewEvent('r1', 'd#q1', T0 + 1000, 'hard', { attempt: 'a1', proposed: 'good', keyPoints: 'ccpmm' }),
      ]);
      assert.equal(
        historyCsv(history, { utcOffset: () => 90 }),
        HEADER +
          '2024-01-15 13:30:00,attempt,d#q1,Databases,"Explain ""joins"", briefly",250,300,,,,,,/d/a1.md\r\n' +
          '2024-01-15 13:30:01,review,d#q1,Databases,"Explain ""joins"", briefly",250,300,hard,good,2,1,2,/d/a1.md\r\n',
      );
    });

    it('asks for the UTC offset at each row\'s own time', () => {
      const history = new History([attemptEvent('a1', 'd#q1', T0), attemptEvent('a2', 'd#q1', T0 + 1000)]);
      const lines = dataLines(historyCsv(history, { utcOffset: (ms) => (ms === T0 ? 60 : -60) }));
      assert.deepEqual(
        lines.map((row) => row.split(',')[0]),
        ['2024-01-15 13:00:00', '2024-01-15 11:00:01'],
      );
    });

    it('takes the topic and the prompt from the library when it knows the question', () => {
      const history = new History([attemptEvent('a1', 'd#q1', T0, { prompt: 'Old prompt', topic: 'Old topic' })]);
      const lookup: QuestionLookup = (question) => (question === 'd#q1' ? { topic: 'New topic', prompt: 'New prompt' } : undefined);
      assert.deepEqual(dataLines(historyCsv(history, { ...UTC, lookup })), ['2024-01-15 12:00:00,attempt,d#q1,New topic,New prompt,300,300,,,,,,/drafts/a1.md']);
    });

    it('uses the latest attempt\'s prompt when the library has the topic but no prompt', () => {
      const history = new History([attemptEvent('a1', 'd#q1', T0, { prompt: 'First wording' }), attemptEvent('a2', 'd#q1', T0 + 1000, { prompt: 'Second wording' })]);
      const lines = dataLines(historyCsv(history, { ...UTC, lookup: () => ({ topic: 'Networks' }) }));
      assert.deepEqual(lines, [
        '2024-01-15 12:00:00,attempt,d#q1,Networks,Second wording,300,300,,,,,,/drafts/a1.md',
        '2024-01-15 12:00:01,attempt,d#q1,Networks,Second wording,300,300,,,,,,/drafts/a2.md',
      ]);
    });

    it('leaves empty the cells a review without an attempt, a proposal or key points does not have', () => {
      const history = new History([reviewEvent('r1', 'd#q1', T0, 'again')]);
      assert.deepEqual(dataLines(historyCsv(history, UTC)), ['2024-01-15 12:00:00,review,d#q1,Unknown topic,,,,again,,,,,']);
    });

    it('leaves the attempt cells empty when the reviewed attempt is not in the history', () => {
      const history = new History([attemptEvent('a1', 'd#q1', T0), reviewEvent('r1', 'd#q1', T0 + 1000, 'easy', { attempt: 'elsewhere', keyPoints: '' })]);
      assert.deepEqual(dataLines(historyCsv(history, UTC)), [
        '2024-01-15 12:00:00,attempt,d#q1,Unknown topic,Prompt of d#q1,300,300,,,,,,/drafts/a1.md',
        '2024-01-15 12:00:01,review,d#q1,Unknown topic,Prompt of d#q1,,,easy,,0,0,0,',
      ]);
    });

    it('fills a review\'s attempt cells from the attempt it reviewed, not another of the same question', () => {
      const history = new History([
        attemptEvent('a1', 'd#q1', T0, { activeSeconds: 100, budgetSeconds: 120, draft: '/d/first.md' }),
        attemptEvent('a2', 'd#q1', T0 + 1000, { activeSeconds: 200, budgetSeconds: 240, draft: '/d/second.md' }),
        reviewEvent('r2', 'd#q1', T0 + 2000, 'good', { attempt: 'a2', keyPoints: 'c' }),
      ]);
      assert.deepEqual(dataLines(historyCsv(history, UTC)).at(-1), '2024-01-15 12:00:02,review,d#q1,Unknown topic,Prompt of d#q1,200,240,good,,1,0,0,/d/second.md');
    });

    it('orders the rows of all questions by time, oldest first, whatever their ids', () => {
      const history = new History([
        attemptEvent('c', 'd#q1', T0),
        attemptEvent('a', 'd#q1', T0 + 2000),
        attemptEvent('b', 'd#q2', T0 + 1000),
        reviewEvent('0', 'd#q2', T0 + 3000, 'good'),
      ]);
      assert.deepEqual(
        dataLines(historyCsv(history, UTC)).map((row) => row.split(',').slice(0, 3).join(' ')),
        ['2024-01-15 12:00:00 attempt d#q1', '2024-01-15 12:00:01 attempt d#q2', '2024-01-15 12:00:02 attempt d#q1', '2024-01-15 12:00:03 review d#q2'],
      );
      assert.deepEqual(
        dataLines(historyCsv(history, UTC)).map((row) => row.split(',').at(-1)),
        ['/drafts/c.md', '/drafts/b.md', '/drafts/a.md', ''],
      );
    });

    it('orders rows at the same time by id', () => {
      const history = new History([
        attemptEvent('z', 'd#q1', T0),
        attemptEvent('m', 'd#q2', T0),
        attemptEvent('a', 'd#q3', T0),
        attemptEvent('k', 'd#q4', T0),
        attemptEvent('b', 'd#q5', T0),
      ]);
      assert.deepEqual(
        dataLines(historyCsv(history, UTC)).map((row) => row.split(',').at(-1)),
        ['/drafts/a.md', '/drafts/b.md', '/drafts/k.md', '/drafts/m.md', '/drafts/z.md'],
      );
    });
  });
});
