import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { attemptBody, decodeKeyPoints, encodeKeyPoints, type HistoryEvent, parseEventLine } from '../../src/core/history/events';
import { History } from '../../src/core/history/history';
import { HistoryWriter, mergeEventTexts, newWriterId, readHistory } from '../../src/core/history/log';
import { exportHistory, importHistory } from '../../src/core/history/transfer';
import { NodeHistoryFiles } from '../../src/node/historyFiles';
import { attemptEvent, line, MemoryHistoryFiles, reviewEvent, T0 } from './support/historyEvents';

describe('history events: one line each', () => {
  it('reads back what was written, for every event type', () => {
    const events: HistoryEvent[] = [
      attemptEvent('a', 'd#q1', T0, { topic: 'Databases' }),
      reviewEvent('r', 'd#q1', T0 + 1, 'hard', { attempt: 'a', proposed: 'good', keyPoints: 'cpm', rubric: { kind: 'design', scores: { requirements: 3 } }, after: 'x' }),
      { v: 1, id: 's', at: T0 + 2, type: 'suspend', question: 'd#q1' },
      { v: 1, id: 'u', at: T0 + 3, type: 'unsuspend', question: 'd#q1' },
      { v: 1, id: 'z', at: T0 + 4, type: 'reset', question: 'd#q1' },
      { v: 1, id: 'x', at: T0 + 5, type: 'delete-attempt', attempt: 'a' },
    ];
    for (const event of events) assert.deepEqual(parseEventLine(JSON.stringify(event)), { event });
  });

  it('says what is wrong with a line instead of throwing', () => {
    const problem = (text: string) => {
      const result = parseEventLine(text);
      assert.ok('problem' in result, `${text} is rejected`);
      return result;
    };
    assert.match(problem('{"v":1,"id":"a","at":1,"type":"attempt","question"').problem, /not valid JSON/);
    assert.match(problem('[1,2]').problem, /not a JSON object/);
    assert.match(problem('{"id":"a","at":1,"type":"suspend","question":"q"}').problem, /schema version/);
    assert.match(problem('{"v":1,"at":1,"type":"suspend","question":"q"}').problem, /event id/);
    assert.match(problem('{"v":1,"id":"a","type":"suspend","question":"q"}').problem, /time/);
    assert.match(problem(JSON.stringify({ ...reviewEvent('r', 'q', 1, 'good'), rating: 'great' })).problem, /"rating"/);
    assert.match(problem(JSON.stringify({ ...reviewEvent('r', 'q', 1, 'good'), keyPoints: 'cx' })).problem, /keyPoints/);
    assert.match(problem(JSON.stringify({ ...reviewEvent('r', 'q', 1, 'good'), rubric: { kind: 'design', scores: { a: 5 } } })).problem, /rubric score/);
    assert.match(problem(JSON.stringify({ ...attemptEvent('a', 'q', 1), activeSeconds: '300' })).problem, /"activeSeconds"/);
  });

  it('marks lines of a newer schema or an unknown type as newer, so the user is told to update', () => {
    const future = parseEventLine('{"v":2,"id":"a","at":1,"type":"attempt"}');
    assert.ok('problem' in future && future.newer);
    const unknownType = parseEventLine('{"v":1,"id":"a","at":1,"type":"note","text":"hi"}');
    assert.ok('problem' in unknownType && unknownType.newer);
  });

  it('turns a finished attempt into its event, with the topic when known', async () => {
    const attempt = { questionId: 'd#q1', dialogueId: 'd', prompt: 'P', startedAt: T0 - 60_000, finishedAt: T0, activeSeconds: 55, budgetSeconds: 300, overtimeSeconds: 0, wordCount: 12, draftPath: '/drafts/x.md' };
    const [event] = await new HistoryWriter(new MemoryHistoryFiles(), { writerId: 'W', now: () => T0 + 5 }).record(attemptBody(attempt, 'Databases'));
    assert.deepEqual(event, { v: 1, id: 'W.1', at: T0, type: 'attempt', question: 'd#q1', dialogue: 'd', prompt: 'P', topic: 'Databases', startedAt: T0 - 60_000, activeSeconds: 55, budgetSeconds: 300, overtimeSeconds: 0, wordCount: 12, draft: '/drafts/x.md' });
    assert.equal('topic' in attemptBody(attempt), false);
  });

  it('stores a checklist as one letter per key point', () => {
    assert.equal(encodeKeyPoints(['covered', 'partly', 'missed', 'covered']), 'cpmc');
    assert.deepEqual(decodeKeyPoints('cpmc'), ['covered', 'partly', 'missed', 'covered']);
  });
});

