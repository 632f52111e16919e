/**
 * Import: an interview transcript or notes, as people keep them, turned into a dialogue file in this project's format
 * (docs/dialogue-format.md). It reads what the parser reads (bold or plain labels, Q/A, I/C, emoji, list items,
 * blockquotes) and more that only transcripts have: names of people, timestamps such as `[0:40]` or `00:12:03`,
 * a name and a time alone on a line (`Dana  0:05`, as meeting tools export), WebVTT cues. Names become roles: the
 * ones the caller gives, the built-in labels, else a guess (see `assignRoles`). The file it writes keeps people's
 * names as labels and declares them in its `speakers:` front matter, so a wrong guess is fixed in one place.
 *
 * Pure and linear: one pass to find speaker lines, one to group them, one to write.
 */
import * as l10n from '@vscode/l10n';
import { isMetadataKey } from './metadata';
import type { Speaker } from './model';
import { stripQuotes } from './parser';
import { BUILT_IN_LABELS, CANONICAL_LABELS, defuseLabels, LETTER_LABELS, normalizeName, scanLabel, type SpeakerNames, SpeakerTable } from './speakers';

export interface TranscriptOptions {
  /** Title of the dialogue when the transcript has no heading of its own (the file's name, say). */
  title?: string;
  /** Names the user says belong to a role; they win over the built-in labels and every guess. */
  speakers?: Partial<SpeakerNames>;
}

export interface ImportedSpeaker {
  /** As first written in the transcript. */
  name: string;
  speaker: Speaker;
  /** `label`: a built-in label such as `Interviewer` or `Q`; `given`: from the options; `guessed`: see `assignRoles`. */
  how: 'label' | 'given' | 'guessed';
  turns: number;
}

export interface ImportedTranscript {
  /** The dialogue file. */
  markdown: string;
  /** Title of its first dialogue (the host names the new file after it). */
  title: string;
  /** Dialogues and turns written (0 when the transcript had no speaker lines). */
  dialogues: number;
  turns: number;
  speakers: ImportedSpeaker[];
}

export function defaultImportTitle(): string {
  return l10n.t('Imported interview');
}

/** A title from a file's name: `acme-onsite_2024.txt` → `Acme onsite 2024`; undefined when nothing is left. */
export function titleFromFileName(name: string): string | undefined {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim();
  return base ? base[0].toUpperCase() + base.slice(1) : undefined;
}

/** A line that may start a turn, before it is known whether its name is a speaker. */
interface SpeakerLine {
  /** The line as written (after blockquote markers and a timestamp), for when the name turns out not to be a speaker. */
  raw: string;
  name: string;
  note?: string;
  text: string;
  /** A timestamp or a name-and-time line marks it as a transcript's speaker line, whatever the name. */
  timed: boolean;
  /** Columns of list-marker indentation to remove from the lines that continue it. */
  indent: number;
}

type Line =
  /** `untimed`: the text when a leading bare timestamp (`10:30 …`) is kept, as in notes that are not a timed transcript. */
  | { kind: 'text'; text: string; untimed?: string }
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'speaker'; line: SpeakerLine }
  | { kind: 'skip' };

interface Turn {
  name: string;
  note?: string;
  lines: string[];
  indent: number;
}

