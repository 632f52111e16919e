// Checks that work grows linearly with input by comparing two sizes' times, not by a time limit: a slow machine
// scales both. The bound is deliberately coarse (8× the input may take up to 40× the time; quadratic work would
// take 64×) and the small run is floored at 10 ms.
import * as assert from 'node:assert/strict';
import { MUTATION_RUN } from './mutationRun';

/** Best of three, in milliseconds; the best run is the least disturbed by GC and other processes. */
function bestTime(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

/**
 * Fails when `large` (8× the input of `small`) takes 40× the time or more, twice in a row: a busy machine can stall
 * one measurement, but quadratic work is over the bound every time.
 */
export function assertGrowsLinearly(small: () => void, large: () => void): void {
  if (MUTATION_RUN) return;
  bestTime(small); // warm up the JIT
  const ratios: string[] = [];
  for (let attempt = 0; attempt < 2; attempt++) {
    const smallMs = Math.max(bestTime(small), 10);
    const largeMs = bestTime(large);
    if (largeMs / smallMs < 40) return;
    ratios.push(`${(largeMs / smallMs).toFixed(1)}× (${smallMs.toFixed(1)} ms → ${largeMs.toFixed(1)} ms)`);
  }
  assert.fail(`8× the input took over 40× the time, twice: ${ratios.join(', then ')}`);
}
