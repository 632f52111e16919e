/**
 * Loads the library from its sources (the shipped folder, workspace packs, extra folders) through a small
 * file-system interface, so the extension (workspace.fs), the CLI and the benchmark (Node fs) share it.
 *
 * - One missing or unreadable source, folder or file never stops the others: each becomes a problem or diagnostic.
 * - Parse results are cached by file size and modification time, so a reload re-parses only what changed.
 * - Long loads yield to the event loop every few milliseconds, so the host stays responsive.
 */
import * as l10n from '@vscode/l10n';
import { globMatcher } from './glob';
import { Library } from './library';
import { DEFAULT_MAX_FILE_BYTES, fileProblem, loadDialogueBytes, oversizeProblem } from './load';
import type { Dialogue, DialogueKind, Level, ParseResult } from './model';
import { orderBy, truncatedHead } from './text';
import { withDialogueId } from './uniqueId';

export type EntryType = 'file' | 'directory' | 'symlinkToFile' | 'symlinkToDirectory' | 'other';

/** What the loader needs of a file system. Paths are opaque strings (URIs in the extension, paths in Node). */
export interface DialogueFileSystem {
  readDirectory(folder: string): Promise<[name: string, type: EntryType][]>;
  stat(file: string): Promise<{ size: number; mtime: number; type: EntryType }>;
  readFile(file: string): Promise<Uint8Array>;
  join(folder: string, name: string): string;
  /** Why an operation failed, in words a person understands ("not found", "permission denied"). */
  describeError(error: unknown): string;
  /** True when the error means the file or folder does not exist. */
  isNotFound(error: unknown): boolean;
  /** The folder's path with links resolved, where the file system has links; used to stop link loops at once. */
  realPath?(folder: string): Promise<string>;
}

export interface DialogueSource {
  /** Stable id, used by the tree's source filter. */
  id: string;
  /** Shown in tooltips and messages, e.g. "Built-in library", "Workspace: api-team", "~/interview-notes". */
  label: string;
  /** A folder to search for `*.md`, or (`files`) a list already found, e.g. by a workspace glob. */
  root: string;
  files?: readonly string[];
  /** Globs of files and folders to leave out, relative to `root` (see src/core/glob.ts). */
  exclude?: readonly string[];
}

/** A source-level problem (a folder that is missing or unreadable): one message, not a diagnostic per file. */
export interface SourceProblem {
  source: DialogueSource;
  message: string;
}

export interface LoadReport {
  library: Library;
  problems: SourceProblem[];
  files: number;
  /** Files parsed in this load (the rest came from the cache). */
  parsed: number;
}

export interface LoaderOptions {
  maxBytes?: number;
  /** How the user raises `maxBytes`, for the message about a file over it (see `LoadOptions.limitHint`). */
  limitHint?: string;
  /** Keep only index entries (see `Dialogue.partial`); the player asks for a full dialogue when it opens one. */
  indexOnly?: boolean;
  /**
   * Index entries prepared before the extension ran (the shipped library's, at build time) for a file with exactly
   * these bytes; undefined parses the file as usual. Only used with `indexOnly`.
   */
  prepared?: (file: string, bytes: Uint8Array) => ParseResult | undefined;
  /** Longest stretch of work before yielding to the event loop. */
  sliceMs?: number;
  now?: () => number;
}

/** Symbolic links to folders are followed at most this deep, which also ends any link loop. */
const MAX_LINKED_DEPTH = 8;
const MAX_FOLDER_DEPTH = 32;

/** How many files are stat'ed and read ahead of the one being parsed. */
const READ_AHEAD = 8;

type FileStat = Awaited<ReturnType<DialogueFileSystem['stat']>>;

/** A file as `fetch` found it, in the order the loader parses files. */
type Fetched =
  | { kind: 'failed'; file: string; error: unknown }
  | { kind: 'cached'; file: string; result: ParseResult }
  | { kind: 'oversize'; file: string; stat: FileStat }
  | { kind: 'read'; file: string; stat: FileStat; bytes: Uint8Array };

