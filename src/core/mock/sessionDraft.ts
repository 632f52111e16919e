/**
 * The session draft: one Markdown file with a section per question (and per follow-up), and the way back from
 * the user's edited file to one answer per question.
 *
 * Sections appear as the interview reaches them (the host appends `questionSection`/`followUpSection` to the
 * file), so the draft never shows a question before the player does. Each section starts with a heading whose
 * label (`## Q2 · …`, `## Q2.1 · …` for a follow-up) is what ties it to its question: users may rewrite the rest
 * of the heading, change its level, write `Question 2` or remove the label but keep the prompt's words. Headings
 * that match no question are the user's own sub-headings and stay inside the answer.
 */
import * as l10n from '@vscode/l10n';
import { plural } from '../plural';
import { formatDuration, plainText, truncatedHead } from '../text';
import type { MockSession, SessionFollowUp, SessionQuestion } from './session';

const HEADING_PROMPT_LENGTH = 72;

/** `q2` → `Q2`, `q2.1` → `Q2.1`: the label a section heading starts with. */
export function sectionLabel(key: string): string {
  return key.toUpperCase();
}

export function sessionDraftHeader(session: MockSession): string {
  const { title, staged } = session.dialogue;
  const stages = session.stages.length;
  const total = formatDuration(session.clock.budgetSeconds);
  return [
    `# ${l10n.t('Mock interview: {0}', title)}`,
    '',
    `*${staged ? plural(l10n.t('{0, plural, one {# stage} other {# stages}} · {1} in all. Each question appears below when the interviewer asks it.', stages, total), stages) : l10n.t('{0} in all. Each question appears below when the interviewer asks it.', total)}*`,
    '',
    `*${l10n.t('Write each answer under its heading. Keep the `Q1`, `Q2`… at the start of the headings: they tie your answers to the questions.')}*`,
    '',
  ].join('\n');
}

/** The section the host appends when the interview reaches a question. */
export function questionSection(session: MockSession, question: SessionQuestion): string {
  const stageIndex = session.stages.findIndex((stage) => stage.questions.some((q) => q.key === question.key));
  const stage = session.stages[stageIndex];
  const budget = formatDuration(question.budgetSeconds);
  const meta = session.dialogue.staged && stage ? l10n.t('Stage {0}: {1} · {2} to answer', stageIndex + 1, stage.title, budget) : l10n.t('{0} to answer', budget);
  return section(question.key, question.prompt, `*${meta}*`);
}

/** The section the host appends when a follow-up was asked (the model's text becomes plain text on one line). */
export function followUpSection(followUp: SessionFollowUp): string {
  const parent = sectionLabel(followUp.key.replace(/\.\d+$/, ''));
  return section(followUp.key, plainText(followUp.text) || l10n.t('Follow-up'), `*${l10n.t('Follow-up on {0}', parent)}*`);
}

function section(key: string, prompt: string, meta: string): string {
  const heading = shortened(prompt);
  const lines = ['', `## ${sectionLabel(key)} · ${heading}`, '', meta, ''];
  // The heading shows the whole prompt unless it was cut: then the full prompt follows as a quote.
  if (heading !== prompt) lines.push(`> ${prompt}`, '');
  lines.push('', '');
  return lines.join('\n');
}

/** The prompt cut at a word boundary to fit a heading. */
function shortened(prompt: string): string {
  if (prompt.length <= HEADING_PROMPT_LENGTH) return prompt;
  const head = truncatedHead(prompt, HEADING_PROMPT_LENGTH);
  const space = head.lastIndexOf(' ');
  return `${space > HEADING_PROMPT_LENGTH / 2 ? head.slice(0, space).replace(/[\s,;:]+$/, '') : head}…`;
}

/** The whole draft for the questions reached so far: what the file holds, or would, had nothing been edited. */
export function sessionDraftTemplate(session: MockSession): string {
  return sessionDraftHeader(session) + reachedSections(session).map((s) => s.text).join('');
}

interface ExpectedSection {
  key: string;
  text: string;
  /** Words of the prompt, normalised, for matching a heading whose label was removed. */
  promptWords: string;
}