describe('mergeEventTexts: damaged lines are skipped and reported, never the rest', () => {
  const a = attemptEvent('w1.1', 'd#q1', T0);
  const b = reviewEvent('w1.2', 'd#q1', T0 + 1000, 'good');
  const c = attemptEvent('w2.1', 'd#q2', T0 + 500);

  it('keeps the events around a truncated last line (a crash while appending) and says where it is', () => {
    const truncated = line(b).slice(0, 30);
    const merged = mergeEventTexts([{ name: 'events-w1.jsonl', text: line(a) + truncated }, { name: 'events-w2.jsonl', text: line(c) }]);
    assert.deepEqual(merged.events, [a, c]);
    assert.equal(merged.problems.length, 1);
    assert.equal(merged.problems[0].file, 'events-w1.jsonl');
    assert.equal(merged.problems[0].line, 2);
    assert.match(merged.problems[0].message, /unfinished last line/);
    assert.equal(merged.problems[0].unfinished, true, 'the host can read again before alarming the user');
  });

  it('skips a garbage line in the middle with its line number, and reads the lines after it', () => {
    const merged = mergeEventTexts([{ name: 'f.jsonl', text: `${line(a)}garbage \u0000 here\n${line(b)}` }]);
    assert.deepEqual(merged.events, [a, b]);
    assert.deepEqual(merged.problems.map((p) => [p.file, p.line, p.newer ?? false]), [['f.jsonl', 2, false]]);
    assert.doesNotMatch(merged.problems[0].message, /unfinished last line/);
    assert.equal(merged.problems[0].unfinished, undefined);
  });

  it('skips a line from a future version, reporting it as newer (not as damage)', () => {
    const merged = mergeEventTexts([{ name: 'f.jsonl', text: `${line(a)}${JSON.stringify({ v: 2, id: 'n', at: T0, type: 'attempt', shape: 'new' })}\n` }]);
    assert.deepEqual(merged.events, [a]);
    assert.equal(merged.problems[0].newer, true);
    assert.equal(merged.problems[0].line, 2);
  });

  it('reads CRLF line ends and blank lines', () => {
    const merged = mergeEventTexts([{ name: 'f.jsonl', text: `${JSON.stringify(a)}\r\n\r\n${JSON.stringify(b)}\r\n` }]);
    assert.deepEqual(merged.events, [a, b]);
    assert.deepEqual(merged.problems, []);
  });

  it('counts a duplicated event once; two different events with one id keep the same one whatever the file order', () => {
    const twin = { ...a, prompt: 'edited elsewhere' };
    const one = mergeEventTexts([{ name: 'x.jsonl', text: line(a) + line(a) }, { name: 'y.jsonl', text: line(twin) }]);
    const other = mergeEventTexts([{ name: 'y.jsonl', text: line(twin) }, { name: 'x.jsonl', text: line(a) + line(a) }]);
    assert.equal(one.events.length, 1);
    assert.deepEqual(one.events, other.events);
    assert.equal(one.problems.length, 1, 'the conflicting twin is reported, the exact duplicate is not');
  });
});

/** Any set of events, split over files in any way, duplicated, in any order. */
const eventsArbitrary = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    at: fc.integer({ min: T0, max: T0 + 1_000_000 }),
    kind: fc.constantFrom('attempt', 'review', 'suspend', 'unsuspend', 'reset', 'delete-attempt'),
    question: fc.constantFrom('d#q1', 'd#q2', 'e#q1'),
    rating: fc.constantFrom('again', 'hard', 'good', 'easy' as const),
    target: fc.nat(20),
  }),
  { selector: (e) => e.id, maxLength: 40 },
).map((specs) =>
  specs.map((spec, i): HistoryEvent => {
    const otherId = specs[spec.target % specs.length]?.id ?? spec.id;
    switch (spec.kind) {
      case 'attempt':
        return attemptEvent(spec.id, spec.question, spec.at);
      case 'review':
        return reviewEvent(spec.id, spec.question, spec.at, spec.rating, i % 2 ? { attempt: otherId } : {});
      case 'delete-attempt':
        return { v: 1, id: spec.id, at: spec.at, type: 'delete-attempt', attempt: otherId };
      default:
        return { v: 1, id: spec.id, at: spec.at, type: spec.kind as 'suspend' | 'unsuspend' | 'reset', question: spec.question };
    }
  }),
);

