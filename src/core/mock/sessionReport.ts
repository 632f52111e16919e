/**
 * The session report: Markdown saved beside the session draft when the interview ends. Each stage's time against
 * its budget, then per question its time, the key-point checklist and the rubric from the user's review.
 *
 * The review comes in through `QuestionReview`, a small shape of its own so this module does not depend on how
 * the review feature stores its data: the host maps its review records onto it. Model text (follow-ups) is
 * written as plain text, and table cells are escaped, so nothing in the report becomes structure by accident.
 */
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
    `# Mock interview report: ${session.dialogue.title}`,
    '',
    `*${when ?? startedAtUtc(session)} · ${formatDuration(spent / 1000)} of ${formatDuration(budget)} (${difference(spent / 1000, budget)}) · ${reached.length} of ${questions.length} questions reached${session.ended ? '' : ' · still running'}*`,
    '',
    ...stageTable(session, now),
    '## Questions',
    '',
  ];
  for (const question of reached) out.push(...questionPart(session, question, reviews.get(question.key), now));
  const notReached = questions.filter((q) => q.startedAtMs === undefined);
  if (notReached.length > 0) {
    out.push('## Not reached', '', ...notReached.map((q) => `- ${sectionLabel(q.key)} · ${q.prompt}`), '');
  }
  return out.join('\n');
}

function stageTable(session: MockSession, now: number): string[] {
  const rows = session.stages.map((stage, i) => {
    const name = cell(session.dialogue.staged ? `${i + 1}. ${stage.title}` : stage.title);
    if (stage.startedAtMs === undefined) return `| ${name} | – | ${formatDuration(stage.budgetSeconds)} | not reached |`;
    const seconds = stageSpentMs(session, stage, now) / 1000;
    return `| ${name} | ${formatDuration(seconds)} | ${formatDuration(stage.budgetSeconds)} | ${difference(seconds, stage.budgetSeconds)} |`;
  });
  const total = activeMs(session, now) / 1000;
  return [
    '## Time by stage',
    '',
    '| Stage | Time | Budget | Against budget |',
    '| --- | ---: | ---: | --- |',
    ...rows,
    `| **Total** | ${formatDuration(total)} | ${formatDuration(session.clock.budgetSeconds)} | ${difference(total, session.clock.budgetSeconds)} |`,
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
    `*${stage.title} · ${formatDuration(questionSpentMs(session, question, now) / 1000)} of ${formatDuration(question.budgetSeconds)} · ${words} ${words === 1 ? 'word' : 'words'}*`,
    '',
  ];
  if (!review) {
    out.push(question.keyPoints.length > 0 ? 'Not reviewed yet. Key points to check:' : 'Not reviewed yet.', '');
    if (question.keyPoints.length > 0) out.push(...question.keyPoints.map((point) => `- [ ] ${point}`), '');
  } else {
    out.push(...reviewPart(review));
  }
  if (question.followUps.length > 0) {
    out.push('Follow-ups asked:', '', ...question.followUps.map((f) => `- ${sectionLabel(f.key)} · ${plainText(f.text)}`), '');
  }
  return out;
}

function reviewPart(review: QuestionReview): string[] {
  const out: string[] = [];
  if (review.rating) out.push(`Your rating: ${review.rating}`, '');
  if (review.keyPoints.length > 0) {
    const count = (status: KeyPointStatus) => review.keyPoints.filter((p) => p.status === status).length;
    const partly = count('partly');
    out.push(`Key points: ${count('covered')} of ${review.keyPoints.length} covered${partly > 0 ? `, ${partly} partly` : ''}.`, '');
    out.push(...review.keyPoints.map((p) => (p.status === 'covered' ? `- [x] ${p.text}` : `- [ ] ${p.text} *(${p.status})*`)), '');
  }
  if (review.rubric && review.rubric.length > 0) {
    out.push('| Rubric | Score |', '| --- | ---: |');
    out.push(...review.rubric.map((r) => `| ${cell(r.dimension)} | ${r.score}${r.outOf !== undefined ? ` / ${r.outOf}` : ''} |`), '');
  }
  return out;
}

/** `1:30 over`, `4:00 under`, `on time`. */
function difference(spentSeconds: number, budgetSeconds: number): string {
  const delta = Math.round(spentSeconds) - budgetSeconds;
  if (delta === 0) return 'on time';
  return `${formatDuration(Math.abs(delta))} ${delta > 0 ? 'over' : 'under'}`;
}

/** Text for one table cell: one line, no cell separator. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}
