/**
 * Runs work once this thread's event loop has calmed down. At `onStartupFinished` every extension waiting for it
 * activates at the same moment in the one extension-host thread (Git alone runs 80–200 ms of code then). Work that
 * nobody waits for yet, such as the first library load before the Topics view is opened, then runs after them
 * instead of between them: it neither slows their start nor is stretched by it. Whoever needs the work sooner
 * (the tree, a command) starts it themselves.
 */
export interface WhenIdleOptions {
  /** The probe timer's delay. */
  probeMs: number;
  /** How late a probe may fire and still count as the loop being idle. */
  toleranceMs: number;
  /** How many probes in a row must fire on time. */
  probes: number;
  /** The work runs by then even if the loop never calms down. */
  maxWaitMs: number;
}

const DEFAULTS: WhenIdleOptions = { probeMs: 20, toleranceMs: 5, probes: 2, maxWaitMs: 2000 };

/**
 * Calls `work` once `probes` timers in a row have fired within `toleranceMs` of their time (a late timer means
 * other code held the thread), or after `maxWaitMs`, whichever comes first. `dispose` cancels it.
 */
export function whenIdle(work: () => void, options: Partial<WhenIdleOptions> = {}): { dispose(): void } {
  const { probeMs, toleranceMs, probes, maxWaitMs } = { ...DEFAULTS, ...options };
  const started = performance.now();
  let onTime = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const probe = () => {
    const due = performance.now() + probeMs;
    timer = setTimeout(() => {
      const now = performance.now();
      onTime = now - due <= toleranceMs ? onTime + 1 : 0;
      if (onTime >= probes || now - started >= maxWaitMs) {
        timer = undefined;
        work();
      } else probe();
    }, probeMs);
  };
  probe();
  return {
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