/** Everything a reader of the index sees, in a comparable form. */
function view(history: History) {
  return {
    attempts: history.attemptCount,
    reviews: history.reviewCount,
    questions: [...history.questions()]
      .map((q) => ({ q: q.question, attempts: q.attempts.map((a) => a.id), reviews: q.reviews.map((r) => r.id), schedule: q.schedule.map((s) => s.id), suspended: q.suspended }))
      .sort((x, y) => (x.q < y.q ? -1 : 1)),
    progress: [...history.progress()].sort(),
  };
}

describe('merging is order-independent (property)', () => {
  it('any split of the events into files, in any order, with duplicates, merges to the same history', () => {
    fc.assert(
      fc.property(eventsArbitrary, fc.array(fc.nat(3)), fc.array(fc.nat(1000)), (events, split, shuffle) => {
        const expected = mergeEventTexts([{ name: 'all.jsonl', text: events.map(line).join('') }]);
        // Scatter every event into one of four files, some twice, in a shuffled order.
        const files: string[][] = [[], [], [], []];
        const order = events.map((event, i) => ({ event, key: shuffle[i] ?? i })).sort((x, y) => x.key - y.key);
        order.forEach(({ event }, i) => {
          files[(split[i] ?? i) % 4].push(line(event));
          if (i % 3 === 0) files[(i + 1) % 4].push(line(event));
        });
        const merged = mergeEventTexts(files.map((lines, i) => ({ name: `f${i}.jsonl`, text: lines.join('') })).reverse());
        assert.deepEqual(merged.events, expected.events);
        assert.deepEqual(merged.problems, []);
        assert.deepEqual(view(new History(merged.events)), view(new History(expected.events)));
        // The fast path for merged events builds the same index, and still refuses a known event afterwards.
        const fast = History.ofMerged(merged.events);
        assert.deepEqual(view(fast), view(new History(expected.events)));
        if (merged.events.length > 0) assert.equal(fast.add(merged.events[0]), false);
        assert.equal(fast.eventCount, merged.events.length);
      }),
    );
  });

  it('the index does not depend on the order events arrive in, and duplicates never count twice', () => {
    fc.assert(
      fc.property(eventsArbitrary, fc.array(fc.nat(1000)), (events, keys) => {
        const sorted = mergeEventTexts([{ name: 'a.jsonl', text: events.map(line).join('') }]).events;
        const shuffled = events.map((event, i) => ({ event, key: keys[i] ?? -i })).sort((x, y) => x.key - y.key).map((x) => x.event);
        const withDuplicates = [...shuffled, ...shuffled.slice(0, shuffled.length >> 1)];
        assert.deepEqual(view(new History(withDuplicates)), view(new History(sorted)));
        const incremental = new History();
        for (const event of withDuplicates) incremental.add(event);
        assert.deepEqual(view(incremental), view(new History(sorted)));
      }),
    );
  });
});

