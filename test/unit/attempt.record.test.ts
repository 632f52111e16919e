import assert from 'node:assert/strict';
import { finishAttempt, finishedMessage, presentTimer, startAttempt } from '../../src/core/attempt';

const T0 = 1_700_000_000_000;
const start = { questionId: 'q', dialogueId: 'd', prompt: 'Design a feed', draftPath: '/drafts/q.md', template: '', budgetSeconds: 60 };

describe('attempt records and messages', () => {
  it('records an attempt, with its topic only when there is one', () => {
    const record = finishAttempt(startAttempt(start, T0), T0 + 30_000, undefined);
    assert.equal(record.type, 'attempt');
    assert.equal('topic' in record, false);
    assert.equal(finishAttempt(startAttempt({ ...start, topic: 'Caching' }, T0), T0 + 30_000, undefined).topic, 'Caching');
  });

  it('says how long past the budget an answer ran, and nothing about overtime within it', () => {
    assert.equal(finishedMessage({ activeSeconds: 30, budgetSeconds: 60, overtimeSeconds: 0 }), 'Answered in 0:30 of 1:00.');
    assert.equal(finishedMessage({ activeSeconds: 90, budgetSeconds: 60, overtimeSeconds: 30 }), 'Answered in 1:30 of 1:00, 0:30 over.');
  });

  it('tells the time over in the tooltip without the sign', () => {
    const view = presentTimer(startAttempt(start, T0), T0 + 72_000, 0.2);
    assert.equal(view.label, '+00:12');
    assert.equal(view.tooltip, 'Answering: Design a feed\n00:12 over time. Click for Pause/Resume, Finish or Abandon.');
  });
});
