/**
 * The rating the review proposes (the user can always choose another). The rule, also in docs/history-format.md:
 *
 * 1. Pass or fail. The key points decide: a pass needs 60% coverage, a partly covered point counting half. A
 *    question without key points is judged by its rubric (a pass needs an average of 2.5, between "only when
 *    prompted" and "on your own"); with neither, it passes and the reason asks the user to judge. A fail is Again.
 * 2. Hard, Good or Easy (all passes, as in Anki: Hard is not a fail). Hard when the pass was narrow: under 75%
 *    coverage, more than 25% over the time budget, a rubric criterion missing (1) or a rubric average under 2.5.
 *    Easy when it was clear on everything known: at least 90% coverage, within the budget, and every rubric
 *    criterion at least "on your own" (3) with an average of 3.5 or more. Good otherwise.
 *
 * Time never fails an answer: an interviewer forgives running long far more than missing what matters.
 */
import * as l10n from '@vscode/l10n';
import { plural } from '../plural';
import type { KeyPointMark, Rating } from '../history/events';

export const PASS_COVERAGE = 0.6;
export const NARROW_COVERAGE = 0.75;
export const EASY_COVERAGE = 0.9;
/** Over budget by more than this share makes a pass Hard. */
export const OVERTIME_TOLERANCE = 0.25;
export const PASS_RUBRIC_MEAN = 2.5;
export const EASY_RUBRIC_MEAN = 3.5;

export interface ProposalInput {
  /** The checklist, one mark per key point. */
  keyPoints: readonly KeyPointMark[];
  /** Rubric scores by criterion id, 1 to 4; criteria not scored are left out. */
  rubricScores?: Readonly<Record<string, number>>;
  activeSeconds?: number;
  budgetSeconds?: number;
}

export interface RatingProposal {
  rating: Rating;
  pass: boolean;
  /** One line for the review view, e.g. "Hard: a pass on the key points (70%), but 40% over time." */
  reason: string;
  /** Share of the key points covered (partly counts half), when there are key points. */
  coverage?: number;
  rubricMean?: number;
  /** Time used divided by the budget, when both are known. */
  timeRatio?: number;
}

export function proposeRating(input: ProposalInput): RatingProposal {
  const coverage = coverageOf(input.keyPoints);
  const scores = Object.values(input.rubricScores ?? {}).filter((score) => score >= 1 && score <= 4);
  const rubricMean = scores.length > 0 ? scores.reduce((sum, score) => sum + score, 0) / scores.length : undefined;
  const timeRatio = input.activeSeconds !== undefined && input.budgetSeconds !== undefined && input.budgetSeconds > 0 ? input.activeSeconds / input.budgetSeconds : undefined;
  const figures = { ...(coverage !== undefined ? { coverage } : {}), ...(rubricMean !== undefined ? { rubricMean } : {}), ...(timeRatio !== undefined ? { timeRatio } : {}) };
  const keyPointsText = coverage !== undefined ? `${describeKeyPoints(input.keyPoints)} (${percent(coverage)})` : undefined;
  const rubricText = rubricMean !== undefined ? l10n.t('rubric {0} of 4', rubricMean.toFixed(1)) : undefined;

  if (coverage !== undefined && coverage < PASS_COVERAGE) {
    return { rating: 'again', pass: false, reason: l10n.t('Again: {0}; a pass needs {1}.', keyPointsText!, percent(PASS_COVERAGE)), ...figures };
  }
  if (coverage === undefined && rubricMean !== undefined && rubricMean < PASS_RUBRIC_MEAN) {
    return { rating: 'again', pass: false, reason: l10n.t('Again: {0}; a pass needs {1}.', rubricText!, PASS_RUBRIC_MEAN), ...figures };
  }
  if (coverage === undefined && rubricMean === undefined) {
    const reason = timeRatio === undefined
      ? l10n.t('Good: no key points or rubric to check this answer against; judge it yourself.')
      : l10n.t('Good: no key points or rubric to check this answer against; judge it yourself ({0}).', timeText(timeRatio));
    return { rating: 'good', pass: true, reason, ...figures };
  }

  const narrow: string[] = [];
  if (coverage !== undefined && coverage < NARROW_COVERAGE) narrow.push(l10n.t('a narrow pass on the key points ({0})', percent(coverage)));
  if (timeRatio !== undefined && timeRatio > 1 + OVERTIME_TOLERANCE) narrow.push(timeText(timeRatio));
  if (scores.includes(1)) narrow.push(l10n.t('a rubric criterion missing'));
  else if (rubricMean !== undefined && rubricMean < PASS_RUBRIC_MEAN) narrow.push(`${rubricText}`);
  if (narrow.length > 0) return { rating: 'hard', pass: true, reason: l10n.t('Hard: {0}.', joinReasons(narrow)), ...figures };

  const evidence = [keyPointsText, timeRatio === undefined ? undefined : timeText(timeRatio), rubricText].filter((part) => part !== undefined);
  const easy =
    (coverage === undefined || coverage >= EASY_COVERAGE) &&
    (timeRatio === undefined || timeRatio <= 1) &&
    (rubricMean === undefined || (rubricMean >= EASY_RUBRIC_MEAN && scores.every((score) => score >= 3)));
  return { rating: easy ? 'easy' : 'good', pass: true, reason: easy ? l10n.t('Easy: {0}.', joinReasons(evidence)) : l10n.t('Good: {0}.', joinReasons(evidence)), ...figures };
}

/** Share of the key points covered, partly covered ones counting half; undefined when there are none. */
export function coverageOf(marks: readonly KeyPointMark[]): number | undefined {
  if (marks.length === 0) return undefined;
  let points = 0;
  for (const mark of marks) points += mark === 'covered' ? 1 : mark === 'partly' ? 0.5 : 0;
  return points / marks.length;
}

function describeKeyPoints(marks: readonly KeyPointMark[]): string {
  const count = (mark: KeyPointMark) => marks.filter((m) => m === mark).length;
  const covered = count('covered');
  const partly = count('partly');
  if (covered === marks.length) return plural(l10n.t('{0, plural, one {all # key point covered} other {all # key points covered}}'), marks.length);
  return partly
    ? plural(l10n.t('{0} of {1, plural, one {# key point} other {# key points}} covered, {2} partly', covered, marks.length, partly), covered, marks.length, partly)
    : plural(l10n.t('{0} of {1, plural, one {# key point} other {# key points}} covered', covered), covered, marks.length);
}

function timeText(ratio: number): string {
  if (ratio <= 1) return l10n.t('within time');
  return l10n.t('{0}% over time', Math.round((ratio - 1) * 100));
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function joinReasons(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : l10n.t('{0} and {1}', parts.slice(0, -1).join(', '), parts[parts.length - 1]);
}