function reachedSections(session: MockSession): ExpectedSection[] {
  return session.stages.flatMap((stage) =>
    stage.questions
      .filter((q) => q.startedAtMs !== undefined)
      .flatMap((q) => [
        { key: q.key, text: questionSection(session, q), promptWords: words(q.prompt) },
        ...q.followUps.map((f) => ({ key: f.key, text: followUpSection(f), promptWords: words(plainText(f.text)) })),
      ]),
  );
}

export interface DraftSplit {
  /** Each answer by question or follow-up key; a key whose section was not found is absent (not ''). */
  answers: Map<string, string>;
  /** Text above the first section that the template did not put there (notes, say), or ''. */
  preamble: string;
  /** Plain sentences for the user, each saying what to do. */
  problems: string[];
}

/** `## Q2 · …`, `### q2.1`, `## Question 2: …`, `## Q2 follow-up 1`. Groups: question number, follow-up number. */
const LABELLED_HEADING = /^ {0,3}#{1,6}[ \t]+(?:[*_`]+[ \t]*)?(?:q|question)[ \t]*(\d{1,4})(?:[ \t]*\.[ \t]*(\d{1,3})|[ \t]*(?:[-–—][ \t]*)?follow[- ]?up[ \t]*(\d{1,3}))?(?!\d)/i;
const HEADING = /^ {0,3}#{1,6}[ \t]+(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A heading without its label matches a question by the start of its prompt: at least this many characters. */
const MIN_PROMPT_MATCH = 12;

/**
 * Splits the user's session draft into one answer per reached question and follow-up. Never throws and never
 * drops text: what belongs to no section is the preamble, a section found twice is joined, and each oddity is
 * reported in `problems`.
 */
export function splitSessionDraft(draft: string, session: MockSession): DraftSplit {
  const expected = reachedSections(session);
  const byKey = new Map(expected.map((s) => [s.key, s]));
  const lines = draft.split(/\r?\n/);
  const headings = headingLines(lines);
  const labelled = new Map<number, string>();
  for (const index of headings) {
    const key = labelledKey(lines[index]);
    if (key && byKey.has(key)) labelled.set(index, key);
  }
  // A heading without its label is matched by the prompt's words, only for sections whose label is nowhere:
  // so a sub-heading of the user's that happens to start like a later prompt is not mistaken for it.
  const unlabelled = expected.filter((s) => ![...labelled.values()].includes(s.key));

  const parts: { key: string | undefined; lines: string[] }[] = [{ key: undefined, lines: [] }];
  const seen = new Set<string>();
  const problems: string[] = [];
  lines.forEach((line, index) => {
    const key = labelled.get(index) ?? (headings.has(index) ? promptKey(line, unlabelled, seen) : undefined);
    if (!key) {
      parts[parts.length - 1].lines.push(line);
      return;
    }
    if (seen.has(key)) problems.push(l10n.t('There are two {0} headings; the answers under both were joined. Remove one heading if that is not what you meant.', sectionLabel(key)));
    seen.add(key);
    parts.push({ key, lines: [] });
  });

  const answers = new Map<string, string>();
  for (const part of parts.slice(1)) {
    const text = withoutTemplateLines(part.lines, byKey.get(part.key!)!.text);
    const previous = answers.get(part.key!);
    answers.set(part.key!, previous ? (text ? `${previous}\n\n${text}` : previous) : text);
  }
  for (const { key } of expected) {
    if (!seen.has(key)) problems.push(l10n.t('The heading for {0} was not found, so its answer may be counted under another question. Put back a heading starting with `## {0}` above it.', sectionLabel(key)));
  }
  const preamble = withoutTemplateLines(parts[0].lines, sessionDraftHeader(session));
  return { answers, preamble, problems };
}

/**
 * Indexes of the heading lines that are not inside a code block. A fence that is never closed opens no block
 * (as in the dialogue parser), so one stray ``` cannot hide every later section.
 */
function headingLines(lines: readonly string[]): Set<number> {
  const closable = closableFences(lines);
  const found = new Set<number>();
  let fence: string | undefined;
  lines.forEach((line, index) => {
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && closes(line, marker, fence)) fence = undefined;
    } else if (marker && closable.has(index)) {
      fence = marker;
    } else if (HEADING.test(line)) {
      found.add(index);
    }
  });
  return found;
}

