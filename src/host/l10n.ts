/**
 * Languages: the host's strings go through `vscode.l10n.t`, the core's and the webviews' through `@vscode/l10n`
 * with the same bundle (dist/l10n/bundle.l10n.<language>.json, merged at build time from l10n/<language>/*.json).
 * Called first thing in `activate`, so every message the core makes is in the display language.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Rating } from '../core/history/events';
import { setPluralLocale } from '../core/plural';

export function configureL10n(): void {
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  setPluralLocale(vscode.env.language);
}

/** What a webview needs to speak the display language: the bundle (none for English) and the language. */
export function webviewL10n(): { language: string; bundle?: Record<string, string> } {
  return { language: vscode.env.language, ...(vscode.l10n.bundle ? { bundle: vscode.l10n.bundle as Record<string, string> } : {}) };
}

/** A rating's name as buttons and lists show it (the stored rating is the id `again`, `hard`, `good` or `easy`). */
export function ratingLabel(rating: Rating): string {
  switch (rating) {
    case 'again':
      return vscode.l10n.t('Again');
    case 'hard':
      return vscode.l10n.t('Hard');
    case 'good':
      return vscode.l10n.t('Good');
    case 'easy':
      return vscode.l10n.t('Easy');
  }
}

/** A date and time in the display language (Node's default locale is not VS Code's). */
export function localDateTime(ms: number, options?: Intl.DateTimeFormatOptions): string {
  return new Date(ms).toLocaleString(vscode.env.language, options);
}
