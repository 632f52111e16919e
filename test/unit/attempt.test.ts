import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  type ActiveAttempt, finishAttempt, finishedMessage, isPaused, noticeOvertime, pauseAttempt, presentTimer, resumeAttempt, startAttempt,
} from '../../src/core/attempt';
import { parseStoredAttempt } from '../../src/core/storedAttempt';

const T0 = 1_750_000_000_000;
const TEMPLATE = '# Design a cache\n\n## Your answer\n\n';

function started(budgetSeconds = 300, now = T0): ActiveAttempt {
  return startAttempt({ questionId: 'd#q1', dialogueId: 'd', prompt: 'Design a cache', draftPath: 'file:///drafts/a.md', template: TEMPLATE, budgetSeconds }, now);
}

describe('the attempt state machine', () => {
  it('records only active time: pauses are left out of the seconds recorded at finish', () => {
    let attempt = started();
    attempt = pauseAttempt(attempt, T0 + 60_000); // 60 s answering
    attempt = resumeAttempt(attempt, T0 + 600_000); // 540 s paused
    const record = finishAttempt(attempt, T0 + 690_000, undefined); // 90 s more
    assert.equal(record.activeSeconds, 150);
    assert.equal(record.overtimeSeconds, 0);
    assert.equal(record.startedAt, T0);
    assert.equal(record.at, T0 + 690_000);
  });

  it('finishing while paused counts up to the pause, not up to the finish', () => {
    const paused = pauseAttempt(started(), T0 + 42_000);
    assert.equal(finishAttempt(paused, T0 + 3_600_000, undefined).activeSeconds, 42);
  });

  it('records overtime past the budget and counts only the words the user wrote', () => {
    const record = finishAttempt(started(60), T0 + 95_000, `${TEMPLATE}Write-through with a TTL.\n`);
    assert.equal(record.activeSeconds, 95);
    assert.equal(record.overtimeSeconds, 35);
    assert.equal(record.wordCount, 4);
    assert.equal(finishedMessage(record), 'Answered in 1:35 of 1:00, 0:35 over.');
  });

  it('pausing twice or resuming a running attempt changes nothing', () => {
    const attempt = started();
    assert.equal(resumeAttempt(attempt, T0 + 5), attempt);
    const paused = pauseAttempt(attempt, T0 + 10);
    assert.equal(pauseAttempt(paused, T0 + 20), paused);
    assert.ok(isPaused(paused));
    assert.ok(!isPaused(resumeAttempt(paused, T0 + 30)));
  });

  it('alerts exactly once when time runs out, and not while time is left', () => {
    const attempt = started(60);
    assert.deepEqual(noticeOvertime(attempt, T0 + 60_000), { attempt, alert: false }, 'exactly at the budget is not over');
    const first = noticeOvertime(attempt, T0 + 61_000);
    assert.equal(first.alert, true);
    assert.equal(first.attempt.warned, true);
    assert.equal(noticeOvertime(first.attempt, T0 + 120_000).alert, false, 'never twice');
  });

  it('does not alert while paused before the budget ran out, however long the pause', () => {
    const paused = pauseAttempt(started(60), T0 + 30_000);
    assert.equal(noticeOvertime(paused, T0 + 3_600_000).alert, false);
  });

  it('presents the clock: countdown, warning and overtime with the status-bar text and a screen-reader label', () => {
    const attempt = started(100);
    const fresh = presentTimer(attempt, T0, 0.2);
    assert.equal(fresh.text, '$(watch) 01:40 Design a cache');
    assert.equal(fresh.phase, 'running');
    assert.match(fresh.accessibilityLabel, /^Answer timer: 01:40 left\. Design a cache$/);
    assert.equal(presentTimer(attempt, T0 + 85_000, 0.2).phase, 'warning');
    const over = presentTimer(attempt, T0 + 112_000, 0.2);
    assert.equal(over.phase, 'overtime');
    assert.equal(over.label, '+00:12');
    assert.match(over.tooltip, /00:12 over time/);
    const paused = presentTimer(pauseAttempt(attempt, T0 + 10_000), T0 + 50_000, 0.2);
    assert.equal(paused.text, '$(debug-pause) 01:30 paused Design a cache');
    assert.match(paused.accessibilityLabel, /, paused\./);
  });

  it('survives a window reload: the stored JSON reads back to the same attempt and the same clock (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 8 }), fc.integer({ min: 1, max: 7200 }), (steps, budget) => {
      let attempt = started(budget);
      let now = T0;
      steps.forEach((step, i) => {
        now += step;
        attempt = i % 2 === 0 ? pauseAttempt(attempt, now) : resumeAttempt(attempt, now);
      });
      const reloaded = parseStoredAttempt(JSON.parse(JSON.stringify(attempt)));
      assert.ok(reloaded);
      assert.deepEqual(presentTimer(reloaded, now + 5000, 0.2), presentTimer(attempt, now + 5000, 0.2));
      assert.deepEqual(finishAttempt(reloaded, now + 5000, undefined), finishAttempt(attempt, now + 5000, undefined));
    }));
  });

  it('refuses a stored value that is not an attempt (an older shape, a damaged store)', () => {
    assert.equal(parseStoredAttempt(undefined), undefined);
    assert.equal(parseStoredAttempt({ questionId: 'd#q1' }), undefined);
    assert.equal(parseStoredAttempt({ ...started(), timer: { startedAt: 'yesterday' } }), undefined);
  });
});
