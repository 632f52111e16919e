import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { HistoryEvent, Rating } from '../../src/core/history/events';
import { History } from '../../src/core/history/history';
import { ATTEMPT_ROW, ratingOfKind } from '../../src/core/history/table';
import { attemptEvent, reviewEvent, T0 } from './support/historyEvents';
import { runs } from './support/mutationRun';

/** The table's rows as sorted text, and the same rows computed from the history's event objects. */
function rows(history: History): string[] {
  const table = history.table;
  const questions = new Map([...history.questions()].map((entry) => [entry.index, entry.question]));
  const out: string[] = [];
  for (let row = 0; row < table.length; row++) {
    const what = table.kind[row] === ATTEMPT_ROW ? `attempt ${table.seconds[row]}/${table.budget[row]}` : `${ratingOfKind(table.kind[row])} ${table.covered[row]}c${table.partly[row]}p${table.missed[row]}m`;
    out.push(`${questions.get(table.question[row])} ${table.at[row]} ${what}`);
  }
  return out.sort();
}

function expected(history: History): string[] {
  const count = (letters: string | undefined, letter: string) => [...(letters ?? '')].filter((l) => l === letter).length;
  return [...history.questions()]
    .flatMap((entry) => [
      ...entry.attempts.map((a) => `${entry.question} ${a.at} attempt ${a.activeSeconds}/${a.budgetSeconds}`),
      ...entry.reviews.map((r) => `${entry.question} ${r.at} ${r.rating} ${count(r.keyPoints, 'c')}c${count(r.keyPoints, 'p')}p${count(r.keyPoints, 'm')}m`),
    ])
    .sort();
}

describe('the event table (columns of what counts, for the stats)', () => {
  it('holds a row per attempt and review, and none for the deleted attempt and its reviews', () => {
    const history = new History([
      attemptEvent('a1', 'd#q1', T0, { activeSeconds: 200, budgetSeconds: 300 }),
      reviewEvent('r1', 'd#q1', T0 + 1, 'good', { attempt: 'a1', keyPoints: 'ccpm' }),
      attemptEvent('a2', 'd#q2', T0 + 2),
      reviewEvent('r2', 'd#q2', T0 + 3, 'again', { attempt: 'a2' }),
      { v: 1, id: 'x', at: T0 + 4, type: 'delete-attempt', attempt: 'a1' },
    ]);
    assert.deepEqual(rows(history), ['d#q2 1705320000002 attempt 300/300', 'd#q2 1705320000003 again 0c0p0m']);
  });

  it('checks the row that fills a hole: deleting an attempt whose review is the last row drops both', () => {
    const history = new History([attemptEvent('a0', 'd#q0', T0), attemptEvent('a1', 'd#q1', T0 + 1), reviewEvent('r1', 'd#q1', T0 + 2, 'hard', { attempt: 'a1' })]);
    history.add({ v: 1, id: 'x', at: T0 + 3, type: 'delete-attempt', attempt: 'a1' });
    assert.deepEqual(rows(history), ['d#q0 1705320000000 attempt 300/300']);
  });

  it('stays equal to the history for any events in any order, deletions before or after what they delete (property)', () => {
    const ratings: Rating[] = ['again', 'hard', 'good', 'easy'];
    const event = fc.oneof(
      fc.record({ n: fc.integer({ min: 0, max: 40 }), q: fc.integer({ min: 0, max: 3 }), s: fc.integer({ min: 1, max: 900 }) }).map(({ n, q, s }): HistoryEvent => attemptEvent(`a${n}`, `d#q${q}`, T0 + n, { activeSeconds: s })),
      fc
        .record({ n: fc.integer({ min: 0, max: 40 }), q: fc.integer({ min: 0, max: 3 }), r: fc.integer({ min: 0, max: 3 }), of: fc.integer({ min: 0, max: 40 }), kp: fc.stringMatching(/^[cpm]{0,6}$/) })
        .map(({ n, q, r, of, kp }): HistoryEvent => reviewEvent(`r${n}`, `d#q${q}`, T0 + 100 + n, ratings[r], { attempt: `a${of}`, keyPoints: kp })),
      fc.integer({ min: 0, max: 40 }).map((n): HistoryEvent => ({ v: 1, id: `x${n}`, at: T0 + 200 + n, type: 'delete-attempt', attempt: `a${n}` })),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 120 }), (events) => {
        const history = new History(events);
        assert.deepEqual(rows(history), expected(history));
      }),
      { numRuns: runs(300) },
    );
  });
});
