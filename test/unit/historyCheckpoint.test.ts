import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CHECKPOINT_FORMAT, loadHistory } from '../../src/core/history/checkpoint';
import type { HistoryEvent, Rating, ReviewEvent } from '../../src/core/history/events';
import { History, type QuestionHistory, type QuestionSummary } from '../../src/core/history/history';
import { readHistory } from '../../src/core/history/log';
import { joinSections, splitSections } from '../../src/core/history/sections';
import { localDays } from '../../src/core/review/days';
import { Scheduler } from '../../src/core/review/scheduler';
import { attemptEvent, DAY, line, MemoryHistoryFiles, reviewEvent, T0 } from './support/historyEvents';

const CHECKPOINT = 'checkpoint-test.json';
const FILE_A = 'events-20240101T000000Z-aaaaaaaaaa.jsonl';
const FILE_B = 'events-20240102T000000Z-bbbbbbbbbb.jsonl';

/** The summary a question's events call for, written out apart from `History`'s own (which a checkpoint stores). */
function expectedSummary({ attempts, reviews, schedule }: QuestionHistory): QuestionSummary {
  const reset = schedule.map((event) => event.type).lastIndexOf('reset');
  const sinceReset = schedule.slice(reset + 1) as ReviewEvent[];
  const latest = sinceReset.at(-1);
  const topics = attempts.flatMap((attempt) => (attempt.topic === undefined ? [] : [attempt.topic]));
  const chained = sinceReset.every((review, i) => review.after === (i === 0 ? schedule[reset]?.id : sinceReset[i - 1].id));
  return {
    attempts: attempts.length,
    reviews: reviews.length,
    ...(attempts.length > 0 ? { bestSeconds: Math.min(...attempts.map((attempt) => attempt.activeSeconds)) } : {}),
    ...(topics.length > 0 ? { topic: topics[topics.length - 1] } : {}),
    ...(attempts.length > 0 ? { prompt: attempts[attempts.length - 1].prompt } : {}),
    ...(schedule.length > 0 ? { lastScheduled: schedule[schedule.length - 1].id } : {}),
    ...(latest ? { current: { introducedAt: sinceReset[0].at, at: latest.at, rating: latest.rating, card: latest.card, chained } } : {}),
  };
}

/** Everything a user or the scheduler can see of a history, independent of question numbering and object identity. */
function view(history: History): unknown {
  const entries = [...history.questions()].sort((a, b) => (a.question < b.question ? -1 : 1));
  // Summaries first: read before the events, they are what a checkpoint restored (and not yet recomputed).
  const summaries = entries.map((entry) => ({ question: entry.question, summary: entry.summary, suspended: entry.suspended }));
  const scheduler = new Scheduler();
  const names = new Map(entries.map((entry) => [entry.index, entry.question]));
  const rows: string[] = [];
  const table = history.table;
  for (let row = 0; row < table.length; row++) {
    rows.push([names.get(table.question[row]), table.at[row], table.kind[row], table.seconds[row], table.budget[row], table.covered[row], table.partly[row], table.missed[row]].join(' '));
  }
  entries.forEach((entry, i) => assert.deepEqual(summaries[i].summary, expectedSummary(entry), entry.question));
  return {
    summaries,
    cards: entries.map((entry) => scheduler.card(entry)),
    events: entries.map((entry) => ({ attempts: entry.attempts, reviews: entry.reviews, schedule: entry.schedule })),
    rows: rows.sort(),
    attempts: history.attemptCount,
    reviews: history.reviewCount,
    eventCount: history.eventCount,
    progress: [...history.progress()].sort(),
  };
}

async function fromScratch(files: MemoryHistoryFiles): Promise<unknown> {
  return view(History.ofMerged((await readHistory(files)).events));
}

function folderWith(...events: HistoryEvent[]): MemoryHistoryFiles {
  const files = new MemoryHistoryFiles();
  files.files.set(FILE_A, events.map(line).join(''));
  return files;
}

