/**
 * The dialogue-file parser: Markdown in, dialogues + guidance + diagnostics out (format: docs/dialogue-format.md).
 *
 * It is a single pass over lines with no backtracking regular expressions, so any input finishes in time linear
 * in its length, and it never throws: whatever it cannot use becomes a diagnostic, and one bad dialogue never
 * hides the good ones. It does not render Markdown; turn text stays Markdown source for the player.
 */
import { parseFrontMatter } from './frontMatter';
import { checkMetadata, DIALOGUE_KEYS, type Metadata } from './metadata';
import type { Diagnostic, Dialogue, Guidance, ParseResult, Question, Severity, Speaker, Stage, Turn } from './model';
import { closest, plainText, slugify } from './text';
import { inferTopic } from './topics';
import { freeId } from './uniqueId';

const SPEAKERS: Record<string, Speaker> = { interviewer: 'interviewer', candidate: 'candidate' };
const SPEAKER_NAMES = ['Interviewer', 'Candidate'];
const QUESTION_LABELS = ['time', 'key points'];

/** `**Label:** rest` or `**Label**: rest`, optionally as a list item. Group 1: indent+marker, 2: label, 3: rest. */
const LABEL = /^(\s*(?:[-*+]\s+)?)\*\*([^*\n]{1,40}?)(?::\*\*|\*\*\s*:)[ \t]*(.*)$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A fence line with no info string: the only kind that can close a code block. */
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/;

export interface ParseOptions {
  /** Used for ids derived from the file name; defaults to `file`'s base name. */
  fileId?: string;
}

interface OpenTurn {
  turn: Turn;
  depth: number;
  lines: string[];
}

interface OpenDialogue {
  title: string;
  line: number;
  metadata: Metadata;
  metadataLine: Partial<Record<keyof Metadata, number>>;
  turns: Turn[];
  /** Per interviewer turn (by its index in `turns`): budget and key points written after it. */
  questionExtras: Map<number, { budgetSeconds?: number; keyPoints: string[] }>;
  stages: Stage[];
  keyPoints: string[];
  intro: string[];
}

/** Where `**Key points:**` list items go while they are being read. */
type KeyPointsTarget = string[] | undefined;

export function parseDialogueFile(source: string, file: string, options: ParseOptions = {}): ParseResult {
  return new DialogueFileParser(source, file, options).parse();
}

/** Base name without extension, as an id prefix: `dialogues/system-design.md` → `system-design`. */
export function fileIdOf(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return slugify(base.replace(/\.(md|markdown)$/i, ''));
}

class DialogueFileParser {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly dialogues: Dialogue[] = [];
  private readonly guidance: Guidance[] = [];
  private readonly fileId: string;
  private fileMetadata: Metadata = {};
  private readonly usedIds = new Map<string, number>();
  /** Where to start looking for a free `-n` suffix, so many repeats of one title stay linear. */
  private readonly nextSuffix = new Map<string, number>();

  private dialogue: OpenDialogue | undefined;
  private turn: OpenTurn | undefined;
  private guidanceSection: { title: string; line: number; lines: string[]; beforeDialogues: boolean } | undefined;
  /** `#` sections before the first dialogue: kept only when the file has no dialogues (a file of tips). */
  private readonly introductions: Guidance[] = [];
  private keyPoints: KeyPointsTarget;
  private fence: { marker: string; depth: number; line: number; closes: boolean } | undefined;
  /** Per line, the index of the next line that looks like a code fence (`nextFence[i] > i`), for lookahead. */
  private nextFence: Int32Array = new Int32Array(0);
  private currentStage: string | undefined;
  private reportedTurnsBeforeHeading = false;
  private dialoguesSeen = 0;

  constructor(
    private readonly source: string,
    private readonly file: string,
    options: ParseOptions,
  ) {
    this.fileId = options.fileId ?? fileIdOf(file);
  }

