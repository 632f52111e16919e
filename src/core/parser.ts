/**
 * The dialogue-file parser: Markdown in, dialogues + guidance + diagnostics out (format: docs/dialogue-format.md).
 *
 * It is a single pass over lines with no backtracking regular expressions, so any input finishes in time linear
 * in its length, and it never throws: whatever it cannot use becomes a diagnostic, and one bad dialogue never
 * hides the good ones. It does not render Markdown; turn text stays Markdown source for the player.
 */
import * as l10n from '@vscode/l10n';
import { parseFrontMatter } from './frontMatter';
import { checkMetadata, DIALOGUE_KEYS, isMetadataKey, type Metadata } from './metadata';
import type { Diagnostic, Dialogue, Guidance, ParseResult, Question, Severity, Speaker, Stage, Turn } from './model';
import { CANONICAL_LABELS, type LabelShape, normalizeName, scanLabel, type SpeakerMeaning, SpeakerTable } from './speakers';
import { didYouMean, listOf, plainText, slugify, truncate } from './text';
import { plural } from './plural';
import { inferTopic } from './topics';
import { freeId } from './uniqueId';

const QUESTION_LABELS = ['time', 'key points'];
/** How turns start, the clause several diagnostics end with (one key, so it reads the same everywhere). */
function startHint(): string {
  return l10n.t('turns start with `**Interviewer:**` or `**Candidate:**` (or `Interviewee`, `You`, `Q:`/`A:`, or a name listed under `speakers:` in the front matter)');
}

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

interface OpenFence {
  marker: string;
  depth: number;
  line: number;
  column: number;
  /** Whether any later line could close it (see `nextFenceLines`). */
  closes: boolean;
  /** Lines inside it that would start a turn outside a code block. */
  hiddenLabels: number[];
  /** The first line inside it that starts like its closing fence but has text after the marker, so does not close it. */
  almostClosed?: { line: number; text: string };
}

/** Where a label that is not a speaker was first seen, and every other line that uses it (one warning per name). */
interface FlaggedLabel {
  /** As first written. */
  name: string;
  diagnostic: Diagnostic;
  lines: number[];
  /** Set when the label is read as this speaker anyway (a typo close to one role only). */
  speaker?: Speaker;
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
  /** Set by the first turn: true when it was a one-letter label (`Q:`, `I:`), which lets later ones be read too. */
  letterStyle?: boolean;
  /** Last line of its section that holds text, for the range of a "no turns" error. */
  lastLine: number;
  /** Unknown bold labels that start lines inside its turns: reported if the dialogue ends with turns of one role only. */
  unknownInTurns: Map<string, { name: string; column: number; lines: number[] }>;
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
  private fence: OpenFence | undefined;
  /** Per line, the index of the next line that looks like a code fence (`nextFence[i] > i`), for lookahead. */
  private nextFence: Int32Array = new Int32Array(0);
  private currentStage: string | undefined;
  /** The error about turns outside any dialogue, widened to each further one until the next heading. */
  private orphanTurns: Diagnostic | undefined;
  private dialoguesSeen = 0;
  private speakers = new SpeakerTable();
  /** Turn labels read anywhere in the file; none at all makes the file "not a dialogue" (one message). */
  private labelsSeen = 0;
  private dialogueHeadings = 0;
  private sectionHeadings = 0;
  /** Labels hidden in code blocks that are never closed, for the one message of a file without turns. */
  private readonly hiddenByFences: { fenceLine: number; count: number }[] = [];
  private readonly flaggedLabels = new Map<string, FlaggedLabel>();
  /** Text of a dialogue outside its turns that is being collected into one diagnostic. */
  private stray: { start: number; end: number; column: number } | undefined;

  constructor(
    private readonly source: string,
    private readonly file: string,
    options: ParseOptions,
  ) {
    this.fileId = options.fileId ?? fileIdOf(file);
  }

