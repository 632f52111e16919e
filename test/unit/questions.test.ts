import assert from 'node:assert/strict';
import fc from 'fast-check';
import { modelAnswerText, modelAnswerTurns, questionTurnOf, type SpokenTurn } from '../../src/core/questions';

const turns = (pattern: string): (SpokenTurn & { text: string })[] =>
  [...pattern].map((c, i) => ({ speaker: c === 'i' ? 'interviewer' : 'candidate', text: `t${i}` }));

describe('questionTurnOf', () => {
  it('finds the nearest interviewer turn before a candidate turn', () => {
    const t = turns('icciic');
    assert.equal(questionTurnOf(t, 1), 0);
    assert.equal(questionTurnOf(t, 2), 0);
    assert.equal(questionTurnOf(t, 5), 4, 'the follow-up, not the first of two questions in a row');
  });

  it('is -1 for interviewer turns, an opening candidate turn and indices out of range', () => {
    const t = turns('cic');
    assert.equal(questionTurnOf(t, 0), -1);
    assert.equal(questionTurnOf(t, 1), -1);
    assert.equal(questionTurnOf(t, 7), -1);
    assert.equal(questionTurnOf(t, -1), -1);
  });
});

describe('modelAnswerTurns and modelAnswerText', () => {
  it('is the run of candidate turns after the question, up to the next interviewer turn', () => {
    const t = turns('iccic');
    assert.deepEqual(modelAnswerTurns(t, 0), [1, 2]);
    assert.deepEqual(modelAnswerTurns(t, 3), [4]);
    assert.equal(modelAnswerText(t, 0), 't1\n\nt2');
  });

  it('is empty for a question followed at once by another question, or a turn that is not a question', () => {
    const t = turns('iic');
    assert.deepEqual(modelAnswerTurns(t, 0), []);
    assert.equal(modelAnswerText(t, 0), undefined);
    assert.deepEqual(modelAnswerTurns(t, 2), []);
    assert.deepEqual(modelAnswerTurns(t, 9), []);
  });

  it('agrees with questionTurnOf: every turn of a question\'s answer answers that question (property)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('i', 'c'), { maxLength: 30 }), (letters) => {
      const t = turns(letters.join(''));
      t.forEach((turn, index) => {
        if (turn.speaker !== 'interviewer') return;
        for (const answer of modelAnswerTurns(t, index)) assert.equal(questionTurnOf(t, answer), index);
      });
      t.forEach((turn, index) => {
        const question = questionTurnOf(t, index);
        if (turn.speaker === 'candidate' && question >= 0 && index === question + 1) assert.ok(modelAnswerTurns(t, question).includes(index));
      });
    }));
  });
});