  parse(): ParseResult {
    if (this.source.includes('\u0000')) {
      this.report(1, 1, 'error', 'this looks like a binary file, not Markdown; dialogue files are UTF-8 text');
      return this.result();
    }
    const text = this.source.charCodeAt(0) === 0xfeff ? this.source.slice(1) : this.source;
    // Splitting on a plain string is several times faster than on a pattern; most files have no `\r`.
    const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
    if (text.trim() === '') {
      this.report(1, 1, 'warning', 'the file is empty; add a `## Title` heading followed by `**Interviewer:**` and `**Candidate:**` turns');
      return this.result();
    }
    const bodyStart = this.readFrontMatter(lines);
    this.nextFence = nextFenceLines(lines);
    for (let index = bodyStart; index < lines.length; index++) {
      this.readLine(lines[index], index + 1);
    }
    this.closeDialogue();
    this.closeGuidance();
    if (this.dialoguesSeen === 0) this.guidance.unshift(...this.introductions);
    return this.result();
  }

  private result(): ParseResult {
    return { dialogues: this.dialogues, guidance: this.guidance, diagnostics: this.diagnostics };
  }

  private report(line: number, column: number, severity: Severity, message: string): void {
    this.diagnostics.push({ file: this.file, line, column, severity, message });
  }

