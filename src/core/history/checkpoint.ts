/**
 * The per-machine checkpoint: a derived, disposable file beside the logs that saves a load from parsing what it has
 * read before. It holds the history's state (`HistoryState`: each question's summary and line positions, the event
 * table, the ids taken in) and, for each event file, how many bytes of it that state covers and a fingerprint of
 * those bytes. A load reads it, then parses only each log's bytes past its covered length and the files it does not
 * know. The logs stay the only source of truth: the checkpoint is rebuilt from them whenever it is missing, does not
 * parse, has another format, or a covered log is shorter than recorded or its covered bytes changed. On disk it is
 * one line of JSON (the coverage, the summaries) followed by the state's long text as it is (sections.ts): the
 * table's columns as base64, and the line positions, links and ids that are parsed only on first need.
 *
 * It is not a `*.jsonl` file, so it is never read as events; it is per machine, so a synced folder never has two
 * machines rewrite one file. Two windows of one machine may both rewrite it (atomically): each derives it from the
 * same append-only logs and a load always reads past it, so the last rename wins and nothing is lost.
 */
import { bytesHash, contentHash } from './hash';
import { parseEventLine, type HistoryEvent } from './events';
import { History, type HistoryState, type HistoryText } from './history';
import { type HistoryFiles, type HistoryProblem, isEventFile, type LogText, mergeEventTexts } from './log';
import { fileAndOffset, type LinePosition } from './position';
import { joinSections, splitSections } from './sections';
import { countLines, type LogMark, markOf } from './tails';

/** Changes whenever what a checkpoint holds changes meaning; a checkpoint of another format is rebuilt. */
export const CHECKPOINT_FORMAT = 2;

/** `checkpoint-<hash of the machine id>.json`: one per machine in a folder that several machines may sync. */
export function checkpointFileName(machineId: string): string {
  return `checkpoint-${contentHash(machineId)}.json`;
}

/** How much of an event file a checkpoint covers: whole lines, up to and including the last newline. */
interface Coverage {
  bytes: number;
  chars: number;
  lines: number;
}

interface CoveredFile extends Coverage {
  name: string;
  /** `bytesHash` of the covered bytes. */
  hash: string;
}

interface Checkpoint {
  format: number;
  files: CoveredFile[];
  /** The damaged lines within the covered bytes, reported again on every load as a full read would. */
  problems: HistoryProblem[];
  history: HistoryState;
}

/** What the file's JSON line holds: all but the history's text, which follows it as sections (sections.ts). */
type CheckpointHeader = Omit<Checkpoint, 'history'> & { history: Omit<HistoryState, 'text'> };

export type RebuildReason = 'missing' | 'unreadable' | 'other format' | 'log changed' | 'id seen again';

export interface LoadedHistory {
  history: History;
  problems: HistoryProblem[];
  /** The event files read. */
  files: string[];
  /** Events parsed by this load: those past the checkpoint, or all of them when it was rebuilt. */
  parsed: number;
  /** Why the history was read from scratch; undefined when the checkpoint was used. */
  rebuilt?: RebuildReason;
  /** How far this load took in each log, for reading only what is appended later (tails.ts). */
  marks: LogMark[];
  /**
   * Writes a new checkpoint when the one on disk is behind the logs (atomically, through `HistoryFiles.write`).
   * Returns false when there is nothing to write, or when the history has since taken in an event that did not
   * come from this load (then the next load reads it from the logs again).
   */
  saveCheckpoint(): Promise<boolean>;
}

/** Reads the history through the checkpoint `checkpointName` (see `checkpointFileName`), rebuilding it if needed. */
export async function loadHistory(files: HistoryFiles, checkpointName: string): Promise<LoadedHistory> {
  const names = (await files.list()).filter(isEventFile).sort();
  const [stored, ...contents] = await Promise.all([files.readBytes(checkpointName), ...names.map((name) => files.readBytes(name))]);
  const bytesOf = new Map(names.map((name, i) => [name, contents[i] ?? new Uint8Array(0)]));
  let reason: RebuildReason = 'missing';
  if (stored !== undefined) {
    const checkpoint = parseCheckpoint(stored);
    if (checkpoint === undefined) reason = 'unreadable';
    else if (checkpoint.format !== CHECKPOINT_FORMAT) reason = 'other format';
    else if (!covers(checkpoint, bytesOf)) reason = 'log changed';
    else {
      const loaded = resumeOrUnreadable(checkpoint, bytesOf);
      if (typeof loaded === 'object') return withSave(loaded, files, checkpointName);
      reason = loaded;
    }
  }
  return withSave(rebuild(names, bytesOf, reason), files, checkpointName);
}

/** What a load found, before it can save: the logs in the load's file order and how much of each is covered. */
interface Load {
  history: History;
  problems: HistoryProblem[];
  logs: Logs;
  coverage: Coverage[];
  parsed: number;
  rebuilt?: RebuildReason;
}

function withSave(load: Load, files: HistoryFiles, checkpointName: string): LoadedHistory {
  const behind = load.parsed > 0 || load.rebuilt !== undefined;
  return {
    history: load.history,
    problems: load.problems,
    files: [...load.logs.names].sort(),
    parsed: load.parsed,
    ...(load.rebuilt ? { rebuilt: load.rebuilt } : {}),
    marks: load.logs.names.map((name, file) => markOf(name, load.logs.bytes(file), load.coverage[file].bytes, load.coverage[file].lines)),
    async saveCheckpoint() {
      if (!behind || load.logs.names.length === 0) return false;
      const text = serialize(load);
      if (text === undefined) return false;
      await files.write(checkpointName, text);
      return true;
    },
  };
}

