/** The four ratings as the pages name them (the glossary's Anki words), in their order. */
import * as l10n from '@vscode/l10n';
import type { Rating } from '../core/history/events';

export const RATING_ORDER: readonly Rating[] = ['again', 'hard', 'good', 'easy'];

export function ratingName(rating: Rating): string {
  switch (rating) {
    case 'again':
      return l10n.t('Again');
    case 'hard':
      return l10n.t('Hard');
    case 'good':
      return l10n.t('Good');
    case 'easy':
      return l10n.t('Easy');
  }
}
