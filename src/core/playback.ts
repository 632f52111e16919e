/** Player rules that need no DOM: how long Play lingers on a turn, and which model answers practice mode hides. */
import { questionTurnOf } from './questions';

/** Milliseconds Play waits on a turn: reading time at about 200 words a minute, scaled by the speed setting. */
export function autoAdvanceDelayMs(text: string, speed: number): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  const base = Math.min(60_000, Math.max(2_000, 1_200 + words * 300));
  return Math.round(base / Math.min(4, Math.max(0.25, speed || 1)));
}

/**
 * The state the host sends, with the page's own moves the host had not seen yet kept: a state sent while the user
 * clicked Next (the history or a timer changed) must not move the player back or hide a turn just revealed.
 */
export function withUnseenMoves<S extends { position: number; revealed: number[]; movesSeen: number; dialogue: { turns: readonly unknown[] } | null }>(local: S, incoming: S, movesSent: number): S {
  if (incoming.movesSeen >= movesSent) return incoming;
  const last = Math.max(0, (incoming.dialogue?.turns.length ?? 1) - 1);
  return { ...incoming, position: Math.min(local.position, last), revealed: [...new Set([...incoming.revealed, ...local.revealed])].sort((a, b) => a - b) };
}

export interface ConcealmentView {
  mode: 'practice' | 'study';
  revealed: readonly number[];
  answered: Readonly<Record<string, unknown>>;
  dialogue: { turns: readonly { speaker: 'interviewer' | 'candidate'; questionId?: string }[] } | null;
}

/**
 * In practice mode a candidate turn stays hidden until the user has answered the question before it (an attempt
 * is recorded) or chose Reveal. Study mode hides nothing.
 */
export function isConcealed(view: ConcealmentView, index: number): boolean {
  const turns = view.dialogue?.turns ?? [];
  if (view.mode !== 'practice' || turns[index]?.speaker !== 'candidate' || view.revealed.includes(index)) return false;
  const questionId = turns[questionTurnOf(turns, index)]?.questionId;
  return questionId !== undefined && !(questionId in view.answered);
}
