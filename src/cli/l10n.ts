/**
 * The command line speaks the language of the user's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX tools do)
 * when the extension ships a translation for it, and English otherwise. The bundle is the extension's own
 * (dist/l10n/bundle.l10n.<language>.json beside dist/cli.js).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as l10n from '@vscode/l10n';
import { setPluralLocale } from '../core/plural';

/** `de` from `de_DE.UTF-8`; undefined for the POSIX locale, C or nothing set. */
export function localeLanguage(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  const language = value?.split(/[_.@]/)[0].toLowerCase();
  return language && language !== 'c' && language !== 'posix' ? language : undefined;
}

export function configureCliL10n(env: Readonly<Record<string, string | undefined>>, bundleFolder = path.join(__dirname, 'l10n')): void {
  const language = localeLanguage(env);
  if (!language || language === 'en') return;
  try {
    const contents = JSON.parse(readFileSync(path.join(bundleFolder, `bundle.l10n.${language}.json`), 'utf8')) as Record<string, string>;
    l10n.config({ contents });
    setPluralLocale(language);
  } catch {
    // No translation for this language: English.
  }
}