/** The checkpoint, or undefined when its header is not JSON of its shape or the sections after it do not add up; its format is for the caller to check. */
function parseCheckpoint(bytes: Uint8Array): Checkpoint | undefined {
  const split = splitSections(bytes);
  const value = split?.header as Partial<CheckpointHeader> | undefined;
  if (typeof value?.format !== 'number' || !Array.isArray(value.files) || !Array.isArray(value.problems) || typeof value.history !== 'object') return undefined;
  return { ...(value as CheckpointHeader), history: { ...value.history, text: split!.sections as HistoryText } };
}

/** Every file the checkpoint covers is still there, at least as long, with the same covered bytes. */
function covers(checkpoint: Checkpoint, bytesOf: ReadonlyMap<string, Uint8Array>): boolean {
  return checkpoint.files.every((file) => {
    const bytes = bytesOf.get(file.name);
    return bytes !== undefined && bytes.length >= file.bytes && bytesHash(bytes, file.bytes) === file.hash;
  });
}

/** `resume`, or why not: a checkpoint that parses but does not restore (edited by hand, say) is unreadable too. */
function resumeOrUnreadable(checkpoint: Checkpoint, bytesOf: ReadonlyMap<string, Uint8Array>): Load | RebuildReason {
  try {
    return resume(checkpoint, bytesOf) ?? 'id seen again';
  } catch {
    return 'unreadable';
  }
}

/** The checkpoint's history plus what the logs hold past it; undefined when a later line repeats a known id. */
function resume(checkpoint: Checkpoint, bytesOf: ReadonlyMap<string, Uint8Array>): Load | undefined {
  const known = new Set(checkpoint.files.map((file) => file.name));
  const names = [...checkpoint.files.map((file) => file.name), ...[...bytesOf.keys()].filter((name) => !known.has(name))];
  const logs = new Logs(names, bytesOf);
  const history = History.restore(checkpoint.history, (position) => logs.eventAt(position));
  const tails: LogText[] = names.map((name, file) => {
    const covered = checkpoint.files[file];
    return covered ? { name, text: logs.decodeFrom(file, covered.bytes), start: covered } : { name, text: logs.text(file) };
  });
  const merged = mergeEventTexts(tails);
  // A line past the checkpoint with an id it already holds is a copy or a clash: a full read decides which one
  // counts, so that the result is always the one reading every log gives.
  if (merged.events.some((event) => history.has(event.id))) return undefined;
  merged.events.forEach((event, i) => history.add(event, merged.positions[i]));
  const coverage = tails.map(({ text }, file) => {
    const covered = checkpoint.files[file] ?? { bytes: 0, chars: 0, lines: 0 };
    const tail = coverageOf(logs.bytes(file).subarray(covered.bytes), text);
    return { bytes: covered.bytes + tail.bytes, chars: covered.chars + tail.chars, lines: covered.lines + tail.lines };
  });
  return { history, problems: [...checkpoint.problems, ...merged.problems], logs, coverage, parsed: merged.events.length };
}

function rebuild(names: readonly string[], bytesOf: ReadonlyMap<string, Uint8Array>, reason: RebuildReason): Load {
  const logs = new Logs(names, bytesOf);
  const texts = names.map((name, file) => ({ name, text: logs.text(file) }));
  const merged = mergeEventTexts(texts);
  const history = History.ofMerged(merged.events, merged.positions);
  const coverage = texts.map(({ text }, file) => coverageOf(logs.bytes(file), text));
  return { history, problems: merged.problems, logs, coverage, parsed: merged.events.length, rebuilt: reason };
}

/** The whole lines of a text and of its bytes: up to and including the last newline. */
function coverageOf(bytes: Uint8Array, text: string): Coverage {
  const chars = text.lastIndexOf('\n') + 1;
  return { bytes: bytes.lastIndexOf(10) + 1, chars, lines: countLines(text) };
}

function serialize(load: Load): string | undefined {
  const history = load.history.toState();
  if (!history) return undefined;
  const files = load.logs.names.map((name, file) => ({ name, ...load.coverage[file], hash: bytesHash(load.logs.bytes(file), load.coverage[file].bytes) }));
  const lines = new Map(files.map((file) => [file.name, file.lines]));
  const problems = load.problems.filter((problem) => problem.line <= (lines.get(problem.file) ?? 0));
  const { text, ...rest } = history;
  return joinSections({ format: CHECKPOINT_FORMAT, files, problems, history: rest } satisfies CheckpointHeader, text);
}

/** The event files of one load, by number: their bytes, decoded on first need, and the event at a line position. */
class Logs {
  private readonly texts: (string | undefined)[] = [];

  constructor(
    readonly names: readonly string[],
    private readonly bytesOf: ReadonlyMap<string, Uint8Array>,
  ) {}

  bytes(file: number): Uint8Array {
    return this.bytesOf.get(this.names[file]) ?? new Uint8Array(0);
  }

  /** The whole file as text (a byte order mark at its start dropped, as a text read drops it). */
  text(file: number): string {
    return (this.texts[file] ??= new TextDecoder().decode(this.bytes(file)));
  }

  /** The text past `byte`, a line start: what `text` holds from there, decoded alone. */
  decodeFrom(file: number, byte: number): string {
    return byte === 0 ? this.text(file) : new TextDecoder('utf-8', { ignoreBOM: true }).decode(this.bytes(file).subarray(byte));
  }

  eventAt(position: LinePosition): HistoryEvent | undefined {
    const { file, offset } = fileAndOffset(position);
    const text = this.text(file);
    const end = text.indexOf('\n', offset);
    let line = text.slice(offset, end < 0 ? undefined : end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const result = parseEventLine(line);
    return 'event' in result ? result.event : undefined;
  }
}
