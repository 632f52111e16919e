import assert from 'node:assert/strict';
import { parseEventLine } from '../../src/core/history/events';
import { attemptEvent, reviewEvent } from './support/historyEvents';

/** The problem parseEventLine reports for `event` as a line, or 'ok' when it reads it. */
function verdict(event: unknown): string {
  const result = parseEventLine(JSON.stringify(event));
  return 'problem' in result ? result.problem : 'ok';
}

const attempt = attemptEvent('a.1', 'd#q1', 1000);
const review = reviewEvent('r.1', 'd#q1', 2000, 'good');
const card = review.card;

describe('parseEventLine: each field checked, each problem named', () => {
  it('reads every event type when its fields are right, optional fields included', () => {
    assert.equal(verdict(attempt), 'ok');
    assert.equal(verdict({ ...attempt, topic: 'Databases' }), 'ok');
    assert.equal(verdict(review), 'ok');
    assert.equal(verdict({ ...review, attempt: 'a.1', after: 'r.0', proposed: 'hard', keyPoints: '', rubric: { kind: 'behavioural', scores: {} } }), 'ok');
    assert.equal(verdict({ ...review, keyPoints: 'cpm', rubric: { kind: 'design', scores: { a: 1, b: 2, c: 3, d: 4 } } }), 'ok');
    for (const type of ['suspend', 'unsuspend', 'reset']) assert.equal(verdict({ v: 1, id: 'x', at: 1, type, question: 'd#q1' }), 'ok');
    assert.equal(verdict({ v: 1, id: 'x', at: 1, type: 'delete-attempt', attempt: 'a.1' }), 'ok');
  });

  it('names the header field that is missing: a version, an id (not empty), a finite time', () => {
    assert.equal(verdict({ ...attempt, v: 1.5 }), 'no schema version ("v")');
    assert.equal(verdict({ ...attempt, v: 0 }), 'no schema version ("v")');
    assert.equal(verdict({ ...attempt, v: '1' }), 'no schema version ("v")');
    assert.equal(verdict({ ...attempt, v: 2 }), 'written by a newer version of the extension (schema 2); update it to see this event');
    assert.equal(verdict({ ...attempt, type: 'note' }), 'an event type this version does not know ("note"); a newer version may have written it');
    assert.equal(verdict({ ...attempt, id: '' }), 'no event id ("id")');
    assert.equal(verdict({ ...attempt, id: 7 }), 'no event id ("id")');
    assert.equal(verdict({ ...attempt, at: '1000' }), 'no time ("at")');
    // JSON reads 1e999 as Infinity: not a time.
    assert.deepEqual(parseEventLine('{"v":1,"id":"a","at":1e999,"type":"reset","question":"q"}'), { problem: 'no time ("at")' });
    assert.equal(verdict(null), 'not a JSON object');
  });

  it('names an attempt\'s text and number fields, and a topic that is not text', () => {
    for (const key of ['question', 'dialogue', 'prompt', 'draft']) assert.equal(verdict({ ...attempt, [key]: 1 }), `"${key}" is missing or not text`);
    for (const key of ['startedAt', 'activeSeconds', 'budgetSeconds', 'overtimeSeconds', 'wordCount']) assert.equal(verdict({ ...attempt, [key]: null }), `"${key}" is missing or not a number`);
    assert.equal(verdict({ ...attempt, topic: 3 }), '"topic" is not text');
  });

  it('names a review\'s wrong field, in the order it checks them', () => {
    assert.equal(verdict({ ...review, question: undefined }), '"question" is missing or not text');
    assert.equal(verdict({ ...review, attempt: 1 }), '"attempt" or "after" is not text');
    assert.equal(verdict({ ...review, after: false }), '"attempt" or "after" is not text');
    assert.equal(verdict({ ...review, rating: 'great' }), '"rating" is not again, hard, good or easy');
    assert.equal(verdict({ ...review, proposed: 'fine' }), '"proposed" is not again, hard, good or easy');
    assert.equal(verdict({ ...review, keyPoints: 'cx' }), '"keyPoints" is not a string of c, p and m');
    assert.equal(verdict({ ...review, keyPoints: ['c'] }), '"keyPoints" is not a string of c, p and m');
    assert.equal(verdict({ ...review, rubric: { kind: 'coding', scores: {} } }), '"rubric" needs a kind and scores');
    assert.equal(verdict({ ...review, rubric: { kind: 'design' } }), '"rubric" needs a kind and scores');
    assert.equal(verdict({ ...review, rubric: [] }), '"rubric" needs a kind and scores');
    assert.equal(verdict({ ...review, rubric: null }), '"rubric" needs a kind and scores');
    for (const score of [0, 5, 2.5, '3']) assert.equal(verdict({ ...review, rubric: { kind: 'design', scores: { a: 3, b: score } } }), 'a rubric score is not 1, 2, 3 or 4');
    assert.equal(verdict({ ...review, card: undefined }), 'no "card"');
    assert.equal(verdict({ ...review, card: [1] }), 'no "card"');
    for (const key of ['due', 's', 'd', 'state', 'reps', 'lapses', 'step', 'days']) assert.equal(verdict({ ...review, card: { ...card, [key]: 'x' } }), `"${key}" is missing or not a number`);
    assert.equal(verdict({ ...review, card: { ...card, p: 1 } }), 'the card has no parameter fingerprint ("p")');
  });

  it('names the question of a suspend, unsuspend or reset, and the attempt of a deletion', () => {
    for (const type of ['suspend', 'unsuspend', 'reset']) assert.equal(verdict({ v: 1, id: 'x', at: 1, type }), '"question" is missing or not text');
    assert.equal(verdict({ v: 1, id: 'x', at: 1, type: 'delete-attempt', attempt: 3 }), '"attempt" is missing or not text');
  });
});
