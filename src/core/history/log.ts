/**
 * The history folder: append-only JSON Lines files, one per writer, merged on read.
 *
 * Why one file per writer: two windows (or two machines syncing a folder) that finish or rate at the same moment
 * must both keep their records. Nothing here ever reads a file, changes it and writes it back over what another
 * writer may have added meanwhile; each writer only appends to a file no one else writes, so a host whose file
 * system has no atomic append (VS Code's `workspace.fs`) may implement `append` as read + atomic write.
 */
import * as l10n from '@vscode/l10n';
import type { TextFileStore } from '../attempts';
import { EVENT_VERSION, type EventBody, type HistoryEvent, parseEventLine, serializeEvent } from './events';
import { type LinePosition, linePosition } from './position';

/**
 * The files of one history folder. `write` replaces a file atomically (temporary file, then rename). Names are
 * plain file names inside the folder; the folder is created on the first write or append.
 */
export interface HistoryFiles extends TextFileStore {
  /** Names of the files directly in the folder; empty when the folder does not exist yet. */
  list(): Promise<string[]>;
  /** A file's bytes, undefined when it does not exist: a checkpointed load fingerprints and slices them undecoded. */
  readBytes(name: string): Promise<Uint8Array | undefined>;
  /**
   * A file's bytes from `start` to its end (empty when it is shorter), undefined when it does not exist: reading what
   * was appended to a long log need not read all of it. A store that cannot read a part may read the whole file.
   */
  readFrom(name: string, start: number): Promise<Uint8Array | undefined>;
  /**
   * Adds `text` (whole lines) at the end of `name`, creating it. Only the file's own writer appends to it, one call
   * at a time, so read + atomic write is a correct implementation where the file system cannot append.
   */
  append(name: string, text: string): Promise<void>;
}

/** The history folder inside the extension's global storage, used while `interviewDialogues.historyFolder` is empty. */
export const DEFAULT_HISTORY_FOLDER_NAME = 'history';

/** Files of events end in `.jsonl`; anything else in the folder (backups, notes, temporary files) is left alone. */
export const EVENTS_EXTENSION = '.jsonl';

/** A line that was skipped, and where it is, so a user can look at it. Lines are 1-based. */
export interface HistoryProblem {
  file: string;
  line: number;
  message: string;
  /** True when a newer version of the extension wrote the line: the user should update, not repair. */
  newer?: boolean;
  /**
   * True for a damaged last line without its newline: a crash while appending, or another window's append still
   * in progress. Read again a moment later before telling the user about it.
   */
  unfinished?: boolean;
}

export interface HistoryRead {
  /** Every event once, ordered by time then id. */
  events: HistoryEvent[];
  problems: HistoryProblem[];
  /** The event files read. */
  files: string[];
}

/** Reads every event file of the folder and merges them. A damaged line is skipped and reported, never the rest. */
export async function readHistory(files: HistoryFiles): Promise<HistoryRead> {
  const names = (await files.list()).filter(isEventFile).sort();
  const texts = await Promise.all(names.map(async (name) => ({ name, text: (await files.read(name)) ?? '' })));
  const { events, problems } = mergeEventTexts(texts);
  return { events, problems, files: names };
}

export function isEventFile(name: string): boolean {
  return name.endsWith(EVENTS_EXTENSION);
}

/** The text of an event file, or of its part past `start` (the lines and characters before it). */
export interface LogText {
  name: string;
  text: string;
  start?: { lines: number; chars: number };
}

/**
 * Parses and merges the text of event files (pure). The result does not depend on the order of the files or of the
 * lines in them: events are ordered by time then id, and of two different events with one id the one that sorts
 * first (by time, then text) is kept and the other reported. `positions[i]` is where `events[i]`'s line is: the
 * number of its text in `texts` and its offset in the file (`linePosition`).
 */
