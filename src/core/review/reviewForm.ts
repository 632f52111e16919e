/**
 * The review of one answer while the user fills it in: the key-point checklist and the rubric scores, and the
 * rating they propose. Pure, so the host only stores it and the tests need no VS Code.
 */
import type { KeyPointMark, Rating } from '../history/events';
import { proposeRating, type RatingProposal } from './proposal';
import type { Rubric, RubricScore } from './rubric';
import type { ReviewDetails } from './scheduler';

export interface ReviewForm {
  questionId: string;
  attemptId?: string;
  keyPoints: readonly string[];
  /** One per key point; undefined until the user marks it. */
  marks: readonly (KeyPointMark | undefined)[];
  rubric?: Rubric;
  scores: Readonly<Record<string, RubricScore>>;
  activeSeconds?: number;
  budgetSeconds?: number;
}

export function newReviewForm(form: Omit<ReviewForm, 'marks' | 'scores'>): ReviewForm {
  return { ...form, marks: form.keyPoints.map(() => undefined), scores: {} };
}

export function markKeyPoint(form: ReviewForm, index: number, mark: KeyPointMark): ReviewForm {
  if (index < 0 || index >= form.keyPoints.length) return form;
  return { ...form, marks: form.marks.map((old, i) => (i === index ? mark : old)) };
}

export function scoreCriterion(form: ReviewForm, criterion: string, score: RubricScore): ReviewForm {
  if (!form.rubric?.criteria.some((c) => c.id === criterion)) return form;
  return { ...form, scores: { ...form.scores, [criterion]: score } };
}

/** How many key points and rubric criteria are still to judge. */
export function unjudged(form: ReviewForm): { keyPoints: number; criteria: number } {
  return {
    keyPoints: form.marks.filter((mark) => mark === undefined).length,
    criteria: (form.rubric?.criteria ?? []).filter((c) => form.scores[c.id] === undefined).length,
  };
}

/**
 * The rating the form proposes. A key point not marked yet counts as missed: the proposal starts at Again and rises
 * as the user checks off what the answer covered, so an unfinished review never proposes more than it shows.
 */
export function proposal(form: ReviewForm): RatingProposal {
  return proposeRating({
    keyPoints: form.marks.map((mark) => mark ?? 'missed'),
    ...(Object.keys(form.scores).length > 0 ? { rubricScores: form.scores } : {}),
    ...(form.activeSeconds !== undefined ? { activeSeconds: form.activeSeconds } : {}),
    ...(form.budgetSeconds !== undefined ? { budgetSeconds: form.budgetSeconds } : {}),
  });
}

/** What the review records with the rating the user chose. */
export function reviewDetails(form: ReviewForm, proposed: Rating): ReviewDetails {
  return {
    ...(form.attemptId !== undefined ? { attempt: form.attemptId } : {}),
    proposed,
    ...(form.keyPoints.length > 0 ? { keyPoints: form.marks.map((mark) => mark ?? 'missed') } : {}),
    ...(form.rubric && Object.keys(form.scores).length > 0 ? { rubric: { kind: form.rubric.kind, scores: { ...form.scores } } } : {}),
  };
}
