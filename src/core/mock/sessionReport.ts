/**
 * The session report: Markdown saved beside the session draft when the interview ends. Each stage's time against
 * its budget, then per question its time, the key-point checklist and the rubric from the user's review.
 *
 * The review comes in through `QuestionReview`, a small shape of its own so this module does not depend on how
 * the review feature stores its data: the host maps its review records onto it. Model text (follow-ups) is
 * written as plain text, and table cells are escaped, so nothing in the report becomes structure by accident.
 */
import * as l10n from '@vscode/l10n';
import { plural } from '../plural';
import type { KeyPointStatus } from '../interviewer/replies';
import { formatDuration, plainText, wordCount } from '../text';
import { activeMs, allQuestions, questionSpentMs, stageSpentMs, startedAtUtc, type MockSession, type SessionQuestion } from './session';
import { sectionLabel } from './sessionDraft';

/** What the report needs from the user's review of one question. */
export interface QuestionReview {
  /** Every key point with the status the user confirmed (a model's suggestion only once the user accepted it). */
  keyPoints: { text: string; status: KeyPointStatus }[];
  rubric?: { dimension: string; score: number; outOf?: number }[];
  /** The user's own rating of the answer (for example `Good`), if the review records one. */
  rating?: string;
}

export interface ReportInput {
  session: MockSession;
  /** Reviews by question key (`q1`, `q2`…); questions without one are reported as not reviewed. */
  reviews: ReadonlyMap<string, QuestionReview>;
  /** Time for the report's clocks; only matters for a session that has not ended. */
  now: number;
  /** When the session ran, for the subtitle, e.g. a local date and time; default: the start in UTC. */
  when?: string;
}

export function sessionReport({ session, reviews, now, when }: ReportInput): string {
  const questions = allQuestions(session);
  const reached = questions.filter((q) => q.startedAtMs !== undefined);
  const spent = activeMs(session, now);
  const budget = session.clock.budgetSeconds;
  const out = [
    `# ${l10n.t('Mock interview report: {0}', session.dialogue.title)}`,
    '',
    `*${when ?? startedAtUtc(session)} · ${l10n.t('{0} of {1} ({2})', formatDuration(spent / 1000), formatDuration(budget), difference(spent / 1000, budget))} · ${plural(l10n.t('{0} of {1, plural, one {# question} other {# questions}} reached', reached.length), reached.length, questions.length)}${session.ended ? '' : ` · ${l10n.t('still running')}`}*`,
    '',
    ...stageTable(session, now),
    `## ${l10n.t('Questions')}`,
    '',
  ];
  for (const question of reached) out.push(...questionPart(session, question, reviews.get(question.key), now));
  const notReached = questions.filter((q) => q.startedAtMs === undefined);
  if (notReached.length > 0) {
    out.push(`## ${l10n.t('Not reached')}`, '', ...notReached.map((q) => `- ${sectionLabel(q.key)} · ${q.prompt}`), '');
  }
  return out.join('\n');
}

function stageTable(session: MockSession, now: number): string[] {
  const rows = session.stages.map((stage, i) => {
    const name = cell(session.dialogue.staged ? `${i + 1}. ${stage.title}` : stage.title);
    if (stage.startedAtMs === undefined) return `| ${name} | – | ${formatDuration(stage.budgetSeconds)} | ${l10n.t('not reached')} |`;
    const seconds = stageSpentMs(session, stage, now) / 1000;
    return `| ${name} | ${formatDuration(seconds)} | ${formatDuration(stage.budgetSeconds)} | ${difference(seconds, stage.budgetSeconds)} |`;
  });
  const total = activeMs(session, now) / 1000;
  return [
    `## ${l10n.t('Time by stage')}`,
    '',
    `| ${l10n.t('Stage')} | ${l10n.t('Time')} | ${l10n.t('Budget')} | ${l10n.t('Against budget')} |`,
    '| --- | ---: | ---: | --- |',
    ...rows,
    `| **${l10n.t('Total')}** | ${formatDuration(total)} | ${formatDuration(session.clock.budgetSeconds)} | ${difference(total, session.clock.budgetSeconds)} |`,
    '',
  ];
}

function questionPart(session: MockSession, question: SessionQuestion, review: QuestionReview | undefined, now: number): string[] {
  const stage = session.stages.find((s) => s.questions.includes(question))!;
  const answers = [question.answer ?? '', ...question.followUps.map((f) => f.answer ?? '')];
  const words = answers.reduce((sum, answer) => sum + wordCount(answer), 0);
  const out = [
    `### ${sectionLabel(question.key)} · ${question.prompt}`,
    '',
    `*${stage.title} · ${l10n.t('{0} of {1}', formatDuration(questionSpentMs(session, question, now) / 1000), formatDuration(question.budgetSeconds))} · ${plural(l10n.t('{0, plural, one {# word} other {# words}}'), words)}*`,
    '',
  ];
  if (!review) {
    out.push(question.keyPoints.length > 0 ? l10n.t('Not reviewed yet. Key points to check:') : l10n.t('Not reviewed yet.'), '');
    if (question.keyPoints.length > 0) out.push(...question.keyPoints.map((point) => `- [ ] ${point}`), '');
  } else {
    out.push(...reviewPart(review));
  }
  if (question.followUps.length > 0) {
    out.push(l10n.t('Follow-ups asked:'), '', ...question.followUps.map((f) => `- ${sectionLabel(f.key)} · ${plainText(f.text)}`), '');
  }
  return out;
}

function reviewPart(review: QuestionReview): string[] {
  const out: string[] = [];
  if (review.rating) out.push(l10n.t('Your rating: {0}', review.rating), '');
  if (review.keyPoints.length > 0) {
    const count = (status: KeyPointStatus) => review.keyPoints.filter((p) => p.status === status).length;
    const partly = count('partly');
    out.push(partly > 0 ? l10n.t('Key points: {0} of {1} covered, {2} partly.', count('covered'), review.keyPoints.length, partly) : l10n.t('Key points: {0} of {1} covered.', count('covered'), review.keyPoints.length), '');
    out.push(...review.keyPoints.map((p) => (p.status === 'covered' ? `- [x] ${p.text}` : `- [ ] ${p.text} *(${p.status === 'partly' ? l10n.t('partly') : l10n.t('missed')})*`)), '');
  }
  if (review.rubric && review.rubric.length > 0) {
    out.push(`| ${l10n.t('Rubric')} | ${l10n.t('Score')} |`, '| --- | ---: |');
    out.push(...review.rubric.map((r) => `| ${cell(r.dimension)} | ${r.score}${r.outOf !== undefined ? ` / ${r.outOf}` : ''} |`), '');
  }
  return out;
}

/** `1:30 over`, `4:00 under`, `on time`. */
function difference(spentSeconds: number, budgetSeconds: number): string {
  const delta = Math.round(spentSeconds) - budgetSeconds;
  if (delta === 0) return l10n.t('on time');
  return delta > 0 ? l10n.t('{0} over', formatDuration(delta)) : l10n.t('{0} under', formatDuration(-delta));
}

/** Text for one table cell: one line, no cell separator. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}
