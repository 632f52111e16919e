/**
 * Moving a history between machines. A synced or committed history folder needs none of this (each writer has its
 * own file, so two machines never edit one file); export and import are for everything else: a file carried by hand.
 */
import { type HistoryEvent, serializeEvent } from './events';
import { contentHash } from './hash';
import { type HistoryFiles, type HistoryProblem, mergeEventTexts, readHistory } from './log';

/** The whole merged history as JSON Lines, oldest first: what Export writes to the file the user picks. */
export function exportHistory(events: readonly HistoryEvent[]): string {
  return events.map((event) => `${serializeEvent(event)}\n`).join('');
}

export interface ImportResult {
  /** Events this history did not have yet. */
  added: number;
  /** Events it already had (importing the same file twice adds nothing). */
  known: number;
  problems: HistoryProblem[];
  /** The file written into the history folder, when something was added. */
  file?: string;
}

/**
 * Merges exported (or copied) event files into the history folder: the events it lacks go into one new file,
 * `imported-<hash>.jsonl`, written atomically; nothing already there is touched. Damaged lines of the incoming files
 * are skipped and reported, like on any read.
 */
export async function importHistory(target: HistoryFiles, incoming: readonly { name: string; text: string }[]): Promise<ImportResult> {
  const { events, problems } = mergeEventTexts(incoming);
  const known = new Set((await readHistory(target)).events.map((event) => event.id));
  const fresh = events.filter((event) => !known.has(event.id));
  const result = { added: fresh.length, known: events.length - fresh.length, problems };
  if (fresh.length === 0) return result;
  const text = exportHistory(fresh);
  const file = `imported-${contentHash(text)}.jsonl`;
  await target.write(file, text);
  return { ...result, file };
}
