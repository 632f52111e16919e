/**
 * Speaker labels as people write them: `**Interviewer:**`, `Interviewer:`, `**🎤 Interviewer (Dana):**`, `* C:`,
 * `**You:**`, `Q:`… In two parts: `scanLabel` finds the shape of a label at the start of one line, with one bounded
 * forward scan (no regular expression that could backtrack), and `SpeakerTable` says which role a written name
 * means, including the names a file declares in its `speakers:` front matter.
 */
import type { Speaker } from './model';
import { editDistance } from './text';

/** The shape of a `Name:` label at the start of a line; what the name means is `SpeakerTable`'s business. */
export interface LabelShape {
  /** The name as written, runs of blanks made one space: `Interviewer`, `Q`, `Dana`, `Key points`. */
  name: string;
  /** Text in parentheses after the name (`Dana` in `Interviewer (Dana):`), if any. */
  note?: string;
  /** Written in bold (`**…**` or `__…__`). */
  bold: boolean;
  /** Written as a list item (`- `, `* `, `+ `, `• `, `1. `). */
  listItem: boolean;
  /** 0-based offset in the line where the label starts (its emoji or bold marker), after any list marker. */
  start: number;
  /** 0-based offset of the name itself. */
  nameStart: number;
  /** What follows the label on its line, leading blanks removed. */
  rest: string;
}

/** Longest name and parenthesised note a label may have: longer runs are prose, and the scan stays short. */
const MAX_NAME = 40;
const MAX_NOTE = 60;
/** No label's colon can be further in than this (indent, list marker, emoji, bold, name, note). */
const MAX_COLON = 240;
/** Beyond three spaces an unbolded line is an indented code block or a list's continuation, not a label. */
const MAX_PLAIN_INDENT = 3;

/** Emoji and other symbols people put before a label: whole clusters, ZWJ sequences, variation selectors, tags. */
const SYMBOL = /[\p{S}\p{Extended_Pictographic}\p{M}\p{Cf}]/u;
const LETTER = /\p{L}/u;
const NAME_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function skipBlanks(line: string, i: number): number {
  while (isBlank(line[i])) i++;
  return i;
}

/** Past a run of emoji and symbols (and the blanks between and after them); `i` itself when there is none. */
function skipSymbols(line: string, i: number): number {
  let j = i;
  let seen = false;
  for (;;) {
    const code = line.codePointAt(j);
    if (code === undefined) break;
    if (code === 0x20 || code === 0x09) {
      if (!seen) break;
      j++;
      continue;
    }
    if (code < 0x80) {
      // A keycap (`1️⃣`, `#️⃣`) starts with an ASCII character; any other ASCII character ends the run.
      const next = line[j + 1] === '\ufe0f' ? j + 2 : j + 1;
      if ((isDigit(line[j]) || line[j] === '#' || line[j] === '*') && line[next] === '\u20e3') {
        j = next + 1;
        seen = true;
        continue;
      }
      break;
    }
    const char = String.fromCodePoint(code);
    if (!SYMBOL.test(char)) break;
    j += char.length;
    seen = true;
  }
  return seen ? j : i;
}

/** After a list marker (`- `, `* `, `+ `, `• `, `1. `, `1) `) and its blanks, or `i` when there is none. */
function skipListMarker(line: string, i: number): number {
  const char = line[i];
  if ((char === '-' || char === '*' || char === '+' || char === '•') && isBlank(line[i + 1])) return skipBlanks(line, i + 2);
  let j = i;
  while (isDigit(line[j]) && j - i < 9) j++;
  if (j > i && (line[j] === '.' || line[j] === ')') && isBlank(line[j + 1])) return skipBlanks(line, j + 2);
  return i;
}

/** The end of a label's name: letters, digits and ` .'’&/-`, starting with a letter; at most MAX_NAME long. */
function scanName(line: string, start: number): number {
  const first = line.codePointAt(start);
  if (first === undefined || !(first < 0x80 ? isAsciiLetter(first) : LETTER.test(String.fromCodePoint(first)))) return start;
  let i = start;
  while (i - start < MAX_NAME) {
    const code = line.charCodeAt(i);
    if (Number.isNaN(code)) break;
    if (code < 0x80) {
      if (isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || " .'&/-".includes(line[i])) {
        i++;
        continue;
      }
      break;
    }
    const char = String.fromCodePoint(line.codePointAt(i)!);
    if (char !== '’' && !NAME_CHAR.test(char)) break;
    i += char.length;
  }
  return i;
}

