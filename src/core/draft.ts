/** The Markdown a draft answer starts from, and how much of a draft the user actually wrote. */
import * as l10n from '@vscode/l10n';
import type { Dialogue, Question } from './model';
import { formatDuration, plainText, slugify, truncate, wordCount } from './text';
import { isDesignTopic } from './topics';

function designOutline(): string[] {
  return [
    l10n.t('Requirements (functional, non-functional, scale estimates)'),
    l10n.t('API'),
    l10n.t('Data model'),
    l10n.t('High-level design'),
    l10n.t('Bottlenecks and scaling'),
    l10n.t('Trade-offs'),
    l10n.t('Failure modes'),
  ];
}

const OUTLINE_MIN_SECONDS = 15 * 60;

export function isDesignQuestion(dialogue: Dialogue): boolean {
  return dialogue.kind === 'mock' || isDesignTopic(dialogue.topic, dialogue.title);
}

/** A whole design question (not a 5-minute follow-up): it gets the design outline and the design rubric. */
export function isFullDesignQuestion(dialogue: Dialogue, budgetSeconds: number): boolean {
  return isDesignQuestion(dialogue) && budgetSeconds >= OUTLINE_MIN_SECONDS;
}

export interface BudgetDefaults {
  designBudgetSeconds: number;
  otherBudgetSeconds: number;
}

/** A question's answer budget: its own, else its dialogue's or file's, else the default for its kind. */
export function budgetOf(dialogue: Dialogue, question: Question, defaults: BudgetDefaults): number {
  return question.budgetSeconds ?? (isDesignQuestion(dialogue) ? defaults.designBudgetSeconds : defaults.otherBudgetSeconds);
}

export function draftTemplate(dialogue: Dialogue, question: Question, budgetSeconds: number): string {
  const lines = [
    `# ${question.prompt}`,
    '',
    `*${dialogue.title} · ${dialogue.topic} · ${l10n.t('{0} to answer', formatDuration(budgetSeconds))}*`,
    '',
  ];
  // The outline fits a full design question; a 5-minute follow-up in a design dialogue gets a plain answer.
  if (isFullDesignQuestion(dialogue, budgetSeconds)) {
    for (const heading of designOutline()) lines.push(`## ${heading}`, '', '');
  } else {
    lines.push(`## ${l10n.t('Your answer')}`, '', '');
  }
  return lines.join('\n');
}

/** The 0-based line where the user starts writing: under the template's first `##` heading. */
export function answerStartLine(template: string): number {
  const lines = template.split('\n');
  const heading = lines.findIndex((line) => line.startsWith('## '));
  return heading >= 0 ? heading + 1 : lines.length - 1;
}

/** A file name that sorts by time and says which question it answers. */
export function draftFileName(question: Question, startedAt: number, copy?: number): string {
  const stamp = new Date(startedAt).toISOString().replace(/[:]/g, '-').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${truncate(slugify(question.prompt), 48).replace(/…$/, '')}${copy ? `-${copy}` : ''}.md`;
}

/** Words the user wrote: lines of the template left as they were are not counted. */
export function writtenWords(draft: string, template: string): number {
  const templateLines = new Set(template.split('\n').map((line) => line.trim()).filter(Boolean));
  return draft
    .split(/\r?\n/)
    .filter((line) => !templateLines.has(line.trim()))
    .reduce((sum, line) => sum + wordCount(line), 0);
}

/**
 * What the user wrote, for showing beside the model answer: the draft without its title and meta lines (the review
 * shows the question itself) and without headings of the outline left empty.
 */
export function writtenAnswer(draft: string): string {
  const lines = draft.split(/\r?\n/);
  let start = 0;
  while (start < lines.length && lines[start].trim() === '') start++;
  if (lines[start]?.startsWith('# ')) start++;
  while (start < lines.length && lines[start].trim() === '') start++;
  if (/^\*[^*].*\*$/.test(lines[start]?.trim() ?? '')) start++;
  const body = lines.slice(start);
  const kept: string[] = [];
  const level = (line: string | undefined) => /^(#{1,6}) /.exec(line ?? '')?.[1].length;
  body.forEach((line, i) => {
    const own = level(line);
    if (own !== undefined && own >= 2) {
      // Empty when nothing follows before a heading of the same or a higher level (a deeper one may hold text).
      const next = body.slice(i + 1).find((l) => l.trim() !== '');
      const nextLevel = level(next);
      if (next === undefined || (nextLevel !== undefined && nextLevel <= own)) return;
    }
    kept.push(line);
  });
  return kept.join('\n').trim();
}

/**
 * The section added to a single answer's draft when the interviewer asks a follow-up: the question as a quote
 * (plain text: it is the model's) under a heading, and room to answer below it.
 */
/** The heading stays English in every language: `askedFollowUps` reads it back from the file. */
export function followUpDraftSection(followUp: string, number: number): string {
  return ['', `## Follow-up ${number}`, '', `> ${plainText(followUp)}`, '', '', ''].join('\n');
}

/** The follow-ups already added to a single answer's draft (`followUpDraftSection`), oldest first. */
export function askedFollowUps(draft: string): string[] {
  return [...draft.matchAll(/^## Follow-up \d+[ \t]*\r?\n(?:[ \t]*\r?\n)*> (.*)$/gm)].map((match) => match[1].trim());
}