/**
 * Lets the event loop run (I/O, messages, timers) between slices of work: `setImmediate` where there is one (Node,
 * the extension host), which does not wait out the 1 ms minimum of a timer; a timer elsewhere.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

interface CacheEntry {
  size: number;
  mtime: number;
  result: ParseResult;
}

export class LibraryLoader {
  private readonly cache = new Map<string, CacheEntry>();
  private last: { results: readonly ParseResult[]; library: Library } | undefined;
  private readonly maxBytes: number;
  private readonly limitHint: string | undefined;
  private readonly indexOnly: boolean;
  private readonly prepared: LoaderOptions['prepared'];
  private readonly sliceMs: number;
  private readonly now: () => number;

  constructor(private readonly fs: DialogueFileSystem, options: LoaderOptions = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.limitHint = options.limitHint;
    this.indexOnly = options.indexOnly ?? false;
    this.prepared = this.indexOnly ? options.prepared : undefined;
    this.sliceMs = options.sliceMs ?? 20;
    this.now = options.now ?? Date.now;
  }

  async load(sources: readonly DialogueSource[]): Promise<LoadReport> {
    const problems: SourceProblem[] = [];
    const results: ParseResult[] = [];
    const seen = new Set<string>();
    let parsed = 0;
    let files = 0;
    let sliceStart = this.now();
    for (const source of sources) {
      const excluded = globMatcher(source.exclude ?? []);
      const listed = source.files
        ? { files: source.files.filter((file) => !excluded(relativeTo(source.root, file))).sort(), results: [] }
        : await this.list(source, excluded, problems);
      results.push(...listed.results);
      const fresh: string[] = [];
      for (const file of listed.files) {
        if (seen.has(file)) continue;
        seen.add(file);
        fresh.push(file);
      }
      files += fresh.length;
      // Reads run a few files ahead of the parser, so the file system works while the parser does.
      const pending: Promise<Fetched>[] = [];
      let next = 0;
      const readAhead = () => {
        while (next < fresh.length && pending.length < READ_AHEAD) pending.push(this.fetch(fresh[next++]));
      };
      readAhead();
      while (pending.length > 0) {
        const fetched = await pending.shift()!;
        readAhead();
        const outcome = this.finish(fetched, source);
        if (outcome.parsed) parsed++;
        results.push(outcome.result);
        if (this.now() - sliceStart > this.sliceMs) {
          await yieldToEventLoop();
          sliceStart = this.now();
        }
      }
    }
    for (const key of [...this.cache.keys()]) if (!seen.has(key)) this.cache.delete(key);
    // When every result is the cached one of the last load, in the same order, the last library is the same and is
    // kept; otherwise it is built file by file, yielding like the reads above.
    const last = this.last;
    const unchanged = last !== undefined && last.results.length === results.length && last.results.every((result, i) => result === results[i]);
    let library = last?.library;
    if (!unchanged || !library) {
      library = new Library();
      for (const result of results) {
        library.add(result);
        if (this.now() - sliceStart > this.sliceMs) {
          await yieldToEventLoop();
          sliceStart = this.now();
        }
      }
    }
    this.last = { results, library };
    return { library, problems, files, parsed };
  }

  /** Stats a file and reads it unless the cache holds it unchanged or it is over the size limit. Never rejects. */
  private async fetch(file: string): Promise<Fetched> {
    let stat;
    try {
      stat = await this.fs.stat(file);
    } catch (error) {
      return { kind: 'failed', file, error };
    }
    const cached = this.cache.get(file);
    if (cached && cached.size === stat.size && cached.mtime === stat.mtime) return { kind: 'cached', file, result: cached.result };
    // Checked before reading, so a huge file costs nothing but one diagnostic.
    if (stat.size > this.maxBytes) return { kind: 'oversize', file, stat };
    try {
      return { kind: 'read', file, stat, bytes: await this.fs.readFile(file) };
    } catch (error) {
      return { kind: 'failed', file, error };
    }
  }

  /** Parses what `fetch` read (or reports why it could not) and caches the result. */
  private finish(fetched: Fetched, source: DialogueSource): { result: ParseResult; parsed: boolean } {
    const { file } = fetched;
    if (fetched.kind === 'cached') return { result: fetched.result, parsed: false };
    if (fetched.kind === 'failed') return { result: tagged(fileProblem(file, this.readProblem(fetched.error)), source), parsed: false };
    let result: ParseResult;
    const prepared = fetched.kind === 'read' ? this.prepared?.(file, fetched.bytes) : undefined;
    if (prepared) {
      result = tagged(prepared, source);
      this.cache.set(file, { size: fetched.stat.size, mtime: fetched.stat.mtime, result });
      return { result, parsed: false };
    }
    if (fetched.kind === 'oversize') {
      result = oversizeProblem(file, fetched.stat.size, this.maxBytes, this.limitHint);
    } else {
      try {
        result = loadDialogueBytes(fetched.bytes, file, { maxBytes: this.maxBytes, limitHint: this.limitHint });
      } catch (error) {
        return { result: tagged(fileProblem(file, this.readProblem(error)), source), parsed: false };
      }
    }
    tagged(result, source);
    if (this.indexOnly) result = { ...result, dialogues: result.dialogues.map(indexEntry) };
    this.cache.set(file, { size: fetched.stat.size, mtime: fetched.stat.mtime, result });
    return { result, parsed: true };
  }

  private readProblem(error: unknown): string {
    return this.fs.isNotFound(error) ? l10n.t('skipped: the file was deleted or moved while the library loaded') : l10n.t('cannot read: {0}', this.fs.describeError(error));
  }

  /**
   * The whole dialogue behind an index entry, read from its file now. Undefined when the file no longer holds it.
   * A dialogue renamed for an id collision is found again by its heading's line.
   */
  async full(entry: Dialogue): Promise<Dialogue | undefined> {
    if (!entry.partial) return entry;
    let result: ParseResult;
    try {
      result = loadDialogueBytes(await this.fs.readFile(entry.file), entry.file, { maxBytes: this.maxBytes, limitHint: this.limitHint });
    } catch {
      return undefined;
    }
    const found = result.dialogues.find((d) => d.id === entry.id) ?? result.dialogues.find((d) => d.line === entry.line && d.title === entry.title);
    if (!found) return undefined;
    return { ...withDialogueId(found, entry.id), source: entry.source, sourceLabel: entry.sourceLabel };
  }

  /** Every `*.md` below the source's folder that is not excluded, following folder links only a few levels deep. */
  private async list(source: DialogueSource, excluded: (relativePath: string) => boolean, problems: SourceProblem[]): Promise<{ files: string[]; results: ParseResult[] }> {
    const files: string[] = [];
    const results: ParseResult[] = [];
    const visited = new Map<string, string>();
    const walk = async (folder: string, relative: string, depth: number, linkDepth: number): Promise<void> => {
      const real = await this.fs.realPath?.(folder).catch(() => undefined);
      if (real !== undefined) {
        const first = visited.get(real);
        if (first !== undefined) {
          results.push(fileProblem(folder, l10n.t('skipped: a symbolic link loop; this folder is {0} again', first)));
          return;
        }
        visited.set(real, folder);
      }
      let entries: [string, EntryType][];
      try {
        entries = await this.fs.readDirectory(folder);
      } catch (error) {
        if (folder === source.root) {
          problems.push({ source, message: this.fs.isNotFound(error) ? l10n.t('{0}: the folder was not found', source.label) : l10n.t('{0}: the folder cannot be read ({1})', source.label, this.fs.describeError(error)) });
        } else {
          results.push(fileProblem(folder, l10n.t('this folder cannot be read ({0}); its dialogues are skipped', this.fs.describeError(error))));
        }
        return;
      }
      for (const [name, type] of entries.sort(([a], [b]) => compareNames(a, b))) {
        const child = this.fs.join(folder, name);
        const childRelative = relative === '' ? name : `${relative}/${name}`;
        if (excluded(childRelative)) continue;
        if ((type === 'file' || type === 'symlinkToFile') && /\.md$/i.test(name)) {
          files.push(child);
        } else if (type === 'directory' || type === 'symlinkToDirectory') {
          if (name.startsWith('.') || name === 'node_modules') continue;
          const nextLinkDepth = linkDepth + (type === 'symlinkToDirectory' ? 1 : 0);
          if (nextLinkDepth > MAX_LINKED_DEPTH || depth >= MAX_FOLDER_DEPTH) {
            results.push(fileProblem(child, nextLinkDepth > MAX_LINKED_DEPTH
              ? l10n.t('skipped: folder links nested over {0} deep; this is most likely a symbolic link loop', MAX_LINKED_DEPTH)
              : l10n.t('skipped: folder links nested over {0} folders deep; this is most likely a symbolic link loop', MAX_FOLDER_DEPTH)));
            continue;
          }
          await walk(child, childRelative, depth + 1, nextLinkDepth);
        }
      }
    };
    await walk(source.root, '', 0, 0);
    return { files, results };
  }
}

