import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadHistory } from '../../src/core/history/checkpoint';
import type { HistoryEvent } from '../../src/core/history/events';
import { History } from '../../src/core/history/history';
import { readHistory } from '../../src/core/history/log';
import { LogTails } from '../../src/core/history/tails';
import { attemptEvent, line, MemoryHistoryFiles, reviewEvent, T0 } from './support/historyEvents';
import { runs } from './support/mutationRun';

const FILE_A = 'events-20240101T000000Z-aaaaaaaaaa.jsonl';
const FILE_B = 'events-20240102T000000Z-bbbbbbbbbb.jsonl';
const ids = (events: readonly HistoryEvent[]) => events.map((event) => event.id);

describe('history tails (what is appended after a load)', () => {
  it('reads only the lines appended since the load, from every log, new logs included', async () => {
    const files = new MemoryHistoryFiles();
    files.files.set(FILE_A, line(attemptEvent('a.1', 'q#q1', T0)));
    const loaded = await loadHistory(files, 'checkpoint-test.json');
    const tails = new LogTails(files, loaded.marks);
    assert.deepEqual(await tails.read(), { events: [], problems: [] }, 'nothing appended yet');

    await files.append(FILE_A, line(reviewEvent('a.2', 'q#q1', T0 + 1000, 'good')));
    await files.append(FILE_B, line(attemptEvent('b.1', 'q#q2', T0 + 500)));
    assert.deepEqual(ids((await tails.read())!.events), ['b.1', 'a.2'], 'by time, from both logs');
    assert.deepEqual(await tails.read(), { events: [], problems: [] }, 'each line once');
  });

  it('leaves a line without its newline (an append in progress) for the next read', async () => {
    const files = new MemoryHistoryFiles();
    const tails = new LogTails(files);
    const event = line(attemptEvent('a.1', 'q#q1', T0));
    files.files.set(FILE_A, event.slice(0, 20));
    assert.deepEqual(await tails.read(), { events: [], problems: [] }, 'half a line is neither an event nor a problem yet');
    files.files.set(FILE_A, event);
    assert.deepEqual(ids((await tails.read())!.events), ['a.1']);
  });

  it('reports a damaged appended line at its line number in the whole file', async () => {
    const files = new MemoryHistoryFiles();
    files.files.set(FILE_A, line(attemptEvent('a.1', 'q#q1', T0)) + line(attemptEvent('a.2', 'q#q1', T0 + 1)));
    const tails = new LogTails(files, (await loadHistory(files, 'checkpoint-test.json')).marks);
    await files.append(FILE_A, '{"v":1,"id":"broken"\n' + line(attemptEvent('a.3', 'q#q1', T0 + 2)));
    const read = (await tails.read())!;
    assert.deepEqual(ids(read.events), ['a.3']);
    assert.deepEqual(read.problems.map((problem) => [problem.file, problem.line]), [[FILE_A, 3]]);
  });

  it('numbers lines across successive reads, reads a long log\'s appends, and leaves other files alone', async () => {
    const files = new MemoryHistoryFiles();
    // Over 4 KB before the mark: the fingerprint covers only the bytes just before it.
    const long = Array.from({ length: 40 }, (_, i) => line(attemptEvent(`a.${i}`, 'q#q1', T0 + i))).join('');
    assert.ok(long.length > 4096);
    files.files.set(FILE_A, long);
    files.files.set('checkpoint-test.json', '{"format": 2}\nnot a log\n');
    const tails = new LogTails(files, (await loadHistory(files, 'checkpoint-test.json')).marks);
    await files.append(FILE_A, line(attemptEvent('a.40', 'q#q1', T0 + 40)));
    assert.deepEqual(await tails.read().then((read) => read && ids(read.events)), ['a.40']);
    await files.append(FILE_A, '{"v":1,"id":"broken"\n');
    assert.deepEqual((await tails.read())!.problems.map((problem) => [problem.file, problem.line]), [[FILE_A, 42]]);
  });

  it('reads a long log from 4 KB before its mark, not from its start, and still notices a change there', async () => {
    const files = new MemoryHistoryFiles();
    const long = Array.from({ length: 100 }, (_, i) => line(attemptEvent(`a.${i}`, 'q#q1', T0 + i))).join('');
    files.files.set(FILE_A, long);
    const tails = new LogTails(files, (await loadHistory(files, 'checkpoint-test.json')).marks);
    await files.append(FILE_A, line(attemptEvent('a.100', 'q#q1', T0 + 100)));
    assert.deepEqual(ids((await tails.read())!.events), ['a.100']);
    assert.deepEqual(files.readFromCalls, [{ name: FILE_A, start: long.length - 4096 }]);

    // The next read starts 4 KB before the new mark; a line changed inside those bytes means the log was replaced.
    const now = files.files.get(FILE_A)!;
    const lastLine = now.lastIndexOf('a.100');
    files.files.set(FILE_A, `${now.slice(0, lastLine)}b.100${now.slice(lastLine + 5)}`);
    assert.equal(await tails.read(), undefined);
    assert.equal(files.readFromCalls.at(-1)!.start, now.length - 4096);
  });

  it('drops a byte order mark at the start of a log, as a load does', async () => {
    const files = new MemoryHistoryFiles();
    files.files.set(FILE_A, `\ufeff${line(attemptEvent('a.1', 'q#q1', T0))}`);
    const read = (await new LogTails(files).read())!;
    assert.deepEqual([ids(read.events), read.problems], [['a.1'], []]);
    assert.deepEqual(ids([...(await loadHistory(files, 'checkpoint-test.json')).history.questions()].flatMap((q) => q.attempts)), ['a.1']);
  });

  it('asks for a full read when a log was replaced or cut instead of appended to', async () => {
    for (const replace of [(text: string) => text.replace('a.1', 'x.1'), (text: string) => text.slice(0, text.indexOf('\n') + 1)]) {
      const files = new MemoryHistoryFiles();
      files.files.set(FILE_A, line(attemptEvent('a.1', 'q#q1', T0)) + line(attemptEvent('a.2', 'q#q1', T0 + 1)));
      const tails = new LogTails(files, (await loadHistory(files, 'checkpoint-test.json')).marks);
      files.files.set(FILE_A, replace(files.files.get(FILE_A)!));
      assert.equal(await tails.read(), undefined);
      // The full read takes in what is there and marks it, so appends are read as tails again.
      const all = await tails.readAll();
      assert.deepEqual(ids(all.events), ids((await readHistory(files)).events));
      await files.append(FILE_A, line(attemptEvent('a.9', 'q#q1', T0 + 9)));
      assert.deepEqual(await tails.read().then((read) => read && { events: ids(read.events), problems: read.problems }), { events: ['a.9'], problems: [] });
    }
  });

  it('keeps a history equal to a full read of the logs, however the appends are split into reads (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ file: fc.constantFrom(FILE_A, FILE_B), reviewed: fc.boolean(), readAfter: fc.boolean() }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 30 }),
        async (appends, loadedAfter) => {
          const files = new MemoryHistoryFiles();
          const history = new History();
          let tails: LogTails | undefined;
          for (const [i, { file, reviewed, readAfter }] of appends.entries()) {
            const id = `${file === FILE_A ? 'a' : 'b'}.${i}`;
            const event = reviewed ? reviewEvent(id, `q#q${i % 3}`, T0 + i * 1000, 'good') : attemptEvent(id, `q#q${i % 3}`, T0 + i * 1000);
            await files.append(file, line(event));
            if (i === loadedAfter) {
              const loaded = await loadHistory(files, 'checkpoint-test.json');
              for (const known of (await readHistory(files)).events) history.add(known);
              tails = new LogTails(files, loaded.marks);
            } else if (tails && readAfter) {
              for (const appended of (await tails.read())!.events) history.add(appended);
            }
          }
          if (tails) for (const appended of (await tails.read())!.events) history.add(appended);
          else for (const known of (await new LogTails(files).read())!.events) history.add(known);
          assert.deepEqual(ids([...history.questions()].flatMap((q) => [...q.attempts, ...q.reviews])).sort(), ids((await readHistory(files)).events).sort());
        },
      ),
      { numRuns: runs(100) },
    );
  });
});
