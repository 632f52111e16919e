/** The history as CSV for spreadsheets: one row per attempt and per review, oldest first. */
import * as l10n from '@vscode/l10n';
import { decodeKeyPoints, type KeyPointMark } from './events';
import { type History, type QuestionLookup, topicOf } from './history';

/** The header row, for people reading a spreadsheet: in the display language (the cells below are data). */
function header(): string[] {
  return [
    l10n.t('Time'),
    l10n.t('Event'),
    l10n.t('Question id'),
    l10n.t('Topic'),
    l10n.t('Prompt'),
    l10n.t('Seconds used'),
    l10n.t('Budget seconds'),
    l10n.t('Rating'),
    l10n.t('Proposed rating'),
    l10n.t('Key points covered'),
    l10n.t('Key points partly'),
    l10n.t('Key points missed'),
    l10n.t('Draft'),
  ];
}

export interface CsvOptions {
  /** Minutes to add to UTC for local time at an instant (see `UtcOffset`); times are written in local time. */
  utcOffset: (ms: number) => number;
  lookup?: QuestionLookup;
}

/** RFC 4180: comma-separated, CRLF line ends, a header row. */
export function historyCsv(history: History, options: CsvOptions): string {
  const rows: { at: number; id: string; cells: Cell[] }[] = [];
  for (const entry of history.questions()) {
    const info = options.lookup?.(entry.question);
    const topic = topicOf(entry, info);
    const prompt = info?.prompt ?? entry.attempts.at(-1)?.prompt ?? '';
    for (const attempt of entry.attempts) {
      rows.push({ at: attempt.at, id: attempt.id, cells: [localTime(attempt.at, options), 'attempt', entry.question, topic, prompt, attempt.activeSeconds, attempt.budgetSeconds, '', '', '', '', '', attempt.draft] });
    }
    for (const review of entry.reviews) {
      const attempt = review.attempt === undefined ? undefined : entry.attempts.find((a) => a.id === review.attempt);
      const marks = review.keyPoints === undefined ? undefined : decodeKeyPoints(review.keyPoints);
      const count = (mark: KeyPointMark) => (marks ? marks.filter((m) => m === mark).length : '');
      rows.push({
        at: review.at,
        id: review.id,
        cells: [localTime(review.at, options), 'review', entry.question, topic, prompt, attempt?.activeSeconds ?? '', attempt?.budgetSeconds ?? '', review.rating, review.proposed ?? '', count('covered'), count('partly'), count('missed'), attempt?.draft ?? ''],
      });
    }
  }
  rows.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  return [header(), ...rows.map((row) => row.cells)].map(csvRow).join('');
}

type Cell = string | number;

export function csvRow(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * One cell. Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return) gets a leading apostrophe, so a prompt or a path from a dialogue file cannot become a formula; then cells
 * with a comma, a quote or a line break are quoted, quotes doubled. Numbers are written as they are.
 */
export function csvCell(value: Cell): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function localTime(ms: number, options: CsvOptions): string {
  return new Date(ms + options.utcOffset(ms) * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}
