/** When a question comes back, in the few words a tree row or tooltip has room for. */
import * as l10n from '@vscode/l10n';
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
  if (card.suspended) return { short: l10n.t('suspended'), dueToday: false };
  if (card.state === 'new' || card.due === undefined) return { dueToday: false };
  const today = days.dayOf(now);
  const offset = days.dayOf(card.due) - today;
  if (offset < 0) return { short: l10n.t('overdue {0}d', -offset), dueToday: true };
  if (offset === 0) return { short: l10n.t('due today'), dueToday: true };
  if (offset === 1) return { short: l10n.t('due tomorrow'), dueToday: false };
  return { short: l10n.t('due in {0}d', offset), dueToday: false };
}