describe('HistoryWriter', () => {
  it('stamps version, a unique id and the time, and appends whole lines to its own file', async () => {
    const files = new MemoryHistoryFiles();
    const writer = new HistoryWriter(files, { writerId: 'W', now: () => T0 });
    const [first, second] = await writer.record({ type: 'suspend', question: 'd#q1' }, { type: 'reset', question: 'd#q1', at: T0 - 5 });
    assert.deepEqual(first, { v: 1, id: 'W.1', at: T0, type: 'suspend', question: 'd#q1' });
    assert.equal(second.id, 'W.2');
    assert.equal(second.at, T0 - 5, 'a given time is kept');
    assert.equal(writer.fileName, 'events-20240115T120000Z-W.jsonl');
    assert.equal(files.files.get(writer.fileName), `${JSON.stringify(first)}\n${JSON.stringify(second)}\n`);
    assert.ok(JSON.stringify(first).startsWith('{"v":1,"id":"W.1","at":'), 'the header comes first in each line');
  });

  it('after a failed append writes to a fresh file, so the half line cannot swallow the next event', async () => {
    const files = new MemoryHistoryFiles();
    const writer = new HistoryWriter(files, { writerId: 'W', now: () => T0 });
    await writer.record({ type: 'suspend', question: 'q' });
    files.failNextAppend = true;
    const [saved] = await writer.record({ type: 'unsuspend', question: 'q' });
    await writer.record({ type: 'reset', question: 'q' });
    assert.equal(writer.fileName, 'events-20240115T120000Z-W-2.jsonl');
    const read = await readHistory(files);
    assert.deepEqual(read.events.map((e) => e.type), ['suspend', 'unsuspend', 'reset']);
    assert.equal(read.events[1].id, saved.id);
    assert.equal(read.problems.length, 1, 'the half line is reported');
  });

  it('never overlaps two appends of one writer (the contract that lets a host append by read + write)', async () => {
    let active = 0;
    let overlapped = false;
    const files = new MemoryHistoryFiles();
    const append = files.append.bind(files);
    files.append = async (name, text) => {
      active++;
      if (active > 1) overlapped = true;
      await new Promise((resolve) => setTimeout(resolve, 2));
      await append(name, text);
      active--;
    };
    const writer = new HistoryWriter(files, { writerId: 'W', now: () => T0 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => writer.record({ type: 'suspend', question: `q${i}` })));
    assert.equal(overlapped, false);
    assert.equal((await readHistory(files)).events.length, 10);
  });

  it('writer ids are short and differ between windows; file names sort by when the writer started', () => {
    assert.match(newWriterId(), /^[0-9a-z]{10}$/);
    assert.notEqual(newWriterId(), newWriterId());
    const early = new HistoryWriter(new MemoryHistoryFiles(), { writerId: 'zzz', now: () => Date.UTC(2024, 4, 1, 10, 0, 0) });
    const late = new HistoryWriter(new MemoryHistoryFiles(), { writerId: 'aaa', now: () => Date.UTC(2024, 4, 1, 10, 0, 1) });
    assert.equal(early.fileName, 'events-20240501T100000Z-zzz.jsonl');
    assert.ok(early.fileName < late.fileName);
  });
});

describe('NodeHistoryFiles', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-history-'));
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('readHistory reads only *.jsonl files (backups and notes beside them are left alone)', async () => {
    const files = new NodeHistoryFiles(folder);
    await files.write('events-a.jsonl', line(attemptEvent('x', 'd#q1', T0)));
    await files.write('attempts.json', '{"version":1,"attempts":[]}');
    await files.write('notes.txt', 'not events');
    const read = await readHistory(files);
    assert.deepEqual(read.files, ['events-a.jsonl']);
    assert.equal(read.events.length, 1);
  });
});

describe('export and import between machines', () => {
  const a = attemptEvent('m1.1', 'd#q1', T0);
  const b = reviewEvent('m1.2', 'd#q1', T0 + 1, 'good');
  const c = attemptEvent('m2.1', 'd#q2', T0 + 2);

  it('imports only the events the folder lacks, into one new file; importing again adds nothing', async () => {
    const here = new MemoryHistoryFiles();
    await here.append('events-m2.jsonl', line(c) + line(a));
    const exported = exportHistory([a, b, c]);
    const first = await importHistory(here, [{ name: 'export.jsonl', text: exported }]);
    assert.equal(first.added, 1);
    assert.equal(first.known, 2);
    assert.ok(first.file?.startsWith('imported-'));
    assert.deepEqual((await readHistory(here)).events, [a, b, c]);

    const writes = here.writes;
    const again = await importHistory(here, [{ name: 'export.jsonl', text: exported }]);
    assert.equal(again.added, 0);
    assert.equal(here.writes, writes, 'nothing is written the second time');
  });

  it('reports the damaged lines of an imported file and imports the rest', async () => {
    const here = new MemoryHistoryFiles();
    const result = await importHistory(here, [{ name: 'carried.jsonl', text: `${line(a)}{"v":1,"id":\n${line(c)}` }]);
    assert.equal(result.added, 2);
    assert.deepEqual(result.problems.map((p) => [p.file, p.line]), [['carried.jsonl', 2]]);
  });
});