/**
 * The order of files in a folder, which decides which of two dialogues with the same id keeps it: case folded,
 * then by code unit, the same on every machine. `localeCompare` would follow the machine's language (Swedish puts
 * `ä` after `z`), so two machines sharing a history could give a renamed dialogue different ids.
 */
const compareNames = orderBy((name) => name.toLowerCase());

/** Question prompts are cut to this length in index entries; the full dialogue has them whole. */
const INDEX_PROMPT_LENGTH = 200;

export function indexEntry(dialogue: Dialogue): Dialogue {
  // Strings cut from the file's text are copied (`own`): a substring would otherwise keep the whole text alive.
  // (The file name and the source's id and label are not cut from the text; they stay shared.)
  return {
    id: own(dialogue.id),
    title: own(dialogue.title),
    topic: own(dialogue.topic),
    level: own(dialogue.level) as Level,
    kind: own(dialogue.kind) as DialogueKind,
    tags: dialogue.tags.map(own),
    file: dialogue.file,
    line: dialogue.line,
    turns: dialogue.turns.map(({ speaker, line, stage }) => ({ speaker, line, text: '', ...(stage ? { stage: own(stage) } : {}) })),
    questions: dialogue.questions.map(({ id, turnIndex, prompt, budgetSeconds }) => ({
      id: own(id),
      turnIndex,
      prompt: indexPrompt(prompt),
      ...(budgetSeconds !== undefined ? { budgetSeconds } : {}),
      keyPoints: [],
    })),
    stages: dialogue.stages.map(({ title, firstTurnIndex, budgetSeconds }) => ({ title: own(title), firstTurnIndex, ...(budgetSeconds !== undefined ? { budgetSeconds } : {}) })),
    keyPoints: [],
    ...(dialogue.source !== undefined ? { source: dialogue.source } : {}),
    ...(dialogue.sourceLabel !== undefined ? { sourceLabel: dialogue.sourceLabel } : {}),
    partial: true,
  };
}

