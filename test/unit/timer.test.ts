import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clockLabel, elapsedMs, pauseTimer, resumeTimer, startTimer, viewTimer } from '../../src/core/timer';

const T0 = 1_700_000_000_000;
const SEC = 1000;
const MIN = 60 * SEC;

describe('timer', () => {
  it('starts with nothing elapsed and the whole budget left', () => {
    const state = startTimer(T0, 30 * 60);
    assert.deepEqual(state, { startedAt: T0, budgetSeconds: 1800, pausedMs: 0 });
    const view = viewTimer(state, T0, 0.2);
    assert.deepEqual(view, { elapsedMs: 0, remainingMs: 30 * MIN, phase: 'running', paused: false, label: '30:00' });
  });

  it('derives elapsed time from the clock, not from ticks', () => {
    const state = startTimer(T0, 600);
    assert.equal(elapsedMs(state, T0 + 12_345), 12_345);
    assert.equal(viewTimer(state, T0 + 61 * SEC, 0.2).label, '08:59');
    // A clock read before the start (a skewed clock after a reload) never gives negative time.
    assert.equal(elapsedMs(state, T0 - 5 * SEC), 0);
  });

  it('excludes paused time: elapsed stands still while paused and resumes where it stopped', () => {
    let state = startTimer(T0, 600);
    state = pauseTimer(state, T0 + 10 * SEC);
    assert.equal(elapsedMs(state, T0 + 10 * SEC), 10 * SEC);
    assert.equal(elapsedMs(state, T0 + 5 * MIN), 10 * SEC, 'no time passes while paused');
    assert.equal(viewTimer(state, T0 + 5 * MIN, 0.2).paused, true);
    state = resumeTimer(state, T0 + 5 * MIN);
    assert.equal(state.pausedAt, undefined);
    assert.equal(viewTimer(state, T0 + 5 * MIN, 0.2).paused, false);
    assert.equal(elapsedMs(state, T0 + 5 * MIN + 20 * SEC), 30 * SEC);
    // A second pause adds up with the first.
    state = resumeTimer(pauseTimer(state, T0 + 6 * MIN), T0 + 8 * MIN);
    assert.equal(elapsedMs(state, T0 + 9 * MIN), 9 * MIN - (5 * MIN - 10 * SEC) - 2 * MIN);
  });

  it('ignores a second pause and a second resume', () => {
    const paused = pauseTimer(startTimer(T0, 600), T0 + 10 * SEC);
    assert.deepEqual(pauseTimer(paused, T0 + 50 * SEC), paused, 'a second pause keeps the first pause time');
    const resumed = resumeTimer(paused, T0 + 70 * SEC);
    assert.deepEqual(resumeTimer(resumed, T0 + 90 * SEC), resumed);
    assert.equal(elapsedMs(resumed, T0 + 100 * SEC), 40 * SEC);
  });

  it('never counts a negative pause when the clock goes backwards', () => {
    const state = resumeTimer(pauseTimer(startTimer(T0, 600), T0 + 10 * SEC), T0 + 5 * SEC);
    assert.equal(state.pausedMs, 0);
  });

  it('turns to warning when the threshold share of the budget is left, and to overtime past zero', () => {
    const state = startTimer(T0, 100); // 100 s, warning in the last 20 s
    assert.equal(viewTimer(state, T0 + 79_999, 0.2).phase, 'running');
    assert.equal(viewTimer(state, T0 + 80 * SEC, 0.2).phase, 'warning');
    assert.equal(viewTimer(state, T0 + 100 * SEC, 0.2).phase, 'warning', 'exactly zero left is not overtime yet');
    const over = viewTimer(state, T0 + 100 * SEC + 1, 0.2);
    assert.equal(over.phase, 'overtime');
    assert.ok(over.remainingMs < 0);
    assert.equal(viewTimer(state, T0 + 50 * SEC, 0.5).phase, 'warning', 'the share is a parameter');
    assert.equal(viewTimer(state, T0 + 99 * SEC, 0).phase, 'running', 'share 0: no warning phase');
  });

  it('labels overtime as `+mm:ss`', () => {
    const state = startTimer(T0, 5 * 60);
    const view = viewTimer(state, T0 + 5 * MIN + 72 * SEC, 0.2);
    assert.equal(view.label, '+01:12');
    assert.equal(view.remainingMs, -72 * SEC);
  });

  it('rounds the time left up and overtime down, so the label never jumps ahead', () => {
    assert.equal(clockLabel(30 * MIN), '30:00');
    assert.equal(clockLabel(30 * MIN - 1), '30:00');
    assert.equal(clockLabel(29 * MIN + 59 * SEC), '29:59');
    assert.equal(clockLabel(1), '00:01');
    assert.equal(clockLabel(0), '00:00');
    assert.equal(clockLabel(-999), '+00:00');
    assert.equal(clockLabel(-1000), '+00:01');
  });

  it('shows hours as `h:mm:ss`', () => {
    assert.equal(clockLabel(75 * MIN), '1:15:00');
    assert.equal(clockLabel(2 * 3600 * SEC + 5 * SEC), '2:00:05');
    assert.equal(clockLabel(-(3600 + 61) * SEC), '+1:01:01');
    assert.equal(viewTimer(startTimer(T0, 90 * 60), T0, 0.2).label, '1:30:00');
  });

  it('survives a JSON round trip (a window reload) with the same view', () => {
    const state = pauseTimer(resumeTimer(pauseTimer(startTimer(T0, 900), T0 + MIN), T0 + 2 * MIN), T0 + 4 * MIN);
    const restored = JSON.parse(JSON.stringify(state)) as typeof state;
    assert.deepEqual(viewTimer(restored, T0 + 10 * MIN, 0.2), viewTimer(state, T0 + 10 * MIN, 0.2));
  });

  it('keeps elapsed + remaining equal to the budget for any sequence of pauses (property)', () => {
    const step = fc.record({ action: fc.constantFrom('pause' as const, 'resume' as const, 'view' as const), advance: fc.nat({ max: 10 * MIN }) });
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 * 3600 }), fc.array(step, { maxLength: 30 }), (budget, steps) => {
      let now = T0;
      let state = startTimer(now, budget);
      let running = 0;
      for (const { action, advance } of steps) {
        if (state.pausedAt === undefined) running += advance;
        now += advance;
        if (action === 'pause') state = pauseTimer(state, now);
        if (action === 'resume') state = resumeTimer(state, now);
        const view = viewTimer(state, now, 0.2);
        assert.equal(view.elapsedMs, running, 'elapsed is the sum of running stretches');
        assert.equal(view.elapsedMs + view.remainingMs, budget * SEC);
        assert.equal(view.phase === 'overtime', view.label.startsWith('+'));
      }
    }));
  });
});
