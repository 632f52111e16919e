/**
 * A session's transcript in the dialogue format (docs/dialogue-format.md), so a finished interview can be
 * replayed in the player or shared as a pack: the interviewer's prompts (the model's follow-ups included) and
 * the user's answers as candidate turns, stages as `###`, `kind: mock`.
 *
 * Answers and follow-ups are arbitrary text, so each turn is escaped to stay one turn when the parser reads it
 * back, while rendering the same: each turn is its own blockquote (a code block left open ends with it), a line
 * that would read as a label (`**Interviewer:**`, `**Time:**`…) gets its colon as `&#58;`, and a first character
 * that would make the parser strip quotes wrapping the whole turn is written as a character reference.
 */
import * as l10n from '@vscode/l10n';
import { plural } from '../plural';
import { stripQuotes, unwrapQuotes } from '../parser';
import { BUILT_IN_LABELS, defuseLabels, type LabelShape, normalizeName } from '../speakers';
import { slugify } from '../text';
import { allQuestions, startedAtUtc, type MockSession } from './session';

export interface TranscriptTurn {
  speaker: 'interviewer' | 'candidate';
  /** Markdown, escaped as described above: what the parser reads back as the turn's text. */
  text: string;
  stage: string;
}

export interface TranscriptOptions {
  /** When the session ran, for the title, e.g. a local date and time; default: the start in UTC. */
  when?: string;
}

/** What a question the user left empty shows as its answer. */
export function noAnswer(): string {
  return `*(${l10n.t('No answer written.')})*`;
}

/** Budgets above this are refused by the format (a `**Time:**` of more than six hours): such a line is left out. */
const MAX_TIME_SECONDS = 6 * 3600;

/** A stable id for the transcript's dialogue, so replays of it keep their own practice history. */
export function transcriptId(session: MockSession): string {
  const base = slugify(session.dialogue.id).replace(/[^\p{Ll}\p{Lo}\p{N}-]/gu, '-');
  // `2024-05-01 10:20 UTC` → `20240501-1020`
  return `${base}-session-${startedAtUtc(session).replace(/[-:]|UTC/g, '').trim().replace(' ', '-')}`;
}

/** The turns of the transcript in order: every question reached, its answer, then its follow-ups and theirs. */
export function transcriptTurns(session: MockSession): TranscriptTurn[] {
  return session.stages.flatMap((stage) =>
    stage.questions
      .filter((q) => q.startedAtMs !== undefined)
      .flatMap((q) => [
        { speaker: 'interviewer' as const, text: escapeTurnText(q.text), stage: stage.title },
        { speaker: 'candidate' as const, text: answerText(q.answer), stage: stage.title },
        ...q.followUps.flatMap((f) => [
          { speaker: 'interviewer' as const, text: escapeTurnText(f.text), stage: stage.title },
          { speaker: 'candidate' as const, text: answerText(f.answer), stage: stage.title },
        ]),
      ]),
  );
}

export function sessionTranscript(session: MockSession, options: TranscriptOptions = {}): string {
  const { dialogue } = session;
  const when = options.when ?? startedAtUtc(session);
  const reached = allQuestions(session).filter((q) => q.startedAtMs !== undefined).length;
  const out = [
    '---',
    'kind: mock',
    '---',
    '',
    // The `**Level:**`-style labels are the dialogue format's keys and stay as they are; the prose is the user's language.
    `# ${l10n.t('Mock interview sessions')}`,
    '',
    l10n.t('Transcripts of your own mock interviews. The candidate turns are your answers, not model answers.'),
    '',
    `## ${l10n.t('{0} (session of {1})', dialogue.title, when)}`,
    '',
    `- **Level:** ${dialogue.level}`,
    `- **Topic:** ${dialogue.topic}`,
    ...(dialogue.tags.length > 0 ? [`- **Tags:** ${dialogue.tags.join(', ')}`] : []),
    `- **Id:** ${transcriptId(session)}`,
    '',
    plural(l10n.t('Your answers to {0} of {1, plural, one {# question} other {# questions}} of "{2}", with the follow-ups you were asked.', reached, allQuestions(session).length, dialogue.title), reached, allQuestions(session).length),
    '',
  ];
  for (const stage of session.stages) {
    const questions = stage.questions.filter((q) => q.startedAtMs !== undefined);
    if (questions.length === 0) continue;
    out.push(`### ${stage.title}`, '');
    if (stage.budgetSeconds <= MAX_TIME_SECONDS) out.push(`**Time:** ${budgetText(stage.budgetSeconds)}`, '');
    for (const q of questions) {
      out.push(...turnLines('Interviewer', escapeTurnText(q.text)), ...turnLines('Candidate', answerText(q.answer)));
      out.push(`**Time:** ${budgetText(q.budgetSeconds)}`);
      if (q.keyPoints.length > 0) out.push('**Key points:**', ...q.keyPoints.map((point) => `- ${point}`));
      out.push('');
      for (const f of q.followUps) out.push(...turnLines('Interviewer', escapeTurnText(f.text)), ...turnLines('Candidate', answerText(f.answer)));
    }
  }
  return out.join('\n');
}

function answerText(answer: string | undefined): string {
  return escapeTurnText(answer ?? '') || noAnswer();
}

/** `8 min`, `7m 30s`, `45s`: durations the format's `**Time:**` reads back to the same seconds. */
function budgetText(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (rest === 0) return `${minutes} min`;
  return minutes > 0 ? `${minutes}m ${rest}s` : `${rest}s`;
}

