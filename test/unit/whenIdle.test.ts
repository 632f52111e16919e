import * as assert from 'node:assert/strict';
import { whenIdle } from '../../src/node/whenIdle';

/** Holds the thread in slices of `sliceMs`, one after another, until `stop()`: other code starting up. */
function busyThread(sliceMs: number): { stop(): void; slices(): number } {
  let running = true;
  let slices = 0;
  const slice = () => {
    if (!running) return;
    const until = performance.now() + sliceMs;
    while (performance.now() < until) {
      // busy: a timer due meanwhile fires late
    }
    slices += 1;
    setTimeout(slice, 0);
  };
  setTimeout(slice, 0);
  return { stop: () => (running = false), slices: () => slices };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('whenIdle (work that waits for the start-up rush in the extension host)', () => {
  it('runs the work once the loop is quiet', async () => {
    let ran = 0;
    whenIdle(() => (ran += 1), { probeMs: 5, toleranceMs: 20, probes: 2, maxWaitMs: 10_000 });
    for (let i = 0; i < 200 && ran === 0; i++) await wait(5);
    assert.equal(ran, 1);
    await wait(50);
    assert.equal(ran, 1, 'it runs once');
  });

  it('waits while other code holds the thread, and runs soon after it stops', async () => {
    const busy = busyThread(30);
    let ranAfterSlices: number | undefined;
    whenIdle(() => (ranAfterSlices = busy.slices()), { probeMs: 20, toleranceMs: 5, probes: 2, maxWaitMs: 10_000 });
    let slicesWhenStopped: number;
    try {
      await wait(400);
      assert.equal(ranAfterSlices, undefined, 'every probe fired late while the thread was held');
    } finally {
      slicesWhenStopped = busy.slices();
      busy.stop();
    }
    for (let i = 0; i < 200 && ranAfterSlices === undefined; i++) await wait(10);
    assert.ok(ranAfterSlices !== undefined && ranAfterSlices >= slicesWhenStopped, `ran after ${ranAfterSlices} of ${slicesWhenStopped} slices`);
  });

  it('runs after the longest wait even if the thread never calms down', async () => {
    const busy = busyThread(30);
    let ranAt: number | undefined;
    const started = performance.now();
    whenIdle(() => (ranAt = performance.now() - started), { probeMs: 20, toleranceMs: 5, probes: 2, maxWaitMs: 150 });
    try {
      for (let i = 0; i < 300 && ranAt === undefined; i++) await wait(10);
      assert.ok(ranAt !== undefined && ranAt >= 150, `ran at ${ranAt} ms`);
    } finally {
      busy.stop();
    }
  });

  it('never runs the work once disposed', async () => {
    let ran = false;
    whenIdle(() => (ran = true), { probeMs: 5, toleranceMs: 50, probes: 1, maxWaitMs: 10 }).dispose();
    await wait(100);
    assert.equal(ran, false);
  });
});