  parse(): ParseResult {
    if (this.source.includes('\u0000')) {
      this.report(1, 1, 'error', l10n.t('this looks like a binary file, not Markdown; dialogue files are UTF-8 text'));
      return this.result();
    }
    const text = this.source.charCodeAt(0) === 0xfeff ? this.source.slice(1) : this.source;
    // Splitting on a plain string is several times faster than on a pattern; most files have no `\r`.
    const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
    if (text.trim() === '') {
      this.report(1, 1, 'warning', l10n.t('the file is empty; add a `## Title` heading followed by `**Interviewer:**` and `**Candidate:**` turns'));
      return this.result();
    }
    const bodyStart = this.readFrontMatter(lines);
    if (this.fileMetadata.speakers) this.speakers = new SpeakerTable(this.fileMetadata.speakers);
    this.nextFence = nextFenceLines(lines);
    for (let index = bodyStart; index < lines.length; index++) {
      const open = this.dialogue;
      this.readLine(lines[index], index + 1);
      // The section of a dialogue ends at the last line with text that it read (a heading starts another).
      if (open && open === this.dialogue && hasText(lines[index])) open.lastLine = index + 1;
    }
    if (this.fence) this.endFence('end', lines.length);
    this.closeDialogue();
    this.closeGuidance();
    if (this.dialoguesSeen === 0) this.guidance.unshift(...this.introductions);
    this.finishFlaggedLabels();
    // A file of tips (`#` sections only) needs no turns; any other file without a single label is not a dialogue.
    if (this.labelsSeen === 0 && (this.dialogueHeadings > 0 || this.sectionHeadings === 0)) this.reportNotADialogue();
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
        this.report(1, 1, 'error', l10n.t('front matter starts with `---` but is never closed; add a `---` line after its last key'));
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

    if (this.fence) {
      const ending = this.fenceEndsAt(depth, rest);
      if (ending) {
        this.endFence(ending, lineNumber);
      } else {
        this.readFencedLine(depth, rest, lineNumber);
        this.appendText(raw, lineNumber);
        return;
      }
    }
    // Each pattern below needs a particular first character (after up to three spaces), and a label needs a colon:
    // checking that first skips the scans on most lines.
    const lead = leadingChar(rest);
    const fence = lead === '`' || lead === '~' ? FENCE.exec(rest) : null;
    if (fence) {
      const column = raw.length - rest.length + rest.indexOf(fence[1]) + 1;
      this.fence = { marker: fence[1], depth, line: lineNumber, column, closes: this.nextFence[lineNumber - 1] < this.nextFence.length - 1, hiddenLabels: [] };
      this.appendText(raw, lineNumber);
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
    const label = scanLabel(rest);
    if (label && this.readLabel(label, raw, rest, depth, lineNumber)) return;

    if (this.keyPoints && this.readKeyPoint(rest)) return;
    this.keyPoints = undefined;
    this.appendText(raw, lineNumber);
  }

  /**
   * A code fence also ends where its blockquote ends, and, when no closing fence follows at all (so that one
   * unclosed fence cannot swallow the rest of the file), at the next `#`/`##` heading.
   */
  private fenceEndsAt(depth: number, rest: string): 'container' | 'heading' | undefined {
    const fence = this.fence!;
    if (depth < fence.depth) return 'container';
    if (!fence.closes && depth === 0 && /^#{1,2}[ \t]/.test(rest)) return 'heading';
    return undefined;
  }

  /** A line inside a code block: its closing fence, or code, in which a turn label is counted as hidden. */
  private readFencedLine(depth: number, rest: string, lineNumber: number): void {
    const fence = this.fence!;
    const trimmed = rest.trimStart();
    if (depth >= fence.depth && trimmed.startsWith(fence.marker)) {
      if (rest.trim().replace(/[`~]/g, '') === '') {
        this.endFence('closed', lineNumber);
        return;
      }
      fence.almostClosed ??= { line: lineNumber, text: trimmed.trimEnd() };
    }
    const label = scanLabel(rest);
    const meaning = label && this.speakers.meaningOf(label.name.toLowerCase());
    if (label && meaning && this.reads(meaning, label)) fence.hiddenLabels.push(lineNumber);
  }

  /**
   * Ends the open code block. CommonMark's reading stands (what is inside is code), but a block that is never
   * closed, or that a line such as `` ```" `` failed to close, says how many turn labels it turned into code.
   */
  private endFence(how: 'closed' | 'container' | 'heading' | 'end', lineNumber: number): void {
    const fence = this.fence!;
    this.fence = undefined;
    const hidden = fence.almostClosed ? fence.hiddenLabels.filter((line) => line > fence.almostClosed!.line) : fence.hiddenLabels;
    if (how === 'closed' && (!fence.almostClosed || hidden.length === 0)) return;
    if (how !== 'closed' && how !== 'heading' && hidden.length === 0) return;
    if (hidden.length > 0) this.hiddenByFences.push({ fenceLine: fence.line, count: hidden.length });
    // One whole sentence per case, so a translation can order its clauses freely.
    const almost = fence.almostClosed;
    const args = [hidden.length, linesList(hidden), fence.marker, lineNumber, almost?.line ?? 0, almost ? truncate(almost.text, 20) : ''];
    const message = !almost
      ? how === 'heading'
        ? hidden.length === 0
          ? l10n.t('this code block is never closed, so it ends at the heading on line {3}. Add a closing {2} line where the code ends.', ...args)
          : l10n.t('this code block is never closed, so it ends at the heading on line {3}, and {0, plural, one {the turn label on line} other {the # turn labels on lines}} {1} {0, plural, one {is read as code, as any Markdown viewer shows it} other {are read as code, as any Markdown viewer shows them}}. Add a closing {2} line where the code ends.', ...args)
        : l10n.t('this code block is never closed, so {0, plural, one {the turn label on line} other {the # turn labels on lines}} {1} {0, plural, one {is read as code, as any Markdown viewer shows it} other {are read as code, as any Markdown viewer shows them}}. Add a closing {2} line where the code ends.', ...args)
      : how === 'closed'
        ? l10n.t('this code block is closed only at line {3}: line {4} ({5}) does not close it because of the text after the fence, so {0, plural, one {the turn label on line} other {the # turn labels on lines}} {1} {0, plural, one {is read as code, as any Markdown viewer shows it} other {are read as code, as any Markdown viewer shows them}}. Put the closing {2} on a line of its own.', ...args)
        : how === 'heading'
          ? hidden.length === 0
            ? l10n.t('this code block is never closed, so it ends at the heading on line {3}: line {4} ({5}) does not close it because of the text after the fence. Put the closing {2} on a line of its own.', ...args)
            : l10n.t('this code block is never closed, so it ends at the heading on line {3}: line {4} ({5}) does not close it because of the text after the fence, and {0, plural, one {the turn label on line} other {the # turn labels on lines}} {1} {0, plural, one {is read as code, as any Markdown viewer shows it} other {are read as code, as any Markdown viewer shows them}}. Put the closing {2} on a line of its own.', ...args)
          : l10n.t('this code block is never closed: line {4} ({5}) does not close it because of the text after the fence, so {0, plural, one {the turn label on line} other {the # turn labels on lines}} {1} {0, plural, one {is read as code, as any Markdown viewer shows it} other {are read as code, as any Markdown viewer shows them}}. Put the closing {2} on a line of its own.', ...args);
    this.report(fence.line, fence.column, 'warning', plural(message, ...args));
  }

  private readHeading(level: number, title: string, lineNumber: number, column: number): void {
    if (level <= 3) this.flushStray();
    if (level <= 2) this.orphanTurns = undefined;
    if (level === 1) {
      this.sectionHeadings++;
      this.closeDialogue();
      this.closeGuidance();
      this.guidanceSection = { title: title || l10n.t('Guidance'), line: lineNumber, lines: [], beforeDialogues: this.dialoguesSeen === 0 };
      return;
    }
    if (level === 2) {
      this.dialogueHeadings++;
      this.closeDialogue();
      this.closeGuidance();
      const cleaned = title.replace(/^\d{1,4}[.)]\s+/, '').trim();
      if (cleaned === '') this.report(lineNumber, column, 'error', l10n.t('a `##` heading needs a title: it names the dialogue'));
      this.dialogue = {
        title: cleaned || l10n.t('Untitled dialogue (line {0})', lineNumber),
        line: lineNumber,
        metadata: {},
        metadataLine: {},
        turns: [],
        questionExtras: new Map(),
        stages: [],
        keyPoints: [],
        intro: [],
        lastLine: lineNumber,
        unknownInTurns: new Map(),
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
    this.appendText('#'.repeat(level) + ' ' + title, lineNumber);
  }

  /** Returns false when the label is ordinary text that belongs to whatever is open (a turn, the intro). */
  private readLabel(label: LabelShape, raw: string, rest: string, depth: number, lineNumber: number): boolean {
    const quoteWidth = raw.length - rest.length;
    const column = quoteWidth + label.start + 1;
    // scanLabel has trimmed the name and made its blanks single spaces.
    const lower = label.name.toLowerCase();

    if (label.bold && (QUESTION_LABELS.includes(lower) || (DIALOGUE_KEYS as readonly string[]).includes(lower))) {
      if (!this.dialogue) return false;
      this.readMetadata(lower, label.rest, lineNumber, quoteWidth + label.nameStart + 1);
      return true;
    }
    const meaning = this.speakers.meaningOf(lower);
    if (meaning) {
      if (!this.reads(meaning, label)) return false;
      this.startTurn(meaning, label.rest, depth, lineNumber, column);
      return true;
    }
    // Unbolded words before a colon (`Note:`, `Example:`) are prose.
    if (!label.bold) return false;
    return this.readUnknownLabel(label, lower, depth, lineNumber, column);
  }

  /**
   * Whether a label with this meaning starts a turn here. One-letter labels (`Q:`, `A:`, `I:`, `C:`) do only in a
   * dialogue whose first turn was one, so `A: the first option` in an answer stays text; unbolded labels outside a
   * dialogue only before the first one (a transcript without a heading), not in tips; and in a key points list, an
   * unbolded list item is a key point.
   */
  private reads(meaning: SpeakerMeaning, label: LabelShape): boolean {
    if (this.keyPoints && label.listItem && !label.bold) return false;
    if (!this.dialogue) return !meaning.letter && (label.bold || this.dialoguesSeen === 0);
    return !meaning.letter || (this.dialogue.letterStyle ?? true);
  }

  /** A bold label that is neither a speaker nor a metadata key: a typo, a name the file did not declare, or bold text. */
  private readUnknownLabel(label: LabelShape, lower: string, depth: number, lineNumber: number, column: number): boolean {
    const flagged = this.flaggedLabels.get(lower);
    if (flagged) {
      flagged.lines.push(lineNumber);
      if (flagged.speaker) this.startTurn({ speaker: flagged.speaker, letter: false }, label.rest, depth, lineNumber, column);
      return flagged.speaker !== undefined;
    }
    const name = label.name;
    const guess = this.speakers.guess(name);
    if (guess?.kind === 'speaker') {
      this.flagLabel(name, lineNumber, column, guess.label === CANONICAL_LABELS[guess.speaker]
        ? l10n.t('unknown speaker `{0}`; did you mean `{1}`? Read as {1}.', name, guess.label)
        : guess.speaker === 'interviewer'
          ? l10n.t('unknown speaker `{0}`; did you mean `{1}`? Read as the interviewer.', name, guess.label)
          : l10n.t('unknown speaker `{0}`; did you mean `{1}`? Read as the candidate.', name, guess.label), guess.speaker);
      this.startTurn({ speaker: guess.speaker, letter: false }, label.rest, depth, lineNumber, column);
      return true;
    }
    if (guess?.kind === 'ambiguous') {
      this.flagLabel(name, lineNumber, column, l10n.t('`{0}` is not a speaker label, and it is as close to {1}, so it is read as neither and its text stays where it is; write `**Interviewer:**` or `**Candidate:**`', name, guess.labels.map((l) => `\`${l}\``).join(l10n.t(' as to '))));
      return false;
    }
    if (isMetadataKey(lower) && this.dialogue) {
      this.report(lineNumber, column, 'error', l10n.t('`{0}` works only in the front matter, e.g. `speakers: { interviewer: [Dana], candidate: [Sam] }`', name));
      return true;
    }
    if (this.turn && !label.listItem && /^[\p{L} .'-]+$/u.test(name)) {
      // Bold words that lead a paragraph (`**Sharding:** …`) are common in answers; they are only suspicious if the
      // dialogue turns out to have one role only (see `closeDialogue`).
      const seen = this.dialogue!.unknownInTurns.get(lower);
      if (seen) seen.lines.push(lineNumber);
      else this.dialogue!.unknownInTurns.set(lower, { name, column, lines: [lineNumber] });
    }
    if (this.dialogue && !this.turn && this.dialogue.turns.length === 0 && /^[\p{L} -]+$/u.test(name) && !this.keyPoints) {
      this.flagLabel(name, lineNumber, column, l10n.t('`{0}` is not a speaker or a metadata key, so this line is kept as text{1} {2}; metadata keys are {3}. To use `{0}` as a speaker, name it in the front matter: {4}', name, didYouMean(name, [...DIALOGUE_KEYS, 'key points']) || '.', capitalize(startHint()), listOf([...DIALOGUE_KEYS, 'key points']), `\`speakers: { interviewer: [${name}] }\``));
    }
    return false;
  }

  private flagLabel(name: string, lineNumber: number, column: number, message: string, speaker?: Speaker): FlaggedLabel {
    const diagnostic: Diagnostic = { file: this.file, line: lineNumber, column, severity: 'warning', message };
    this.diagnostics.push(diagnostic);
    const flagged: FlaggedLabel = { name, diagnostic, lines: [lineNumber], ...(speaker ? { speaker } : {}) };
    this.flaggedLabels.set(normalizeName(name), flagged);
    return flagged;
  }

  /** One warning per label name: the first line carries it, and lists the others. */
  private finishFlaggedLabels(): void {
    for (const { diagnostic, lines } of this.flaggedLabels.values()) {
      if (lines.length > 1) diagnostic.message += plural(l10n.t(' (also on {0, plural, one {line} other {lines}} {1})', lines.length - 1, linesList(lines.slice(1))), lines.length - 1);
    }
  }

  private startTurn(meaning: SpeakerMeaning, firstLine: string, depth: number, lineNumber: number, column: number): void {
    this.flushStray();
    this.endTurn();
    this.keyPoints = undefined;
    this.labelsSeen++;
    if (!this.dialogue) {
      if (this.orphanTurns) {
        this.orphanTurns.endLine = lineNumber;
      } else {
        const message = this.dialoguesSeen === 0
          ? l10n.t('this turn comes before any `## Title` heading, so it belongs to no dialogue; add a heading above it')
          : l10n.t('this turn is in a `#` section, outside any dialogue, so the player does not show it; add a `## Title` heading above it');
        this.orphanTurns = { file: this.file, line: lineNumber, column, severity: 'error', message };
        this.diagnostics.push(this.orphanTurns);
      }
      return;
    }
    this.dialogue.letterStyle ??= meaning.letter;
    this.turn = {
      turn: { speaker: meaning.speaker, text: '', line: lineNumber, ...(this.currentStage ? { stage: this.currentStage } : {}) },
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
      this.report(open.turn.line, 1, 'warning', open.turn.speaker === 'interviewer' ? l10n.t('this interviewer turn has no text') : l10n.t('this candidate turn has no text'));
    }
    this.dialogue.turns.push(open.turn);
  }

  private appendText(raw: string, lineNumber: number): void {
    if (this.turn) {
      this.turn.lines.push(stripQuotes(raw, this.turn.depth).rest);
    } else if (this.dialogue) {
      if (this.dialogue.turns.length > 0) {
        if (hasText(raw)) this.markStray(raw, lineNumber);
      } else {
        this.dialogue.intro.push(stripQuotes(raw, Infinity).rest);
      }
    } else if (this.guidanceSection) {
      this.guidanceSection.lines.push(raw);
    }
    // Text before any heading introduces the file to its readers, as the format describes; the player does not show it.
  }

  /** Text between a dialogue's turns that is neither metadata nor key points: the player would not show it. */
  private markStray(raw: string, lineNumber: number): void {
    if (this.stray) {
      this.stray.end = lineNumber;
    } else {
      const column = raw.length - raw.trimStart().length + 1;
      this.stray = { start: lineNumber, end: lineNumber, column };
    }
  }

  private flushStray(): void {
    const stray = this.stray;
    if (!stray) return;
    this.stray = undefined;
    this.diagnostics.push({
      file: this.file,
      line: stray.start,
      column: stray.column,
      ...(stray.end > stray.start ? { endLine: stray.end } : {}),
      severity: 'warning',
      message: stray.end > stray.start
        ? l10n.t('lines {0}–{1} are outside any turn, so the player does not show them; start them with a speaker label such as `**Candidate:**`, list them under `**Key points:**`, or move them under a `#` heading after the dialogues to show them as tips', stray.start, stray.end)
        : l10n.t('this text is outside any turn, so the player does not show it; start it with a speaker label such as `**Candidate:**`, list it under `**Key points:**`, or move it under a `#` heading after the dialogues to show it as tips'),
    });
  }

  private readMetadata(key: string, value: string, lineNumber: number, column: number): void {
    const dialogue = this.dialogue!;
    this.flushStray();
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
      if (extras.budgetSeconds !== undefined) this.report(lineNumber, column, 'warning', l10n.t('this question already has a `**Time:**`; the later one wins'));
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
    this.flushStray();
    this.endTurn();
    this.keyPoints = undefined;
    const open = this.dialogue;
    this.dialogue = undefined;
    if (!open) return;
    this.dialoguesSeen++;
    if (open.turns.length === 0) {
      this.diagnostics.push({
        file: this.file,
        line: open.line,
        column: 1,
        ...(open.lastLine > open.line ? { endLine: open.lastLine } : {}),
        severity: 'error',
        message: l10n.t('dialogue `{0}` has no turns; {1} (put tips under a `#` heading instead)', open.title, startHint()),
      });
      return;
    }
    this.flagSpeakersInTurns(open);
    const meta = { ...this.fileMetadata, ...open.metadata };
    // In front matter, `id` names the file: it stands for the file name in the ids of all its dialogues.
    const id = this.claimId(open.metadata.id ?? `${this.fileMetadata.id ?? this.fileId}/${slugify(open.title)}`, open);
    const defaultBudget = meta.timeSeconds;
    const questions: Question[] = [];
    open.turns.forEach((turn, turnIndex) => {
      if (turn.speaker !== 'interviewer') return;
      const extras = open.questionExtras.get(turnIndex);
      const budgetSeconds = extras?.budgetSeconds ?? defaultBudget;
      questions.push({
        id: `${id}#q${questions.length + 1}`,
        turnIndex,
        prompt: plainText(turn.text) || l10n.t('Question {0}', questions.length + 1),
        ...(budgetSeconds !== undefined ? { budgetSeconds } : {}),
        keyPoints: extras?.keyPoints ?? [],
      });
    });
    if (questions.length === 0) {
      this.report(open.line, 1, 'warning', l10n.t('dialogue `{0}` has no `**Interviewer:**` turn, so it has no question to answer', open.title));
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

  /**
   * A dialogue whose turns are all one role's, with unknown bold labels starting lines inside them: most likely the
   * other speaker, under a name the file did not declare (`**Sam:**`), whose words were filed under the wrong role.
   */
  private flagSpeakersInTurns(open: OpenDialogue): void {
    if (open.unknownInTurns.size === 0) return;
    const roles = new Set(open.turns.map((turn) => turn.speaker));
    if (roles.size !== 1) return;
    const [role] = roles;
    const other = role === 'interviewer' ? 'candidate' : 'interviewer';
    // A label flagged before never gets here: readUnknownLabel takes it first and does not record it in a turn.
    for (const { name, column, lines } of open.unknownInTurns.values()) {
      const flagged = this.flagLabel(name, lines[0], column, role === 'interviewer'
        ? l10n.t('`**{0}:**` is not a speaker label, so its text stays in the interviewer turn above it, and dialogue `{1}` has no candidate turn. If {0} is the candidate, write `**{2}:**` or add {3} to the front matter', name, open.title, CANONICAL_LABELS[other], `\`speakers: { ${other}: [${name}] }\``)
        : l10n.t('`**{0}:**` is not a speaker label, so its text stays in the candidate turn above it, and dialogue `{1}` has no interviewer turn. If {0} is the interviewer, write `**{2}:**` or add {3} to the front matter', name, open.title, CANONICAL_LABELS[other], `\`speakers: { ${other}: [${name}] }\``));
      flagged.lines.push(...lines.slice(1));
    }
  }

  /**
   * A file with headings or text but not one turn label is not a dialogue (a README, notes in another shape): one
   * message for the whole file, in place of one per heading and per bold word, saying how to start.
   */
  private reportNotADialogue(): void {
    const hints: string[] = [];
    // A name used as a label on several lines is most likely a speaker; a bold word used once is emphasis.
    const unknown = [...this.flaggedLabels.values()].filter((flagged) => !flagged.speaker && flagged.lines.length > 1).sort((a, b) => b.lines.length - a.lines.length).slice(0, 3);
    if (unknown.length > 0) {
      const names = unknown.map((flagged) => flagged.name);
      const labels = unknown.map((flagged) => l10n.t('`**{0}:**` (line {1})', flagged.name, flagged.lines[0])).join(', ');
      const speakers = `\`speakers: { interviewer: [${names[0]}]${names[1] ? `, candidate: [${names[1]}]` : ''} }\``;
      hints.push(plural(l10n.t('{0} {1, plural, one {is not a speaker label; to use it, add} other {are not speaker labels; to use them, add}} {2} to the front matter', labels, names.length, speakers), labels, names.length));
    }
    for (const { fenceLine, count } of this.hiddenByFences.slice(0, 3)) {
      hints.push(plural(l10n.t('{0, plural, one {one turn label is} other {# turn labels are}} inside the code block opened at line {1}, which is never closed', count, fenceLine), count));
    }
    this.diagnostics.length = 0;
    this.report(1, 1, 'warning', hints.length > 0
      ? l10n.t('this file has no dialogue turns: no line starts with a speaker label. A dialogue is a `## Title` heading followed by turns; {0}. Here: {1}. If the file is not meant to be a dialogue, exclude it', startHint(), hints.join('; '))
      : l10n.t('this file has no dialogue turns: no line starts with a speaker label. A dialogue is a `## Title` heading followed by turns; {0}. If the file is not meant to be a dialogue, exclude it', startHint()));
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
    this.report(open.metadataLine.id ?? open.line, 1, 'error', l10n.t('dialogue id `{0}` is already used by the dialogue at line {1}; give this one a different title or an `**Id:**` line (using `{2}` for now)', wanted, previousLine, id));
    return id;
  }
}

/** True when the line holds anything but blanks. */
function hasText(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char !== ' ' && char !== '\t') return true;
  }
  return false;
}

/** `3, 7 and 9`, or the first few and how many more. */
function linesList(lines: readonly number[]): string {
  const shown = lines.slice(0, 5).map(String);
  if (lines.length > 5) return l10n.t('{0} and {1} more', shown.join(', '), lines.length - 5);
  return shown.length > 1 ? l10n.t('{0} and {1}', shown.slice(0, -1).join(', '), shown.at(-1)!) : shown.join('');
}

function capitalize(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
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