/** A turn as its own blockquote followed by a blank line, which also ends any code block it left open. */
function turnLines(label: string, text: string): string[] {
  const lines = text.split('\n');
  // The first line goes beside the label, as in the library, unless it opens a code block: a fence there
  // would not be read as one.
  const inline = !FENCE.test(stripQuotes(lines[0], Infinity).rest);
  const first = inline ? [`> **${label}:** ${lines[0]}`] : [`> **${label}:**`, quoted(lines[0])];
  return [...first, ...lines.slice(1).map(quoted), ''];
}

/** A label the parser may act on: any bold one (speaker, metadata or a warning), and unbolded speaker labels. */
function readableLabel(label: LabelShape): boolean {
  return label.bold || BUILT_IN_LABELS.includes(normalizeName(label.name));
}

function quoted(line: string): string {
  return line === '' ? '>' : `> ${line}`;
}

/**
 * Turn text as it must be written to be read back as one turn with the same rendering: line endings normalised,
 * outer white space trimmed, NUL (which makes the parser refuse the file) replaced, labels outside code blocks
 * defused, and quotes wrapping the whole text kept. The fence rules mirror src/core/parser.ts; the round-trip
 * property test holds the two together. Where the parser sees a label that Markdown shows as code (an indented
 * code block, an inline code span over several lines, raw HTML) structure wins: it is escaped, and the `&#58;` shows.
 */
export function escapeTurnText(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n').replaceAll('\u0000', '\uFFFD').trim();
  if (normalised === '') return '';
  const lines = normalised.split('\n');
  const blocks = codeBlocks(lines);
  const inCode = new Set(blocks.flatMap((block) => range(block.open, block.end)));
  const escapedLines = lines.map((line, index) => (inCode.has(index) ? line : defuseLabels(line, line.length - stripQuotes(line, Infinity).rest.length, readableLabel)));
  for (const block of blocks) {
    // A line such as `` ``` x`` inside the block starts like its closing fence without closing it; the parser warns
    // about the labels after it. A fence longer than any such line renders the same and leaves nothing to warn about.
    const marker = block.longestInside >= block.marker.length ? block.marker[0].repeat(block.longestInside + 1) : block.marker;
    escapedLines[block.open] = lengthenFence(escapedLines[block.open], marker);
    // A code block the answer left open would run on to the end of the turn anyway; closing it says so, and keeps
    // the parser from warning that it hides the labels inside it. The closing fence is indented as the opening one:
    // in a list item (`- a` then `  ~~~`) one at the margin would end the list and open a second block.
    const closing = `${'> '.repeat(block.depth)}${' '.repeat(block.indent)}${marker}`;
    if (block.endsWith === 'text') escapedLines.push(closing);
    // One that its blockquote ends (`>```` then a line without `>`) is closed inside the quote, for the same reason.
    if (block.endsWith === 'quote') escapedLines[block.end - 1] += `\n${closing}`;
    if (block.endsWith === 'fence') escapedLines[block.end - 1] = lengthenFence(escapedLines[block.end - 1], marker);
  }
  const escaped = escapedLines.join('\n');
  if (unwrapQuotes(escaped) === escaped) return escaped;
  const first = String.fromCodePoint(escaped.codePointAt(0)!);
  return `&#${first.codePointAt(0)};${escaped.slice(first.length)}`;
}

interface CodeBlock {
  /** The index of its opening fence's line, and one past its last line (the closing fence's, if any). */
  open: number;
  end: number;
  /** How it ends: with a closing fence, with its blockquote, or with the text. */
  endsWith: 'fence' | 'quote' | 'text';
  marker: string;
  depth: number;
  /** The spaces before its opening fence (after any quote markers). */
  indent: number;
  /** The longest run of the marker's character that starts a line inside the block without closing it. */
  longestInside: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The fenced code blocks of `lines`, found as the parser finds them. */
function codeBlocks(lines: string[]): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let block: CodeBlock | undefined;
  lines.forEach((line, index) => {
    if (block) {
      const { depth, rest } = stripQuotes(line, block.depth);
      if (depth < block.depth) {
        Object.assign(block, { end: index, endsWith: 'quote' }); // this line is ordinary text again
        block = undefined;
      } else {
        const trimmed = rest.trimStart();
        if (trimmed.startsWith(block.marker)) {
          if (rest.trim().replace(/[`~]/g, '') === '') {
            Object.assign(block, { end: index + 1, endsWith: 'fence' });
            block = undefined;
          } else {
            block.longestInside = Math.max(block.longestInside, leadingRun(trimmed, block.marker[0]));
          }
        }
        return;
      }
    }
    const { depth, rest } = stripQuotes(line, Infinity);
    const opens = FENCE.exec(rest);
    if (opens) {
      block = { open: index, end: lines.length, endsWith: 'text', marker: opens[1], depth, indent: rest.length - rest.trimStart().length, longestInside: 0 };
      blocks.push(block);
    }
  });
  return blocks;
}

function leadingRun(text: string, char: string): number {
  let length = 0;
  while (text[length] === char) length++;
  return length;
}

/** `line` (an opening or closing fence) with its fence at least as long as `marker`. */
function lengthenFence(line: string, marker: string): string {
  const { rest } = stripQuotes(line, Infinity);
  const prefix = line.slice(0, line.length - rest.length);
  const indent = rest.length - rest.trimStart().length;
  const run = leadingRun(rest.slice(indent), rest[indent]);
  return run >= marker.length ? line : `${prefix}${rest.slice(0, indent)}${marker}${rest.slice(indent + run)}`;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