interface Section {
  title?: string;
  intro: string[];
  /** Turns, and `###` stage headings between them. */
  items: (Turn | { stage: string })[];
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function importTranscript(source: string, options: TranscriptOptions = {}): ImportedTranscript {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lines = classify(text.split(/\r\n|\r|\n/));
  const table = new SpeakerTable({ interviewer: options.speakers?.interviewer ?? [], candidate: options.speakers?.candidate ?? [] });
  const accepted = acceptedNames(lines, table);
  const sections = group(lines, accepted);
  const roles = assignRoles(sections, table, options.speakers);
  const title = options.title?.trim() || defaultImportTitle();
  const written = write(sections, roles, title);
  return { ...written, speakers: [...roles.values()] };
}

/** Each line as text, a heading, a possible speaker line, or something a transcript tool added (timings). */
function classify(raw: readonly string[]): Line[] {
  const lines: Line[] = [];
  // The transcript's own blockquote depth, from its first speaker line: deeper quotes are part of the text.
  let baseDepth: number | undefined;
  let fence: string | undefined;
  for (let index = 0; index < raw.length; index++) {
    const original = raw[index];
    const { depth, rest: unquoted } = stripQuotes(original, baseDepth ?? Infinity);
    const fenceMatch = FENCE.exec(unquoted);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && unquoted.trim() === fenceMatch[1]) fence = undefined;
      lines.push({ kind: 'text', text: unquoted });
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      lines.push({ kind: 'text', text: unquoted });
      continue;
    }
    if (isCueTiming(unquoted) || (index === 0 && unquoted.startsWith('WEBVTT')) || (/^\d+$/.test(unquoted.trim()) && isCueTiming(raw[index + 1] ?? ''))) {
      lines.push({ kind: 'skip' });
      continue;
    }
    const heading = HEADING.exec(unquoted);
    if (heading && depth === 0) {
      lines.push({ kind: 'heading', level: heading[1].length, text: heading[2] });
      continue;
    }
    if (THEMATIC_BREAK.test(unquoted)) {
      lines.push({ kind: 'skip' });
      continue;
    }
    const timed = stripTimestamp(unquoted);
    if (timed.rest.trim() === '' && timed.found) {
      lines.push({ kind: 'skip' });
      continue;
    }
    const speaker = speakerLine(timed.rest, timed.found);
    if (speaker) {
      baseDepth ??= depth;
      lines.push({ kind: 'speaker', line: speaker });
    } else if (timed.found && !timed.bracketed) {
      lines.push({ kind: 'text', text: timed.rest, untimed: unquoted });
    } else {
      lines.push({ kind: 'text', text: timed.rest });
    }
  }
  return lines;
}

/** `Name: text` in any form the parser reads, `Name  0:05` alone on a line, or a WebVTT `<v Name>text`. */
function speakerLine(text: string, timed: boolean): SpeakerLine | undefined {
  const voice = /^<v(?:\.[\w.-]*)?[ \t]+([^>]{1,40})>(.*)$/.exec(text.trimStart());
  if (voice) return { raw: text, name: voice[1].trim(), text: voice[2].replace(/<\/v>\s*$/, '').trim(), timed: true, indent: 0 };
  const label = text.includes(':') ? scanLabel(text) : undefined;
  if (label) {
    const afterName = stripTimestamp(label.rest);
    const note = label.note !== undefined && !isTimestamp(label.note) ? { note: label.note } : {};
    return { raw: text, name: label.name, ...note, text: afterName.rest, timed: timed || afterName.found || label.note !== undefined && isTimestamp(label.note), indent: label.listItem ? label.start : 0 };
  }
  // A name and a time with nothing else: the text follows on the next lines.
  const trimmed = text.trim();
  const lastBlank = Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\t'));
  if (lastBlank > 0 && isTimestamp(trimmed.slice(lastBlank + 1).replace(/^[[(]|[\])]$/g, ''))) {
    const name = trimmed.slice(0, lastBlank).trim();
    const shape = scanLabel(`${name}:`);
    if (shape && shape.name === name.replace(/\s+/g, ' ') && !shape.bold) return { raw: text, name: shape.name, text: '', timed: true, indent: 0 };
  }
  return undefined;
}

/** Which names start turns: built-in and given ones always, others when they look like speakers of a transcript. */
function acceptedNames(lines: readonly Line[], table: SpeakerTable): Set<string> {
  const counts = new Map<string, { count: number; timed: boolean }>();
  let letterStyle: boolean | undefined;
  for (const line of lines) {
    if (line.kind !== 'speaker') continue;
    const key = normalizeName(line.line.name);
    const meaning = table.meaning(key);
    if (meaning) letterStyle ??= meaning.letter;
    const entry = counts.get(key) ?? { count: 0, timed: false };
    entry.count++;
    entry.timed ||= line.line.timed;
    counts.set(key, entry);
  }
  const accepted = new Set<string>();
  const unknown: string[] = [];
  for (const [key, { count, timed }] of counts) {
    const meaning = table.meaning(key);
    if (meaning) {
      // As in the parser: one-letter labels only when the transcript starts with one, so `A: …` in prose stays text.
      if (!meaning.letter || letterStyle) accepted.add(key);
    } else if (!isMetadataKey(key) && key !== 'key points') {
      unknown.push(key);
      if (count > 1 || timed) accepted.add(key);
    }
  }
  // Two people who speak once each are still a transcript.
  if (accepted.size === 0) for (const key of unknown) accepted.add(key);
  return accepted;
}

