/**
 * The answer timer as pure state: elapsed time is derived from a clock (`now - startedAt - paused`), never
 * counted in ticks, so a slow repaint, a sleeping laptop or a window reload cannot make it drift.
 */

/** What is persisted for a running attempt; plain JSON so it survives a window reload. */
export interface TimerState {
  startedAt: number;
  budgetSeconds: number;
  /** Milliseconds spent paused before the current pause (if any). */
  pausedMs: number;
  /** When the current pause began; absent while running. */
  pausedAt?: number;
}

export type TimerPhase = 'running' | 'warning' | 'overtime';

export interface TimerView {
  elapsedMs: number;
  /** Negative in overtime. */
  remainingMs: number;
  phase: TimerPhase;
  paused: boolean;
  /** `12:34` counting down, `+01:12` in overtime. */
  label: string;
}

export function startTimer(now: number, budgetSeconds: number): TimerState {
  return { startedAt: now, budgetSeconds, pausedMs: 0 };
}

export function pauseTimer(state: TimerState, now: number): TimerState {
  return state.pausedAt === undefined ? { ...state, pausedAt: now } : state;
}

export function resumeTimer(state: TimerState, now: number): TimerState {
  if (state.pausedAt === undefined) return state;
  const { pausedAt, ...rest } = state;
  return { ...rest, pausedMs: state.pausedMs + Math.max(0, now - pausedAt) };
}

export function elapsedMs(state: TimerState, now: number): number {
  const end = state.pausedAt ?? now;
  return Math.max(0, end - state.startedAt - state.pausedMs);
}

/** @param warningShare the share of the budget left at which the phase turns to `warning` (0.2 = last 20%). */
export function viewTimer(state: TimerState, now: number, warningShare: number): TimerView {
  return { ...viewClock(elapsedMs(state, now), state.budgetSeconds, warningShare), paused: state.pausedAt !== undefined };
}

/** The view of any clock that has run `elapsed` ms of a budget (a mock interview's stage clock, say). */
export function viewClock(elapsed: number, budgetSeconds: number, warningShare: number): Omit<TimerView, 'paused'> {
  const remaining = budgetSeconds * 1000 - elapsed;
  const phase: TimerPhase = remaining < 0 ? 'overtime' : remaining <= budgetSeconds * 1000 * warningShare ? 'warning' : 'running';
  return { elapsedMs: elapsed, remainingMs: remaining, phase, label: clockLabel(remaining) };
}

/** `mm:ss` for time left (rounded up, so a fresh 30-minute timer reads 30:00), `+mm:ss` past zero. */
export function clockLabel(remainingMs: number): string {
  const overtime = remainingMs < 0;
  const totalSeconds = overtime ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  const text = hours > 0 ? `${hours}:${mmss}` : mmss;
  return overtime ? `+${text}` : text;
}