const some = [attemptEvent('a.1', 'd#q1', T0), reviewEvent('a.2', 'd#q1', T0 + 1, 'good', { attempt: 'a.1', keyPoints: 'ccp' }), attemptEvent('a.3', 'd#q2', T0 + 2, { activeSeconds: 120 })];

/** A folder whose checkpoint covers `some`, as a first load leaves it. */
async function checkpointed(): Promise<MemoryHistoryFiles> {
  const files = folderWith(...some);
  assert.equal(await (await loadHistory(files, CHECKPOINT)).saveCheckpoint(), true);
  return files;
}

describe('the history checkpoint', () => {
  it('is built when missing, and the next load parses nothing', async () => {
    const files = folderWith(...some);
    const first = await loadHistory(files, CHECKPOINT);
    assert.equal(first.rebuilt, 'missing');
    assert.equal(first.parsed, 3);
    assert.equal(await first.saveCheckpoint(), true);
    assert.ok(files.files.has(CHECKPOINT));
    const second = await loadHistory(files, CHECKPOINT);
    assert.equal(second.rebuilt, undefined);
    assert.equal(second.parsed, 0);
    assert.equal(await second.saveCheckpoint(), false, 'nothing new: nothing to write');
    assert.deepEqual(view(second.history), await fromScratch(files));
  });

  /** The checkpoint with its JSON header (its first line) changed. */
  const reheader = (text: string, change: (header: Record<string, unknown>) => object) => JSON.stringify(change(JSON.parse(text.slice(0, text.indexOf('\n'))))) + text.slice(text.indexOf('\n'));
  /** The checkpoint with one of its sections replaced, or left out. */
  const resection = (text: string, name: string, section?: string) => {
    const { header, sections } = splitSections(new TextEncoder().encode(text))!;
    const others = Object.fromEntries(Object.entries(sections).filter(([key]) => key !== name));
    return joinSections(header, section === undefined ? others : { ...others, [name]: section });
  };
  for (const [what, damage, reason] of [
    ['garbage', () => 'not json at all', 'unreadable'],
    ['truncated JSON', (text: string) => text.slice(0, text.indexOf('\n') / 2), 'unreadable'],
    ['cut short after its header', (text: string) => text.slice(0, -1), 'unreadable'],
    ['another format', (text: string) => reheader(text, (header) => ({ ...header, format: CHECKPOINT_FORMAT + 1 })), 'other format'],
    ['of the first format (one JSON document)', () => JSON.stringify({ format: 1, files: [], problems: [], history: {} }), 'other format'],
    ['JSON of another shape', (text: string) => reheader(text, (header) => ({ ...header, history: { questions: 'none' } })), 'unreadable'],
    ['without the ids section', (text: string) => resection(text, 'ids'), 'unreadable'],
    ['a column of other rows than the times', (text: string) => resection(text, 'kind', 'AA=='), 'unreadable'],
  ] as const) {
    it(`is rebuilt from the logs when it is ${what}, and nothing is lost`, async () => {
      const files = await checkpointed();
      files.files.set(CHECKPOINT, damage(files.files.get(CHECKPOINT)!));
      const loaded = await loadHistory(files, CHECKPOINT);
      assert.equal(loaded.rebuilt, reason);
      assert.equal(loaded.history.attemptCount, 2);
      assert.deepEqual(view(loaded.history), await fromScratch(files));
      assert.equal(await loaded.saveCheckpoint(), true);
      assert.equal((await loadHistory(files, CHECKPOINT)).rebuilt, undefined);
    });
  }

  it('is rebuilt when a covered log got shorter (a sync tool put back an older copy)', async () => {
    const files = await checkpointed();
    files.files.set(FILE_A, some.slice(0, 2).map(line).join(''));
    const loaded = await loadHistory(files, CHECKPOINT);
    assert.equal(loaded.rebuilt, 'log changed');
    assert.equal(loaded.history.question('d#q2'), undefined, 'the attempt gone from the log is gone from the history');
    assert.deepEqual(view(loaded.history), await fromScratch(files));
  });

  it('is rebuilt when the covered bytes changed at the same length (a rating rewritten by hand or by a sync tool)', async () => {
    const files = await checkpointed();
    const text = files.files.get(FILE_A)!;
    files.files.set(FILE_A, text.replace('"rating":"good"', '"rating":"easy"'));
    assert.equal(files.files.get(FILE_A)!.length, text.length);
    const loaded = await loadHistory(files, CHECKPOINT);
    assert.equal(loaded.rebuilt, 'log changed');
    assert.equal(loaded.history.question('d#q1')!.summary.current?.rating, 'easy');
    assert.deepEqual(view(loaded.history), await fromScratch(files));
  });

  it('is rebuilt when a covered log is gone', async () => {
    const files = await checkpointed();
    files.files.delete(FILE_A);
    files.files.set(FILE_B, line(some[0]));
    const loaded = await loadHistory(files, CHECKPOINT);
    assert.equal(loaded.rebuilt, 'log changed');
    assert.equal(loaded.history.eventCount, 1);
  });

  it('reads the lines appended after it, and the new checkpoint covers them', async () => {
    const files = await checkpointed();
    files.files.set(FILE_A, files.files.get(FILE_A)! + line(reviewEvent('a.4', 'd#q2', T0 + DAY, 'again')) + line({ v: 1, id: 'a.5', at: T0 + DAY, type: 'delete-attempt', attempt: 'a.1' }));
    const loaded = await loadHistory(files, CHECKPOINT);
    assert.equal(loaded.rebuilt, undefined);
    assert.equal(loaded.parsed, 2);
    assert.equal(loaded.history.attemptCount, 1, 'the deletion after the checkpoint applies to an attempt inside it');
    assert.equal(loaded.history.reviewCount, 1);
    assert.equal(loaded.history.attempt('a.1'), undefined);
    assert.deepEqual(view(loaded.history), await fromScratch(files));
    assert.equal(await loaded.saveCheckpoint(), true);
    const again = await loadHistory(files, CHECKPOINT);
    assert.equal(again.parsed, 0);
    assert.deepEqual(view(again.history), await fromScratch(files));
  });

  it('reads a log file it does not know (another machine synced it in)', async () => {
    const files = await checkpointed();
    files.files.set(FILE_B, line(reviewEvent('b.1', 'd#q2', T0 + DAY, 'hard')) + line(attemptEvent('b.2', 'd#q3', T0 + DAY)));
    const loaded = await loadHistory(files, CHECKPOINT);
    assert.equal(loaded.rebuilt, undefined);
    assert.equal(loaded.parsed, 2);
    assert.deepEqual(loaded.files, [FILE_A, FILE_B]);
    assert.deepEqual(view(loaded.history), await fromScratch(files));
  });

  it('reports the damaged lines it covers on every load, and an unfinished last line until it is finished', async () => {
    const files = folderWith(...some);
    files.files.set(FILE_A, `${files.files.get(FILE_A)}{"broken\n${line(attemptEvent('a.9', 'd#q9', T0)).slice(0, 20)}`);
    await (await loadHistory(files, CHECKPOINT)).saveCheckpoint();
    const loaded = await loadHistory(files, CHECKPOINT);
    assert.equal(loaded.rebuilt, undefined);
    assert.deepEqual(
      loaded.problems.map((problem) => [problem.line, problem.unfinished ?? false]),
      [
        [4, false],
        [5, true],
      ],
    );
    files.files.set(FILE_A, files.files.get(FILE_A)!.replace(/[^\n]*$/, line(attemptEvent('a.9', 'd#q9', T0))));
    const finished = await loadHistory(files, CHECKPOINT);
    assert.equal(finished.rebuilt, undefined);
    assert.equal(finished.parsed, 1);
    assert.deepEqual(view(finished.history), await fromScratch(files));
  });

  it('falls back to a full read when a line past it repeats an id it holds (a copied file)', async () => {
    const files = await checkpointed();
    files.files.set(FILE_B, line({ ...some[2], activeSeconds: 5, at: some[2].at - 1 }));
    const loaded = await loadHistory(files, CHECKPOINT);
    assert.equal(loaded.rebuilt, 'id seen again');
    assert.equal(loaded.history.question('d#q2')!.summary.bestSeconds, 5, 'the earlier of the two clashing events counts, as in a full read');
    assert.deepEqual(view(loaded.history), await fromScratch(files));
  });

  it('is not written once the history took in an event that did not come from this load', async () => {
    const files = folderWith(...some);
    const loaded = await loadHistory(files, CHECKPOINT);
    loaded.history.add(attemptEvent('w.1', 'd#q5', T0 + DAY));
    assert.equal(await loaded.saveCheckpoint(), false);
    assert.equal(files.files.has(CHECKPOINT), false);
  });

  it('loses no event when two windows rewrite it alternately, the older state last', async () => {
    const files = folderWith(...some);
    const windowA = await loadHistory(files, CHECKPOINT);
    files.files.set(FILE_B, line(reviewEvent('b.1', 'd#q2', T0 + DAY, 'hard')));
    const windowB = await loadHistory(files, CHECKPOINT);
    assert.equal(await windowB.saveCheckpoint(), true);
    assert.equal(await windowA.saveCheckpoint(), true, 'the older state renames over the newer one');
    files.files.set(FILE_A, files.files.get(FILE_A)! + line(attemptEvent('a.4', 'd#q4', T0 + 2 * DAY)));
    const next = await loadHistory(files, CHECKPOINT);
    assert.equal(next.rebuilt, undefined);
    assert.equal(next.parsed, 2, "window B's review and the new attempt, both past window A's checkpoint");
    assert.equal(next.history.eventCount, 5);
    assert.deepEqual(view(next.history), await fromScratch(files));
    assert.equal(await windowB.saveCheckpoint(), true, 'and the other way round');
    const last = await loadHistory(files, CHECKPOINT);
    assert.equal(last.parsed, 1);
    assert.deepEqual(view(last.history), await fromScratch(files));
  });

  it('takes in what this window records after a load through it, as a history read in full does', async () => {
    const files = await checkpointed();
    const loaded = (await loadHistory(files, CHECKPOINT)).history;
    const full = History.ofMerged((await readHistory(files)).events);
    assert.equal(loaded.attempt('a.3')?.question, 'd#q2', 'an attempt inside the checkpoint is found by id');
    for (const history of [loaded, full]) {
      history.add(reviewEvent('w.1', 'd#q2', T0 + DAY, 'good', { attempt: 'a.3' }));
      history.add({ v: 1, id: 'w.2', at: T0 + DAY, type: 'delete-attempt', attempt: 'a.1' });
      history.add({ v: 1, id: 'w.3', at: T0 + DAY, type: 'suspend', question: 'd#q2' });
    }
    assert.equal(loaded.attempt('a.1'), undefined);
    assert.equal(loaded.question('d#q1'), undefined, 'its only attempt and review are gone');
    assert.equal(loaded.question('d#q2')?.suspended, true);
    assert.deepEqual(view(loaded), view(full));
  });

  it('parses a question only when its events are asked for', async () => {
    const scheduler = new Scheduler();
    const card = { due: T0 + DAY, s: 1, d: 5, state: 2, reps: 1, lapses: 0, step: 0, days: 1, p: scheduler.fingerprint };
    const files = folderWith(some[0], reviewEvent('a.2', 'd#q1', T0 + 1, 'good', { attempt: 'a.1', keyPoints: 'ccp', card }), some[2]);
    await (await loadHistory(files, CHECKPOINT)).saveCheckpoint();
    const loaded = await loadHistory(files, CHECKPOINT);
    let parsed = 0;
    const parse = JSON.parse;
    JSON.parse = (text: string, ...rest: []) => {
      if (text.startsWith('{"v":1')) parsed++;
      return parse(text, ...rest);
    };
    try {
      const queue = scheduler.queue(loaded.history, { now: T0 + 2 * DAY, days: localDays({ utcOffset: () => 0 }) });
      assert.deepEqual(queue.due.map((item) => item.question), ['d#q1']);
      assert.equal(loaded.history.progress().get('d#q2')?.bestSeconds, 120);
      assert.equal(parsed, 0, 'the queue and the tree read summaries');
      assert.equal(loaded.history.question('d#q1')!.reviews[0].keyPoints, 'ccp');
      assert.equal(parsed, 2, "d#q1's two lines, and no others");
    } finally {
      JSON.parse = parse;
    }
  });

  it('loads what a full read of the logs gives, whatever was appended after it (property)', async () => {
    const ratings: Rating[] = ['again', 'hard', 'good', 'easy'];
    const fingerprint = new Scheduler().fingerprint;
    const step = fc.record({
      kind: fc.constantFrom('attempt', 'review', 'reset', 'suspend', 'unsuspend', 'delete', 'copy'),
      question: fc.constantFrom('d#q1', 'd#q2', 'd#q3'),
      other: fc.nat(40),
      at: fc.integer({ min: 0, max: 20 }),
      rating: fc.constantFrom(...ratings),
      chained: fc.boolean(),
      file: fc.integer({ min: 0, max: 2 }),
      late: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), fc.boolean(), async (steps, damaged) => {
        const events: HistoryEvent[] = [];
        const early = new MemoryHistoryFiles();
        const late = new Map<string, string>();
        steps.forEach((s, i) => {
          const at = T0 + s.at * DAY;
          const previous = events[s.other % Math.max(1, events.length)];
          const attempts = events.filter((event) => event.type === 'attempt');
          const attempt = attempts[s.other % Math.max(1, attempts.length)]?.id;
          const id = `w${s.file}.${i}`;
          const event: HistoryEvent | undefined =
            s.kind === 'attempt'
              ? attemptEvent(id, s.question, at, { activeSeconds: 60 + s.other, prompt: `P${s.other}`, ...(s.other % 2 ? { topic: `T${s.other % 3}` } : {}) })
              : s.kind === 'review'
                ? reviewEvent(id, s.question, at, s.rating, { ...(attempt && s.chained ? { attempt } : {}), ...(s.chained && previous ? { after: previous.id } : {}), card: { due: at + DAY, s: 1, d: 5, state: 2, reps: 1, lapses: 0, step: 0, days: 1, p: s.chained ? fingerprint : 'old' } })
                : s.kind === 'delete'
                  ? attempt === undefined
                    ? undefined
                    : { v: 1, id, at, type: 'delete-attempt', attempt }
                  : s.kind === 'copy'
                    ? previous
                    : { v: 1, id, at, type: s.kind, question: s.question };
          if (!event) return;
          if (s.kind !== 'copy') events.push(event);
          const name = `events-2024010${s.file}T000000Z-w${s.file}.jsonl`;
          if (s.late) late.set(name, (late.get(name) ?? '') + line(event));
          else early.files.set(name, (early.files.get(name) ?? '') + line(event));
        });
        if (damaged) early.files.set(FILE_A, '{"damaged\n');
        await (await loadHistory(early, CHECKPOINT)).saveCheckpoint();
        for (const [name, text] of late) early.files.set(name, (early.files.get(name) ?? '') + text);
        const loaded = await loadHistory(early, CHECKPOINT);
        const scratch = await readHistory(early);
        assert.deepEqual(view(loaded.history), view(History.ofMerged(scratch.events)));
        const key = (problem: { file: string; line: number; message: string }) => `${problem.file}:${problem.line} ${problem.message}`;
        assert.deepEqual(loaded.problems.map(key).sort(), scratch.problems.map(key).sort());
      }),
      { numRuns: 150 },
    );
  });
});