/** Sections (at `#`/`##` headings) of intro text and turns; anything before the first turn is intro. */
function group(lines: readonly Line[], accepted: ReadonlySet<string>): Section[] {
  const sections: Section[] = [{ intro: [], items: [] }];
  let turn: Turn | undefined;
  // A bare time at the start of a text line is a timestamp only in a transcript whose speaker lines have times.
  const timedTranscript = lines.some((line) => line.kind === 'speaker' && line.line.timed && accepted.has(normalizeName(line.line.name)));
  for (const line of lines) {
    const section = sections[sections.length - 1];
    if (line.kind === 'skip') continue;
    if (line.kind === 'heading' && line.level <= 2) {
      turn = undefined;
      sections.push({ title: line.text, intro: [], items: [] });
    } else if (line.kind === 'heading' && line.level === 3) {
      turn = undefined;
      section.items.push({ stage: line.text });
    } else if (line.kind === 'speaker' && accepted.has(normalizeName(line.line.name))) {
      const { name, note, text, indent } = line.line;
      turn = { name, ...(note !== undefined ? { note } : {}), lines: text === '' ? [] : [text], indent };
      section.items.push(turn);
    } else {
      const content = line.kind === 'heading' ? `${'#'.repeat(line.level)} ${line.text}` : line.kind === 'speaker' ? line.line.raw : timedTranscript ? line.text : (line.untimed ?? line.text);
      if (turn) turn.lines.push(dedent(content, turn.indent));
      else section.intro.push(content);
    }
  }
  return sections;
}

function dedent(text: string, columns: number): string {
  let i = 0;
  while (i < columns && text[i] === ' ') i++;
  return text.slice(i);
}

/**
 * Roles for every name that speaks: those given, then the built-in labels; the others are guessed. When the known
 * names cover one role, every other name has the other one. Otherwise the name that asks the fewest questions (the
 * smallest share of its turns with a `?`; on a tie, the one who says more, then the one who speaks later) is the
 * candidate and the others are interviewers, as in a panel.
 */
function assignRoles(sections: readonly Section[], table: SpeakerTable, given: Partial<SpeakerNames> | undefined): Map<string, ImportedSpeaker> {
  const stats = new Map<string, { name: string; turns: number; questions: number; words: number; first: number }>();
  let order = 0;
  for (const section of sections) {
    for (const item of section.items) {
      if ('stage' in item) continue;
      const key = normalizeName(item.name);
      const text = item.lines.join(' ');
      const entry = stats.get(key) ?? { name: item.name, turns: 0, questions: 0, words: 0, first: order++ };
      entry.turns++;
      if (text.includes('?')) entry.questions++;
      entry.words += text.split(/\s+/).filter(Boolean).length;
      stats.set(key, entry);
    }
  }
  const givenKeys = new Set([...(given?.interviewer ?? []), ...(given?.candidate ?? [])].map(normalizeName));
  const roles = new Map<string, ImportedSpeaker>();
  const unknown: string[] = [];
  for (const [key, entry] of stats) {
    const meaning = table.meaning(key);
    if (meaning) roles.set(key, { name: entry.name, speaker: meaning.speaker, how: givenKeys.has(key) ? 'given' : 'label', turns: entry.turns });
    else unknown.push(key);
  }
  const known = new Set([...roles.values()].map((r) => r.speaker));
  const guess = (key: string, speaker: Speaker) => roles.set(key, { name: stats.get(key)!.name, speaker, how: 'guessed', turns: stats.get(key)!.turns });
  if (known.size === 1) {
    const other: Speaker = known.has('interviewer') ? 'candidate' : 'interviewer';
    for (const key of unknown) guess(key, other);
  } else if (unknown.length > 0) {
    const share = (key: string) => stats.get(key)!.questions / stats.get(key)!.turns;
    const candidate = [...unknown].sort((a, b) => share(a) - share(b) || stats.get(b)!.words - stats.get(a)!.words || stats.get(b)!.first - stats.get(a)!.first)[0];
    const alone = unknown.length === 1 && known.size === 0;
    for (const key of unknown) guess(key, key === candidate && !(alone && share(key) >= 0.5) ? 'candidate' : 'interviewer');
  }
  return roles;
}

