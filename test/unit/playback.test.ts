import assert from 'node:assert/strict';
import fc from 'fast-check';
import { autoAdvanceDelayMs, type ConcealmentView, isConcealed, withUnseenMoves } from '../../src/core/playback';

const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('autoAdvanceDelayMs', () => {
  it('lingers longer on longer turns', () => {
    const short = autoAdvanceDelayMs(words(10), 1);
    const medium = autoAdvanceDelayMs(words(50), 1);
    const long = autoAdvanceDelayMs(words(150), 1);
    assert.ok(short < medium && medium < long, `${short} < ${medium} < ${long}`);
  });

  it('is about 200 words a minute at speed 1', () => {
    const perWord = (autoAdvanceDelayMs(words(100), 1) - autoAdvanceDelayMs(words(50), 1)) / 50;
    assert.equal(perWord, 300);
  });

  it('shrinks with speed: speed 2 halves the wait', () => {
    const text = words(40);
    assert.equal(autoAdvanceDelayMs(text, 2), autoAdvanceDelayMs(text, 1) / 2);
    assert.ok(autoAdvanceDelayMs(text, 4) < autoAdvanceDelayMs(text, 2));
    assert.ok(autoAdvanceDelayMs(text, 0.5) > autoAdvanceDelayMs(text, 1));
  });

  it('stays within bounds: at least 2 s and at most a minute at speed 1, whatever the text', () => {
    assert.equal(autoAdvanceDelayMs('', 1), 2000);
    assert.equal(autoAdvanceDelayMs('Yes.', 1), 2000);
    assert.equal(autoAdvanceDelayMs(words(10_000), 1), 60_000);
  });

  it('clamps the speed to 0.25–4 and treats 0, NaN and negative speeds sanely', () => {
    const text = words(40);
    assert.equal(autoAdvanceDelayMs(text, 100), autoAdvanceDelayMs(text, 4));
    assert.equal(autoAdvanceDelayMs(text, 0.01), autoAdvanceDelayMs(text, 0.25));
    assert.equal(autoAdvanceDelayMs(text, 0), autoAdvanceDelayMs(text, 1));
    assert.equal(autoAdvanceDelayMs(text, Number.NaN), autoAdvanceDelayMs(text, 1));
    assert.ok(Number.isFinite(autoAdvanceDelayMs(text, -3)));
  });

  it('always gives a finite delay between 500 ms and 4 minutes (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 5000 }), fc.double(), (text, speed) => {
      const delay = autoAdvanceDelayMs(text, speed);
      assert.ok(Number.isInteger(delay) && delay >= 500 && delay <= 240_000, `${delay} for speed ${speed}`);
    }));
  });
});

describe('isConcealed', () => {
  // q1, its answer in two candidate turns, q2, its answer
  const dialogue: ConcealmentView['dialogue'] = {
    turns: [
      { speaker: 'interviewer', questionId: 'd#q1' },
      { speaker: 'candidate' },
      { speaker: 'candidate' },
      { speaker: 'interviewer', questionId: 'd#q2' },
      { speaker: 'candidate' },
    ],
  };
  const view = (overrides: Partial<ConcealmentView> = {}): ConcealmentView => ({ mode: 'practice', revealed: [], answered: {}, dialogue, ...overrides });
  const hidden = (v: ConcealmentView): number[] => dialogue!.turns.map((_, i) => i).filter((i) => isConcealed(v, i));

  it('hides every candidate answer in practice mode until something reveals it', () => {
    assert.deepEqual(hidden(view()), [1, 2, 4]);
  });

  it('never hides interviewer turns', () => {
    for (const v of [view(), view({ answered: { 'd#q1': 1 } }), view({ mode: 'study' })]) {
      assert.equal(isConcealed(v, 0), false);
      assert.equal(isConcealed(v, 3), false);
    }
  });

  it('shows the answers to a question once it has been answered, and only those', () => {
    assert.deepEqual(hidden(view({ answered: { 'd#q1': { attempts: 1 } } })), [4]);
    assert.deepEqual(hidden(view({ answered: { 'd#q2': { attempts: 2 } } })), [1, 2]);
    assert.deepEqual(hidden(view({ answered: { 'other#q1': {} } })), [1, 2, 4]);
  });

  it('shows exactly the turns the user revealed', () => {
    assert.deepEqual(hidden(view({ revealed: [2] })), [1, 4]);
    assert.deepEqual(hidden(view({ revealed: [1, 2, 4] })), []);
  });

  it('hides nothing in study mode', () => {
    assert.deepEqual(hidden(view({ mode: 'study' })), []);
  });

  it('hides nothing when there is no dialogue or the index is out of range', () => {
    assert.equal(isConcealed(view({ dialogue: null }), 0), false);
    assert.equal(isConcealed(view(), 99), false);
    assert.equal(isConcealed(view(), -1), false);
  });

  it('does not hide a candidate turn that no question precedes', () => {
    const opening: ConcealmentView['dialogue'] = { turns: [{ speaker: 'candidate' }, { speaker: 'interviewer', questionId: 'd#q1' }, { speaker: 'candidate' }] };
    assert.equal(isConcealed(view({ dialogue: opening }), 0), false);
    assert.equal(isConcealed(view({ dialogue: opening }), 2), true);
  });
});

describe('withUnseenMoves (a state from the host meets the player page\'s own clicks)', () => {
  const dialogue = { turns: [1, 2, 3, 4] };
  const state = (position: number, revealed: number[], movesSeen: number) => ({ dialogue, position, revealed, movesSeen, mode: 'practice' });

  it('keeps the page\'s position and reveals when the host had not seen its latest moves (two clicks on Next, a state sent after the first)', () => {
    const local = state(2, [1], 0);
    const incoming = { ...state(1, [], 1), mode: 'study' };
    assert.deepEqual(withUnseenMoves(local, incoming, 2), { ...incoming, position: 2, revealed: [1] });
  });

  it('takes the host\'s state whole once it has seen every move, and after the page started afresh', () => {
    const incoming = state(3, [0], 2);
    assert.equal(withUnseenMoves(state(1, [], 0), incoming, 2), incoming);
    assert.equal(withUnseenMoves(state(0, [], 0), state(3, [], 5), 0).position, 3);
  });

  it('keeps a kept position inside a dialogue that got shorter', () => {
    const shorter = { ...state(0, [], 0), dialogue: { turns: [1, 2] } };
    assert.equal(withUnseenMoves(state(3, [], 0), shorter, 1).position, 1);
  });
});
