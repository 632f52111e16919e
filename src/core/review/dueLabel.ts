/** When a question comes back, in the few words a tree row or tooltip has room for. */
import type { LocalDays } from './days';
import type { QuestionCard } from './scheduler';

export interface DueLabel {
  /** `due today`, `due tomorrow`, `due in 12d`, `overdue 3d`, `suspended`; undefined for a question never reviewed. */
  short?: string;
  /** True when it belongs in today's queue. */
  dueToday: boolean;
}

export function dueLabel(card: QuestionCard | undefined, now: number, days: LocalDays): DueLabel {
  if (!card) return { dueToday: false };
  if (card.suspended) return { short: 'suspended', dueToday: false };
  if (card.state === 'new' || card.due === undefined) return { dueToday: false };
  const today = days.dayOf(now);
  const offset = days.dayOf(card.due) - today;
  if (offset < 0) return { short: `overdue ${-offset}d`, dueToday: true };
  if (offset === 0) return { short: 'due today', dueToday: true };
  if (offset === 1) return { short: 'due tomorrow', dueToday: false };
  return { short: `due in ${offset}d`, dueToday: false };
}