export function mergeEventTexts(texts: readonly LogText[]): Omit<HistoryRead, 'files'> & { positions: LinePosition[] } {
  const slotOf = new Map<string, number>();
  const kept: HistoryEvent[] = [];
  const where: LinePosition[] = [];
  const problems: HistoryProblem[] = [];
  texts.forEach(({ name, text, start }, file) => {
    const lines = text.split('\n');
    const last = lines.length - 1;
    let offset = start?.chars ?? 0;
    const lineBase = start?.lines ?? 0;
    for (let i = 0; i <= last; offset += lines[i].length + 1, i++) {
      let line = lines[i];
      if (line.length === 0) continue;
      if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1); // CRLF
      const result = parseEventLine(line);
      if ('problem' in result) {
        if (line.trim() === '') continue;
        // A last line without its newline is what a crash in the middle of an append leaves behind.
        const unfinished = i === last && !result.newer;
        const note = unfinished ? ` ${l10n.t('(an unfinished last line: the window or machine probably stopped while writing it)')}` : '';
        problems.push({ file: name, line: lineBase + i + 1, message: `${result.problem}${note}`, ...(result.newer ? { newer: true } : {}), ...(unfinished ? { unfinished: true } : {}) });
        continue;
      }
      const event = result.event;
      const slot = slotOf.get(event.id);
      if (slot === undefined) {
        slotOf.set(event.id, kept.length);
        kept.push(event);
        where.push(linePosition(file, offset));
        continue;
      }
      // The same id twice: an exact copy (a retried append, a copied file) merges silently; two different events
      // keep the one that sorts first by time then text, so the outcome never depends on the order of the files.
      const known = kept[slot];
      const knownLine = serializeEvent(known);
      const thisLine = serializeEvent(event);
      if (knownLine === thisLine) continue;
      if (event.at < known.at || (event.at === known.at && thisLine < knownLine)) {
        kept[slot] = event;
        where[slot] = linePosition(file, offset);
      }
      problems.push({ file: name, line: lineBase + i + 1, message: l10n.t('another event already has the id {0}; only one of the two is used', JSON.stringify(event.id)) });
    }
  });
  const order = kept.map((_, slot) => slot).sort((a, b) => byTimeThenId(kept[a], kept[b]));
  return { events: order.map((slot) => kept[slot]), positions: order.map((slot) => where[slot]), problems };
}

/** The order of the merged history: time, then id (so equal times still sort the same way everywhere). */
export function byTimeThenId(a: Pick<HistoryEvent, 'at' | 'id'>, b: Pick<HistoryEvent, 'at' | 'id'>): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * A writer id: 10 random base-36 characters (about 51 bits), unique with overwhelming odds across every window
 * session that will ever write to a history. Short, because it starts every event id on every line.
 */
export function newWriterId(random: () => number = Math.random): string {
  let id = '';
  while (id.length < 10) id += Math.floor(random() * 36).toString(36);
  return id;
}

export interface HistoryWriterOptions {
  /** One per window session (see `newWriterId`); it names the writer's file and prefixes its event ids. */
  writerId: string;
  now?: () => number;
}

/** `20240501T100000Z`: file names of a folder sort by when their writer started. */
function fileStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * Appends events to the writer's own file, `events-<start time>-<writer id>.jsonl`, each call as whole lines in one
 * append.
 * If an append fails (disk full, a network folder gone), the next one goes to a new file: a partly written line
 * is then the last line of a file no one appends to again, so it cannot swallow the next event.
 */
export class HistoryWriter {
  private sequence = 0;
  private fileNumber = 1;
  private readonly now: () => number;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly started: string;

  constructor(private readonly files: HistoryFiles, private readonly options: HistoryWriterOptions) {
    this.now = options.now ?? Date.now;
    this.started = fileStamp(this.now());
  }

  /** The file this writer appends to now. */
  get fileName(): string {
    return `events-${this.started}-${this.options.writerId}${this.fileNumber > 1 ? `-${this.fileNumber}` : ''}${EVENTS_EXTENSION}`;
  }

  /**
   * Stamps the bodies with id, version and time (theirs, else now), appends them and returns the events. Calls are
   * queued so that appends never overlap (the contract of `HistoryFiles.append`). Rejects when the append failed
   * twice (once into a fresh file); the caller must then tell the user that the event was not saved.
   */
  record(...bodies: EventBody[]): Promise<HistoryEvent[]> {
    const events = bodies.map((body) => this.stamp(body));
    const text = events.map((event) => `${serializeEvent(event)}\n`).join('');
    const done = this.queue.then(() => this.appendWithRetry(text)).then(() => events);
    this.queue = done.catch(() => undefined);
    return done;
  }

  private stamp(body: EventBody): HistoryEvent {
    const { at, ...rest } = body;
    // Header first, so that a line reads as "version, id, time, what happened".
    return { v: EVENT_VERSION, id: `${this.options.writerId}.${(++this.sequence).toString(36)}`, at: at ?? this.now(), ...rest } as HistoryEvent;
  }

  private async appendWithRetry(text: string): Promise<void> {
    try {
      await this.files.append(this.fileName, text);
    } catch {
      this.fileNumber++;
      await this.files.append(this.fileName, text);
    }
  }
}