/**
 * The label at the start of `line` (already without blockquote markers), or undefined. Reads `Name:` and `Name (note):`,
 * bold or not, with the colon inside or outside the bold, after a list marker and emoji. An unbolded label must be
 * followed by a blank or the end of the line (so `http://…` and `C:\…` are not labels) and may be indented at most
 * three spaces. Work is bounded by the name and note limits, whatever the line.
 */
export function scanLabel(line: string): LabelShape | undefined {
  const colon = line.indexOf(':');
  if (colon < 0 || colon > MAX_COLON) return undefined;
  let i = skipBlanks(line, 0);
  const indent = i;
  const afterMarker = skipListMarker(line, i);
  const listItem = afterMarker !== i;
  i = afterMarker;
  const start = i;
  i = skipSymbols(line, i);
  const bold = line.startsWith('**', i) ? '**' : line.startsWith('__', i) ? '__' : undefined;
  if (bold) i = skipSymbols(line, i + 2);
  else if (indent > MAX_PLAIN_INDENT && !listItem) return undefined;

  const nameStart = i;
  const nameEnd = scanName(line, i);
  if (nameEnd === nameStart) return undefined;
  i = skipBlanks(line, nameEnd);

  let note: string | undefined;
  let close = noteEnd(line, i);
  if (close > 0) {
    note = line.slice(i + 1, close).trim();
    i = skipBlanks(line, close + 1);
  }

  if (bold) {
    if (line[i] === ':' && line.startsWith(bold, i + 1)) {
      i += 3;
    } else if (line.startsWith(bold, i)) {
      i = skipBlanks(line, i + 2);
      close = note === undefined ? noteEnd(line, i) : -1;
      if (close > 0) {
        note = line.slice(i + 1, close).trim();
        i = skipBlanks(line, close + 1);
      }
      if (line[i] !== ':') return undefined;
      i++;
    } else {
      return undefined;
    }
  } else {
    if (line[i] !== ':') return undefined;
    i++;
    if (i < line.length && !isBlank(line[i])) return undefined;
  }
  // The name is cut out only now: most lines with a colon are prose that failed one of the checks above.
  const written = line.slice(nameStart, nameEnd).trim();
  const name = written.includes('  ') || written.includes('\t') ? written.replace(/\s+/g, ' ') : written;
  return { name, ...(note !== undefined ? { note } : {}), bold: bold !== undefined, listItem, start, nameStart, rest: line.slice(skipBlanks(line, i)) };
}

/** The index of the `)` of a `(note)` starting at `i`, or -1 when there is none there. */
function noteEnd(line: string, i: number): number {
  if (line[i] !== '(') return -1;
  const close = line.indexOf(')', i + 1);
  if (close < 0 || close - i > MAX_NOTE || line.lastIndexOf('(', close) !== i) return -1;
  return close;
}

/** Names a file gives its speakers (front matter `speakers:`), lower-cased. */
export interface SpeakerNames {
  interviewer: string[];
  candidate: string[];
}

export interface SpeakerMeaning {
  speaker: Speaker;
  /** A one-letter label (`Q`, `A`, `I`, `C`): read only in a dialogue that starts with one (see `SpeakerTable`). */
  letter: boolean;
}

/** The canonical names, as the messages write them. */
export const CANONICAL_LABELS: Record<Speaker, string> = { interviewer: 'Interviewer', candidate: 'Candidate' };

const BUILT_IN = new Map<string, SpeakerMeaning>([
  ['interviewer', { speaker: 'interviewer', letter: false }],
  ['candidate', { speaker: 'candidate', letter: false }],
  ['interviewee', { speaker: 'candidate', letter: false }],
  ['you', { speaker: 'candidate', letter: false }],
  ['me', { speaker: 'candidate', letter: false }],
  ['q', { speaker: 'interviewer', letter: true }],
  ['i', { speaker: 'interviewer', letter: true }],
  ['a', { speaker: 'candidate', letter: true }],
  ['c', { speaker: 'candidate', letter: true }],
]);