/**
 * The prompt as `truncate(prompt, INDEX_PROMPT_LENGTH)` gives it, built so that it takes half the memory: `…` is not
 * a one-byte character, so a flat copy of a cut prompt would store every character in two bytes. Joined to a
 * copy of the (one-byte) head, it stays a pair of strings until something reads its characters.
 */
function indexPrompt(prompt: string): string {
  return prompt.length <= INDEX_PROMPT_LENGTH ? own(prompt) : own(truncatedHead(prompt, INDEX_PROMPT_LENGTH)) + '…';
}

/**
 * A copy of a string that shares no memory with the text it was cut from. V8 represents a substring as a slice of
 * its parent, which keeps the parent alive; concatenating flattens into a new string, and slicing that copy is cheap.
 */
function own(text: string): string {
  return (' ' + text).slice(1);
}

/** A file's path below a source's root with `/` separators; a file given as the root itself is its own name. */
function relativeTo(root: string, file: string): string {
  const normalizedRoot = root.replace(/\\/g, '/').replace(/\/+$/, '');
  const normalizedFile = file.replace(/\\/g, '/');
  if (normalizedFile === normalizedRoot) return normalizedFile.slice(normalizedFile.lastIndexOf('/') + 1);
  return normalizedFile.startsWith(`${normalizedRoot}/`) ? normalizedFile.slice(normalizedRoot.length + 1) : normalizedFile;
}

/** Remembers which source a dialogue came from (tooltips and the source filter). */
function tagged(result: ParseResult, source: DialogueSource): ParseResult {
  for (const dialogue of result.dialogues) {
    dialogue.source = source.id;
    dialogue.sourceLabel = source.label;
  }
  return result;
}