  /** Returns the index of the first body line. */
  private readFrontMatter(lines: string[]): number {
    if (lines[0]?.trim() !== '---') return 0;
    // A `##` heading before the closing line means the `---` was a separator, not front matter that closes later.
    const headingAt = lines.findIndex((line, index) => index > 0 && /^#{2,6}[ \t]/.test(line));
    const limit = headingAt < 0 ? lines.length : headingAt;
    const close = lines.findIndex((line, index) => index > 0 && index < limit && (line.trim() === '---' || line.trim() === '...'));
    if (close < 0) {
      // Only blank lines before the first heading: the `---` was a separator, not front matter.
      if (lines.slice(1, limit).some((line) => line.trim() !== '')) {
        this.report(1, 1, 'error', 'front matter starts with `---` but is never closed; add a `---` line after its last key');
      }
      return 1;
    }
    const { metadata, problems } = parseFrontMatter(lines.slice(1, close).join('\n'));
    this.fileMetadata = metadata;
    for (const problem of problems) this.report(problem.line + 1, problem.column, problem.severity, problem.message);
    return close + 1;
  }

  private readLine(raw: string, lineNumber: number): void {
    const { depth, rest } = stripQuotes(raw, this.fence?.depth ?? Infinity);

    if (this.fence && this.fenceEndsAt(depth, rest)) this.fence = undefined;
    if (this.fence) {
      if (depth >= this.fence.depth && rest.trimStart().startsWith(this.fence.marker) && rest.trim().replace(/[`~]/g, '') === '') {
        this.fence = undefined;
      }
      this.appendText(raw);
      return;
    }
    // Each pattern below needs a particular first character (after up to three spaces), or `**` for a label:
    // checking that first skips the regular expressions on most lines.
    const lead = leadingChar(rest);
    const fence = lead === '`' || lead === '~' ? FENCE.exec(rest) : null;
    if (fence) {
      this.fence = { marker: fence[1], depth, line: lineNumber, closes: this.nextFence[lineNumber - 1] < this.nextFence.length - 1 };
      this.appendText(raw);
      return;
    }

    const heading = depth === 0 && lead === '#' ? HEADING.exec(rest) : null;
    if (heading) {
      this.readHeading(heading[1].length, (heading[2] ?? '').trim(), lineNumber, rest.indexOf('#') + 1);
      return;
    }
    if (depth === 0 && (lead === '-' || lead === '*' || lead === '_') && THEMATIC_BREAK.test(rest)) {
      this.endTurn();
      this.keyPoints = undefined;
      return;
    }
    const label = rest.includes('**') ? LABEL.exec(rest) : null;
    if (label && this.readLabel(label, raw, depth, lineNumber)) return;

    if (this.keyPoints && this.readKeyPoint(rest)) return;
    this.keyPoints = undefined;
    this.appendText(raw);
  }

  /**
   * A code fence also ends where its blockquote ends, and, when no closing fence follows at all (so that one
   * unclosed fence cannot swallow the rest of the file), at the next `#`/`##` heading, with a warning.
   */
  private fenceEndsAt(depth: number, rest: string): boolean {
    const fence = this.fence!;
    if (depth < fence.depth) return true;
    if (!fence.closes && depth === 0 && /^#{1,2}[ \t]/.test(rest)) {
      this.report(fence.line, 1, 'warning', `the code block opened at line ${fence.line} is never closed; add a closing \`${fence.marker}\` line`);
      return true;
    }
    return false;
  }

  private readHeading(level: number, title: string, lineNumber: number, column: number): void {
    if (level === 1) {
      this.closeDialogue();
      this.closeGuidance();
      this.guidanceSection = { title: title || 'Guidance', line: lineNumber, lines: [], beforeDialogues: this.dialoguesSeen === 0 };
      return;
    }
    if (level === 2) {
      this.closeDialogue();
      this.closeGuidance();
      const cleaned = title.replace(/^\d{1,4}[.)]\s+/, '').trim();
      if (cleaned === '') this.report(lineNumber, column, 'error', 'a `##` heading needs a title: it names the dialogue');
      this.dialogue = {
        title: cleaned || `Untitled dialogue (line ${lineNumber})`,
        line: lineNumber,
        metadata: {},
        metadataLine: {},
        turns: [],
        questionExtras: new Map(),
        stages: [],
        keyPoints: [],
        intro: [],
      };
      this.currentStage = undefined;
      return;
    }
    if (level === 3 && this.dialogue) {
      this.endTurn();
      this.keyPoints = undefined;
      this.currentStage = title;
      this.dialogue.stages.push({ title, firstTurnIndex: this.dialogue.turns.length });
      return;
    }
    // Deeper headings are ordinary Markdown inside whatever is open.
    this.appendText('#'.repeat(level) + ' ' + title);
  }

  /** Returns false when the label is ordinary bold text that belongs to the current turn. */
  private readLabel(label: RegExpExecArray, raw: string, depth: number, lineNumber: number): boolean {
    const name = label[2].trim();
    const lower = name.toLowerCase();
    const value = label[3];
    const column = raw.indexOf('**') + 1;

    const speaker = SPEAKERS[lower];
    if (speaker) {
      this.startTurn(speaker, value, depth, lineNumber, column);
      return true;
    }
    if (QUESTION_LABELS.includes(lower) || (DIALOGUE_KEYS as readonly string[]).includes(lower)) {
      if (!this.dialogue) return false;
      this.readMetadata(lower, value, lineNumber, column + 2);
      return true;
    }
    const typo = closest(name, SPEAKER_NAMES);
    if (typo) {
      this.report(lineNumber, column, 'warning', `unknown speaker \`${name}\`; did you mean \`${typo}\`? Read as ${typo}.`);
      this.startTurn(SPEAKERS[typo.toLowerCase()], value, depth, lineNumber, column);
      return true;
    }
    if (this.dialogue && !this.turn && this.dialogue.turns.length === 0 && /^[\p{L} -]+$/u.test(name) && !this.keyPoints) {
      this.report(lineNumber, column, 'warning', `\`${name}\` is not a speaker or a metadata key; turns start with \`**Interviewer:**\` or \`**Candidate:**\`, metadata keys are ${[...DIALOGUE_KEYS, 'key points'].map((k) => `\`${k}\``).join(', ')}`);
      return true;
    }
    return false;
  }

  private startTurn(speaker: Speaker, firstLine: string, depth: number, lineNumber: number, column: number): void {
    this.endTurn();
    this.keyPoints = undefined;
    if (!this.dialogue) {
      if (!this.reportedTurnsBeforeHeading) {
        this.report(lineNumber, column, 'error', 'this turn comes before any `## Title` heading, so it belongs to no dialogue; add a heading above it');
        this.reportedTurnsBeforeHeading = true;
      }
      return;
    }
    this.turn = {
      turn: { speaker, text: '', line: lineNumber, ...(this.currentStage ? { stage: this.currentStage } : {}) },
      depth,
      lines: firstLine.trim() === '' ? [] : [firstLine],
    };
  }

  private endTurn(): void {
    const open = this.turn;
    if (!open || !this.dialogue) return;
    this.turn = undefined;
    open.turn.text = unwrapQuotes(open.lines.join('\n').trim());
    if (open.turn.text === '') {
      this.report(open.turn.line, 1, 'warning', `this ${open.turn.speaker} turn has no text`);
    }
    this.dialogue.turns.push(open.turn);
  }

  private appendText(raw: string): void {
    if (this.turn) {
      this.turn.lines.push(stripQuotes(raw, this.turn.depth).rest);
    } else if (this.dialogue) {
      if (this.dialogue.turns.length === 0) this.dialogue.intro.push(stripQuotes(raw, Infinity).rest);
      // Prose between turns (after key points, say) is the author's note; it is kept out of the turns.
    } else if (this.guidanceSection) {
      this.guidanceSection.lines.push(raw);
    }
    // Text before any heading introduces the file to its readers; the player has nothing to show for it.
  }

  private readMetadata(key: string, value: string, lineNumber: number, column: number): void {
    const dialogue = this.dialogue!;
    this.endTurn();
    this.keyPoints = undefined;
    const lastQuestion = lastIndexOf(dialogue.turns, (t) => t.speaker === 'interviewer');
    const stage = dialogue.stages.at(-1);
    const stageIsFresh = stage !== undefined && stage.firstTurnIndex === dialogue.turns.length;

    if (key === 'key points') {
      const target = lastQuestion >= 0 ? this.extrasOf(lastQuestion).keyPoints : dialogue.keyPoints;
      if (value.trim() !== '') target.push(value.trim());
      this.keyPoints = target;
      return;
    }
    const checked = checkMetadata(key, value, DIALOGUE_KEYS);
    if ('error' in checked) {
      this.report(lineNumber, column, 'error', checked.error);
      return;
    }
    if (key === 'time' && stageIsFresh) {
      stage.budgetSeconds = checked.value.timeSeconds;
    } else if (key === 'time' && lastQuestion >= 0) {
      const extras = this.extrasOf(lastQuestion);
      if (extras.budgetSeconds !== undefined) this.report(lineNumber, column, 'warning', 'this question already has a `**Time:**`; the later one wins');
      extras.budgetSeconds = checked.value.timeSeconds;
    } else {
      Object.assign(dialogue.metadata, checked.value);
      dialogue.metadataLine[Object.keys(checked.value)[0] as keyof Metadata] = lineNumber;
    }
  }

  private extrasOf(turnIndex: number): { budgetSeconds?: number; keyPoints: string[] } {
    const extras = this.dialogue!.questionExtras;
    let entry = extras.get(turnIndex);
    if (!entry) {
      entry = { keyPoints: [] };
      extras.set(turnIndex, entry);
    }
    return entry;
  }

  /** Reads a line while a `**Key points:**` list is open; false ends the list. */
  private readKeyPoint(rest: string): boolean {
    const target = this.keyPoints!;
    if (rest.trim() === '') return true;
    const item = LIST_ITEM.exec(rest);
    if (item) {
      target.push(item[1].trim());
      return true;
    }
    if (/^\s{2,}\S/.test(rest) && target.length > 0) {
      target[target.length - 1] += ' ' + rest.trim();
      return true;
    }
    return false;
  }

  /** A `#` section before the first dialogue introduces the file to its readers; later ones are guidance. */
  private closeGuidance(): void {
    const section = this.guidanceSection;
    this.guidanceSection = undefined;
    if (!section) return;
    const text = section.lines.join('\n').trim();
    if (text === '') return;
    (section.beforeDialogues ? this.introductions : this.guidance).push({ title: section.title, text, file: this.file, line: section.line });
  }

  private closeDialogue(): void {
    this.endTurn();
    this.keyPoints = undefined;
    this.fence = undefined;
    const open = this.dialogue;
    this.dialogue = undefined;
    if (!open) return;
    this.dialoguesSeen++;
    if (open.turns.length === 0) {
      this.report(open.line, 1, 'error', `dialogue \`${open.title}\` has no turns; start each turn with \`**Interviewer:**\` or \`**Candidate:**\` (put tips under a \`#\` heading instead)`);
      return;
    }
    const meta = { ...this.fileMetadata, ...open.metadata };
    const id = this.claimId(meta.id ?? `${this.fileId}/${slugify(open.title)}`, open);
    const defaultBudget = meta.timeSeconds;
    const questions: Question[] = [];
    open.turns.forEach((turn, turnIndex) => {
      if (turn.speaker !== 'interviewer') return;
      const extras = open.questionExtras.get(turnIndex);
      const budgetSeconds = extras?.budgetSeconds ?? defaultBudget;
      questions.push({
        id: `${id}#q${questions.length + 1}`,
        turnIndex,
        prompt: plainText(turn.text) || `Question ${questions.length + 1}`,
        ...(budgetSeconds !== undefined ? { budgetSeconds } : {}),
        keyPoints: extras?.keyPoints ?? [],
      });
    });
    if (questions.length === 0) {
      this.report(open.line, 1, 'warning', `dialogue \`${open.title}\` has no \`**Interviewer:**\` turn, so it has no question to answer`);
    }
    this.dialogues.push({
      id,
      title: open.title,
      topic: meta.topic ?? inferTopic(open.title),
      level: meta.level ?? 'senior',
      kind: meta.kind ?? 'dialogue',
      tags: meta.tags ?? [],
      file: this.file,
      line: open.line,
      turns: open.turns,
      questions,
      stages: open.stages,
      keyPoints: open.keyPoints,
      ...(open.intro.join('\n').trim() ? { intro: open.intro.join('\n').trim() } : {}),
    });
  }

  private claimId(wanted: string, open: OpenDialogue): string {
    const previousLine = this.usedIds.get(wanted);
    if (previousLine === undefined) {
      this.usedIds.set(wanted, open.line);
      return wanted;
    }
    const id = freeId(wanted, (candidate) => this.usedIds.has(candidate), this.nextSuffix.get(wanted));
    this.nextSuffix.set(wanted, Number(id.slice(wanted.length + 1)) + 1);
    this.usedIds.set(id, open.line);
    this.report(open.metadataLine.id ?? open.line, 1, 'error', `dialogue id \`${wanted}\` is already used by the dialogue at line ${previousLine}; give this one a different title or an \`**Id:**\` line (using \`${id}\` for now)`);
    return id;
  }
}

/** The first character after up to three spaces (where headings, fences and thematic breaks start), or ''. */
function leadingChar(line: string): string {
  let position = 0;
  while (position < 3 && line[position] === ' ') position++;
  return line[position] ?? '';
}

/**
 * Removes up to `maxDepth` blockquote markers (`>`) from the start of a line. Counting markers one by one keeps
 * this linear even for thousands of nested quotes.
 */
export function stripQuotes(line: string, maxDepth: number): { depth: number; rest: string } {
  let depth = 0;
  let position = 0;
  while (depth < maxDepth) {
    let probe = position;
    let spaces = 0;
    while (spaces < 3 && line[probe] === ' ') {
      probe++;
      spaces++;
    }
    if (line[probe] !== '>') break;
    probe++;
    if (line[probe] === ' ' || line[probe] === '\t') probe++;
    position = probe;
    depth++;
  }
  return { depth, rest: position === 0 ? line : line.slice(position) };
}

const QUOTE_PAIRS: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»', '「': '」' };

/** Drops quotes that wrap a whole turn (`"…"`, `“…”`), keeping quotes that only open or close part of it. */
export function unwrapQuotes(text: string): string {
  const close = QUOTE_PAIRS[text[0]];
  if (!close || text.length < 2 || text[text.length - 1] !== close) return text;
  const inner = text.slice(1, -1);
  if (close === '"' ? inner.includes('"') : inner.includes(text[0]) || inner.includes(close)) return text;
  return inner.trim();
}

function lastIndexOf<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return i;
  return -1;
}

/** False when the line's first character other than spaces, tabs and `>` is not a fence's `` ` `` or `~` (a cheap pre-check). */
function mayBeFence(line: string): boolean {
  let position = 0;
  let char = line[0];
  while (char === ' ' || char === '\t' || char === '>') char = line[++position];
  return char === '`' || char === '~';
}

/**
 * For each line, the index of the next line after it that could close a code fence (or the line count).
 * Computed once, backwards, so checking whether an opened fence is ever closed costs nothing per line.
 */
function nextFenceLines(lines: readonly string[]): Int32Array {
  const next = new Int32Array(lines.length + 1);
  next[lines.length] = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const following = i + 1 < lines.length && mayBeFence(lines[i + 1]) && CLOSING_FENCE.test(stripQuotes(lines[i + 1], Infinity).rest) ? i + 1 : next[i + 1];
    next[i] = following;
  }
  return next;
}