/** The labels every file understands, lower-case, for messages and the importer. */
export const BUILT_IN_LABELS: readonly string[] = [...BUILT_IN.keys()];

/** The one-letter labels (Q/A, I/C), which a dialogue reads only if its first turn is written that way. */
export const LETTER_LABELS: readonly string[] = [...BUILT_IN].filter(([, meaning]) => meaning.letter).map(([name]) => name);

/**
 * `line` with the colon of each label at `offset` that `readable` accepts written as `&#58;`, which renders the
 * same: how generated files keep text that would otherwise read as a turn or as metadata.
 */
export function defuseLabels(line: string, offset: number, readable: (label: LabelShape) => boolean): string {
  let result = line;
  for (let label = scanLabel(result.slice(offset)); label && readable(label); label = scanLabel(result.slice(offset))) {
    const colon = result.lastIndexOf(':', result.length - label.rest.length - 1);
    result = `${result.slice(0, colon)}&#58;${result.slice(colon + 1)}`;
  }
  return result;
}

/** Names that always mean their own role: a file cannot give them to the other one. */
export const FIXED_NAMES: ReadonlyMap<string, Speaker> = new Map([['interviewer', 'interviewer'], ['candidate', 'candidate']]);

/** Typo suggestions only for names this long: `B` is one edit from `A`, `C`, `I` and `Q` at once. */
const MIN_TYPO_LENGTH = 4;

export type Guess =
  | { kind: 'speaker'; speaker: Speaker; label: string }
  /** Close to labels of both roles (`Interviewe`): reading it as either could turn one role into the other. */
  | { kind: 'ambiguous'; labels: string[] };

/**
 * What a written name means: the built-in labels (Interviewer, Candidate, Interviewee, You, Me, Q/A, I/C) and the
 * file's own names, which win over the built-in aliases but not over `Interviewer` and `Candidate` themselves.
 */
export class SpeakerTable {
  private readonly custom = new Map<string, SpeakerMeaning>();
  /** Written forms of the custom names, for suggestions. */
  private readonly customLabels: [string, Speaker][] = [];

  constructor(names?: SpeakerNames) {
    for (const speaker of ['interviewer', 'candidate'] as const) {
      for (const name of names?.[speaker] ?? []) {
        const key = normalizeName(name);
        this.custom.set(key, { speaker, letter: false });
        this.customLabels.push([name, speaker]);
      }
    }
  }

  /** The role of a name as written (any case, any blanks), or undefined for an unknown name. */
  meaning(name: string): SpeakerMeaning | undefined {
    return this.meaningOf(normalizeName(name));
  }

  /** The same for a name already normalized (`normalizeName`): the parser's path, once per label line. */
  meaningOf(key: string): SpeakerMeaning | undefined {
    return (this.custom.size > 0 ? this.custom.get(key) : undefined) ?? BUILT_IN.get(key);
  }

  /**
   * The role a misspelt name most likely means: only when every label at the smallest distance (within a third
   * of the name's length) means the same role; `ambiguous` when the closest labels disagree.
   */
  guess(name: string): Guess | undefined {
    const lower = normalizeName(name);
    if (lower.length < MIN_TYPO_LENGTH) return undefined;
    const limit = Math.max(1, Math.floor(lower.length / 3));
    const labels: [string, Speaker][] = [
      ...[...BUILT_IN].filter(([key]) => key.length >= MIN_TYPO_LENGTH).map(([key, meaning]): [string, Speaker] => [key[0].toUpperCase() + key.slice(1), meaning.speaker]),
      ...this.customLabels.filter(([label]) => label.length >= MIN_TYPO_LENGTH),
    ];
    let best = Infinity;
    let closest: [string, Speaker][] = [];
    for (const [label, speaker] of labels) {
      if (Math.abs(label.length - lower.length) > limit) continue;
      const distance = editDistance(lower, label.toLowerCase());
      if (distance > limit || distance > best) continue;
      if (distance < best) closest = [];
      best = distance;
      closest.push([label, speaker]);
    }
    if (closest.length === 0) return undefined;
    const roles = new Set(closest.map(([, speaker]) => speaker));
    if (roles.size > 1) return { kind: 'ambiguous', labels: closest.map(([label]) => label) };
    return { kind: 'speaker', speaker: closest[0][1], label: closest[0][0] };
  }
}

export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
