/**
 * What the other windows (and this one) append to the event logs, read as it comes: each log's new whole lines
 * since the last read. The logs are append-only, so a window that has taken in a log up to some byte needs only
 * what follows; re-reading 100,000 events on every append cost a second or two of the extension host each time.
 * A log that shrank, or whose bytes before the mark changed (a sync tool replaced it), is the one case that needs
 * a full read again, and `read` says so.
 */
import { bytesHash } from './hash';
import type { HistoryEvent } from './events';
import { type HistoryFiles, type HistoryProblem, isEventFile, type LogText, mergeEventTexts } from './log';

/** How far a log has been taken in: whole lines, up to and including a newline. */
export interface LogMark {
  name: string;
  bytes: number;
  lines: number;
  /** A fingerprint of the bytes just before the mark (`guardOf`), to notice a log that was replaced. */
  guard: string;
}

/** The last bytes before `end`: enough to tell an appended log from a replaced one without hashing all of it. */
const GUARD_BYTES = 4096;

function guardOf(bytes: Uint8Array, end: number): string {
  const start = Math.max(0, end - GUARD_BYTES);
  return bytesHash(bytes.subarray(start, end), end - start);
}

/**
 * The mark of a log read up to `end` of `contents` (whole lines), holding `lines` lines there. `contents` may be
 * the file from `offset` on, if it holds the 4 KB before `end` or starts at the file's start.
 */
export function markOf(name: string, contents: Uint8Array, end: number, lines: number, offset = 0): LogMark {
  return { name, bytes: offset + end, lines, guard: guardOf(contents, end) };
}

export interface Appended {
  /** The new events, ordered by time then id; some may be known already (the caller's `History.add` skips them). */
  events: HistoryEvent[];
  problems: HistoryProblem[];
}

export class LogTails {
  private readonly marks = new Map<string, LogMark>();

  constructor(
    private readonly files: HistoryFiles,
    marks: readonly LogMark[] = [],
  ) {
    for (const mark of marks) this.marks.set(mark.name, mark);
  }

  /** The lines appended since the last read, or undefined when a log changed otherwise (then `readAll`). */
  async read(): Promise<Appended | undefined> {
    const names = await this.logNames();
    // Each log from 4 KB before its mark: the guard's bytes, then what was appended.
    const starts = names.map((name) => Math.max(0, (this.marks.get(name)?.bytes ?? 0) - GUARD_BYTES));
    const contents = await Promise.all(names.map((name, i) => this.files.readFrom(name, starts[i])));
    const tails: LogText[] = [];
    const next: LogMark[] = [];
    for (const [i, name] of names.entries()) {
      const bytes = contents[i];
      // A log deleted meanwhile is left out: what it held stays in the history, as with a full read.
      if (!bytes) continue;
      const offset = starts[i];
      const mark = this.marks.get(name) ?? markOf(name, bytes, 0, 0);
      const at = mark.bytes - offset;
      if (bytes.length < at || guardOf(bytes, at) !== mark.guard) return undefined;
      const end = bytes.lastIndexOf(10) + 1;
      if (end <= at) continue;
      // A byte order mark is dropped at a file's start only, as a full read drops it.
      const text = new TextDecoder('utf-8', { ignoreBOM: mark.bytes > 0 }).decode(bytes.subarray(at, end));
      tails.push({ name, text, start: { lines: mark.lines, chars: 0 } });
      next.push(markOf(name, bytes, end, mark.lines + countLines(text), offset));
    }
    for (const mark of next) this.marks.set(mark.name, mark);
    const { events, problems } = mergeEventTexts(tails);
    return { events, problems };
  }

  /** Every log from its start, as a first read: the marks start again from what it finds. */
  async readAll(): Promise<Appended> {
    this.marks.clear();
    const logs = await this.readLogs();
    const texts = logs.map(({ name, bytes }) => ({ name, text: new TextDecoder().decode(bytes) }));
    texts.forEach(({ name, text }, i) => this.marks.set(name, markOf(name, logs[i].bytes, logs[i].bytes.lastIndexOf(10) + 1, countLines(text))));
    const { events, problems } = mergeEventTexts(texts);
    return { events, problems };
  }

  private async readLogs(): Promise<{ name: string; bytes: Uint8Array }[]> {
    const names = await this.logNames();
    const contents = await Promise.all(names.map((name) => this.files.readBytes(name)));
    // A log deleted meanwhile is left out: what it held stays in the history, as with a full read.
    return names.flatMap((name, i) => (contents[i] ? [{ name, bytes: contents[i] }] : []));
  }

  private async logNames(): Promise<string[]> {
    return (await this.files.list()).filter(isEventFile).sort();
  }
}

/** The newlines in `text`: its whole lines. */
export function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}