function closes(line: string, marker: string, fence: string): boolean {
  return marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker;
}

/** Lines that open a fence some later line could close; one backward pass, so it stays linear. */
function closableFences(lines: readonly string[]): Set<number> {
  const closable = new Set<number>();
  const longestBelow: Record<string, number> = { '`': 0, '~': 0 };
  for (let index = lines.length - 1; index >= 0; index--) {
    const marker = FENCE.exec(lines[index])?.[1];
    if (!marker) continue;
    if (longestBelow[marker[0]] >= marker.length) closable.add(index);
    if (lines[index].trim() === marker) longestBelow[marker[0]] = Math.max(longestBelow[marker[0]], marker.length);
  }
  return closable;
}

/** `q2` or `q2.1` from a heading that starts with a section label, else undefined. */
function labelledKey(line: string): string | undefined {
  const match = LABELLED_HEADING.exec(line);
  if (!match) return undefined;
  const followUp = match[2] ?? match[3];
  return `q${Number(match[1])}${followUp ? `.${Number(followUp)}` : ''}`;
}

/** The first unseen section whose prompt starts with the heading's words (a heading holds the prompt's start). */
function promptKey(line: string, candidates: ExpectedSection[], seen: Set<string>): string | undefined {
  const text = words((HEADING.exec(line)?.[1] ?? '').replace(/…\s*$/, ''));
  if (text.length < MIN_PROMPT_MATCH) return undefined;
  return candidates.find((s) => !seen.has(s.key) && (s.promptWords.startsWith(text) || text.startsWith(s.promptWords)))?.key;
}

/** Lower-case letters and digits with single spaces: what survives small edits to punctuation and spacing. */
function words(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The user's own lines: the template's non-blank lines removed where left as they were, outer blank lines trimmed. */
function withoutTemplateLines(lines: string[], template: string): string {
  const templateLines = new Set(template.split('\n').map((l) => l.trim()).filter(Boolean));
  const own = lines.filter((line) => line.trim() === '' || !templateLines.has(line.trim()));
  return own.join('\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

/** The first line of every session draft (`sessionDraftHeader`): how a draft file is known as one. */
const SESSION_DRAFT_TITLE = /^\s*# Mock interview: /;
/** The line under a section heading that the template writes (`*Stage 1: … · 5 min to answer*`, `*Follow-up on Q2*`). */
const SECTION_META = /^\*(?:.* to answer|Follow-up on Q\d+)\*$/;

/**
 * One question's part of a session draft, follow-ups included, for the review of its attempt (every attempt of a
 * session points at the one draft file). Found by the prompt's words in the section heading, since the attempt
 * keeps the prompt, not the session. Undefined when `draft` is not a session draft or has no section for `prompt`.
 */
export function sessionDraftAnswer(draft: string, prompt: string): string | undefined {
  if (!SESSION_DRAFT_TITLE.test(draft)) return undefined;
  const lines = draft.split(/\r?\n/);
  const target = words(prompt);
  const questionOf = (index: number) => {
    const match = LABELLED_HEADING.exec(lines[index]);
    return match ? { number: match[1], followUp: match[2] !== undefined || match[3] !== undefined, rest: lines[index].slice(match[0].length) } : undefined;
  };
  const headings = [...headingLines(lines)].sort((a, b) => a - b);
  const start = headings.find((index) => {
    const found = questionOf(index);
    const heading = found && !found.followUp ? words(found.rest.replace(/…\s*$/, '')) : '';
    return heading.length > 0 && (target === heading || (heading.length >= MIN_PROMPT_MATCH && target.startsWith(heading)));
  });
  if (start === undefined) return undefined;
  const number = questionOf(start)!.number;
  const end = headings.find((index) => index > start && questionOf(index) !== undefined && questionOf(index)!.number !== number) ?? lines.length;
  const body = lines.slice(start + 1, end).filter((line) => !SECTION_META.test(line.trim()) && line.trim() !== `> ${prompt}`);
  return body.join('\n').trim();
}
