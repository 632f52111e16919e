/**
 * Moves the first history format (`attempts.json`, one JSON document, src/core/attempts.ts) into the event log.
 *
 * Safe to run at every start and in two windows at once: `attempts.json` is never changed or deleted (it stays as
 * the backup), and what is written is derived from its bytes alone. Its attempts get ids from their content, and go
 * into `migrated-attempts-v1-<hash of the file>.jsonl`, written atomically. So a second run finds that file and
 * does nothing, two windows migrating at once write the same bytes, and if an older version of the extension
 * (another window not yet reloaded) adds to `attempts.json` afterwards, the next run migrates the new content and
 * the attempts already migrated merge away by id.
 */
import * as l10n from '@vscode/l10n';
import { plural } from '../plural';
import { type Attempt, AttemptSchema, HISTORY_FILE, type TextFileStore } from '../attempts';
import { type AttemptEvent, attemptBody, EVENT_VERSION, serializeEvent } from './events';
import { contentHash } from './hash';
import type { HistoryFiles } from './log';

export const LEGACY_ATTEMPTS_FILE = HISTORY_FILE;

export interface LegacyAttempts {
  events: AttemptEvent[];
  /** Attempt entries that could not be read. */
  skipped: number;
  /** Set when the file was damaged; says what was recovered, for the user. */
  problem?: string;
}

/**
 * The attempts of an `attempts.json` as events (pure). A damaged file gives up only what is damaged: its attempts
 * are flat JSON objects, so each one still intact is recovered even when the document around them is broken.
 */
export function legacyAttemptEvents(text: string): LegacyAttempts {
  let entries: unknown[];
  let damaged = false;
  try {
    const document = JSON.parse(text) as { version?: unknown; attempts?: unknown };
    entries = document?.version === 1 && Array.isArray(document.attempts) ? document.attempts : [];
    damaged = !(document?.version === 1 && Array.isArray(document.attempts));
  } catch {
    entries = flatObjects(text);
    damaged = true;
  }
  const attempts: Attempt[] = [];
  for (const entry of entries) {
    const parsed = AttemptSchema.safeParse(entry);
    if (parsed.success) attempts.push(parsed.data);
  }
  const skipped = entries.length - attempts.length;
  const seen = new Map<string, number>();
  const events = attempts.map((attempt) => {
    // The same content twice is two attempts (ids must differ), numbered by occurrence so the ids stay stable.
    const hash = contentHash(JSON.stringify(attempt));
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return toEvent(attempt, `v1-${hash}${occurrence > 1 ? `-${occurrence}` : ''}`);
  });
  const problem = damaged
    ? skipped
      ? plural(l10n.t('{0} is damaged: {1, plural, one {# attempt} other {# attempts}} could be recovered, {2} could not. The file is kept as it is.', LEGACY_ATTEMPTS_FILE, events.length, skipped), LEGACY_ATTEMPTS_FILE, events.length, skipped)
      : plural(l10n.t('{0} is damaged: {1, plural, one {# attempt} other {# attempts}} could be recovered. The file is kept as it is.', LEGACY_ATTEMPTS_FILE), LEGACY_ATTEMPTS_FILE, events.length)
    : skipped
      ? plural(l10n.t('{0, plural, one {# attempt} other {# attempts}} in {1} {0, plural, one {could not be read and was left out} other {could not be read and were left out}}; the file is kept as it is.', skipped, LEGACY_ATTEMPTS_FILE), skipped)
      : undefined;
  return { events, skipped, ...(problem ? { problem } : {}) };
}

function toEvent(attempt: Attempt, id: string): AttemptEvent {
  const { at, ...body } = attemptBody(attempt);
  return { v: EVENT_VERSION, id, at: at as number, ...body };
}

/** Every `{…}` with no braces inside that parses as JSON: the attempts of a v1 file, whatever broke around them. */
function flatObjects(text: string): unknown[] {
  const found: unknown[] = [];
  for (const match of text.matchAll(/\{[^{}]*\}/g)) {
    try {
      found.push(JSON.parse(match[0]));
    } catch {
      // Not a whole attempt: it is counted as skipped only if it parses, so a torn fragment is simply not found.
    }
  }
  return found;
}

export interface MigrationResult {
  /** `none`: no attempts.json; `already`: this content was migrated before; `migrated`: done now. */
  status: 'none' | 'already' | 'migrated';
  /** The file written (or found), for `already` and `migrated`. */
  file?: string;
  attempts: number;
  skipped: number;
  /** For the user when something could not be read; set by the run that migrated, so it is said once. */
  problem?: string;
}

/**
 * Migrates `attempts.json` from `legacy` (the extension's global storage) into the history folder `history`.
 * Reads the legacy file and lists the history folder; writes one file only when this content is not migrated yet.
 */
export async function migrateLegacyAttempts(legacy: Pick<TextFileStore, 'read'>, history: HistoryFiles): Promise<MigrationResult> {
  const text = await legacy.read(LEGACY_ATTEMPTS_FILE);
  if (text === undefined) return { status: 'none', attempts: 0, skipped: 0 };
  const file = `migrated-attempts-v1-${contentHash(text)}.jsonl`;
  const { events, skipped, problem } = legacyAttemptEvents(text);
  const result = { file, attempts: events.length, skipped };
  if ((await history.list()).includes(file)) return { status: 'already', ...result };
  // Written even when empty, as the record that this content was looked at: the next start stays silent.
  await history.write(file, events.map((event) => `${serializeEvent(event)}\n`).join(''));
  return { status: 'migrated', ...result, ...(problem ? { problem } : {}) };
}