/** The dialogue file: front matter naming the people, then one `##` dialogue per section that has turns. */
function write(sections: readonly Section[], roles: ReadonlyMap<string, ImportedSpeaker>, fallbackTitle: string): Omit<ImportedTranscript, 'speakers'> {
  const custom: SpeakerNames = { interviewer: [], candidate: [] };
  for (const [key, role] of roles) if (!BUILT_IN_NAMES.has(key)) custom[role.speaker].push(role.name);

  const out: string[] = [];
  if (custom.interviewer.length + custom.candidate.length > 0) {
    out.push('---', 'speakers:');
    for (const speaker of ['interviewer', 'candidate'] as const) {
      if (custom[speaker].length > 0) out.push(`  ${speaker}: [${custom[speaker].map((name) => JSON.stringify(name)).join(', ')}]`);
    }
    out.push('---', '');
  }
  // Before a dialogue's first turn the parser reads every speaker label; after it (always written with a whole
  // name here) no one-letter label.
  const speakers = new Set([...BUILT_IN_NAMES, ...roles.keys()]);
  const wholeNames = new Set([...speakers].filter((name) => !LETTER_LABELS.includes(name)));
  let carried: string[] = [];
  let dialogues = 0;
  let turns = 0;
  let firstTitle: string | undefined;
  for (const section of sections) {
    const sectionTurns = section.items.filter((item): item is Turn => !('stage' in item) && item.lines.some(hasText));
    if (sectionTurns.length === 0) {
      // A heading without turns (the transcript's own title, say) and its text go to the next dialogue's intro.
      carried = [...carried, ...(section.title ? [section.title, ''] : []), ...section.intro];
      continue;
    }
    const title = (section.title ?? '').replace(/^\d{1,4}[.)]\s+/, '').trim() || fallbackTitle;
    firstTitle ??= title;
    dialogues++;
    out.push(`## ${title}`, '');
    const intro = trimBlankLines([...carried, ...section.intro]).map((line) => escapeLine(line, speakers));
    carried = [];
    if (intro.length > 0) out.push(...intro, '');
    for (const item of section.items) {
      if ('stage' in item) {
        out.push(`### ${item.stage}`, '');
        continue;
      }
      const body = trimBlankLines(item.lines);
      if (!body.some(hasText)) continue;
      turns++;
      const role = roles.get(normalizeName(item.name))!;
      const name = BUILT_IN_NAMES.has(normalizeName(item.name)) ? CANONICAL_LABELS[role.speaker] : role.name;
      out.push(`**${name}${item.note ? ` (${item.note})` : ''}:** ${body[0]}`.trimEnd(), ...body.slice(1).map((line) => escapeLine(line, wholeNames)), '');
    }
  }
  return { markdown: `${out.join('\n').trimEnd()}\n`, title: firstTitle ?? fallbackTitle, dialogues, turns };
}

const BUILT_IN_NAMES = new Set(BUILT_IN_LABELS);

/**
 * A text line the parser would read as metadata or as a turn, at any quote depth, stays text: a metadata label
 * (`**Time:** …`) keeps its asterisks as text, a speaker label's colon is written `&#58;` (rendered the same).
 */
function escapeLine(line: string, speakers: ReadonlySet<string>): string {
  const { rest } = stripQuotes(line, Infinity);
  const offset = line.length - rest.length;
  const label = rest.includes(':') ? scanLabel(rest) : undefined;
  if (!label) return line;
  const name = normalizeName(label.name);
  if (label.bold && (isMetadataKey(name) || name === 'key points')) return `${line.slice(0, offset + label.start)}\\${line.slice(offset + label.start)}`;
  return defuseLabels(line, offset, (found) => speakers.has(normalizeName(found.name)));
}

function hasText(line: string): boolean {
  return line.trim() !== '';
}

function trimBlankLines(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && !hasText(lines[start])) start++;
  while (end > start && !hasText(lines[end - 1])) end--;
  return lines.slice(start, end);
}

/** `0:40`, `12:03`, `00:12:03`, `00:12:03.120`, `1:02:03,5`. */
function isTimestamp(text: string): boolean {
  return /^\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?$/.test(text);
}

/** `00:00:01.000 --> 00:00:04.000`, a WebVTT or SRT cue timing. */
function isCueTiming(line: string): boolean {
  return /^\s*[\d:.,]{4,15}\s+-->\s+[\d:.,]{4,15}/.test(line);
}

/** A leading timestamp (`[0:40]`, `(00:12:03)`, `00:12:03 -`) and the blanks or dash after it. */
function stripTimestamp(line: string): { rest: string; found: boolean; bracketed: boolean } {
  const match = /^[ \t]*([[(]?)(\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)([\])]?)(?:[ \t]*[-–—|][ \t]+|[ \t]+|$)/.exec(line);
  if (!match || (match[1] === '[' && match[3] !== ']') || (match[1] === '(' && match[3] !== ')') || (match[1] === '' && match[3] !== '')) {
    return { rest: line, found: false, bracketed: false };
  }
  return { rest: line.slice(match[0].length), found: true, bracketed: match[1] !== '' };
}
