/**
 * What the host keeps of a mock interview between windows, and how a finished session enters the practice record:
 * one attempt per question reached, and the reviews of those attempts read back for the session report.
 *
 * The stored value wraps the session (./session) with what the end of the interview produced, so a window reload in
 * the middle of the reviews continues them instead of recording the attempts twice.
 */
import * as z from 'zod/mini';
import type { AttemptRecord } from '../attempt';
import { decodeKeyPoints, type ReviewEvent } from '../history/events';
import { rubricOfKind } from '../review/rubric';
import { wordCount } from '../text';
import { allQuestions, MockSessionSchema, questionSpentMs, readMockSession, type MockSession, type SessionQuestion } from './session';
import type { QuestionReview } from './sessionReport';

const FinishedSchema = z.object({
  /** The attempt recorded for each question reached, by question key (`q1`…), in session order. */
  attempts: z.array(z.object({ key: z.string(), attemptId: z.string() })),
  /** Where the report and the transcript were written (URIs as strings). */
  reportPath: z.string(),
  transcriptPath: z.optional(z.string()),
  /** How many of the attempts the user has been taken through in the review so far. */
  reviewed: z.number(),
});

export const StoredSessionSchema = z.object({
  version: z.literal(1),
  session: MockSessionSchema,
  /** Present once the interview ended and its attempts were recorded. */
  finished: z.optional(FinishedSchema),
});

export type StoredSession = z.infer<typeof StoredSessionSchema>;
export type FinishedSession = z.infer<typeof FinishedSchema>;

/** A stored session read back after a reload, or undefined when it is not usable (the caller says so). */
export function readStoredSession(value: unknown): StoredSession | undefined {
  const parsed = StoredSessionSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const session = readMockSession(parsed.data.session);
  return session ? { ...parsed.data, session } : undefined;
}

/** The questions the interview reached, in order: the ones that become attempts. */
export function reachedQuestions(session: MockSession): SessionQuestion[] {
  return allQuestions(session).filter((q) => q.startedAtMs !== undefined);
}

/**
 * One attempt record per question reached. `draft` is the session draft file: every question of the session shares
 * it, and the review shows the question's own section of it (`sessionDraftAnswer`). Time is the question's active
 * time including its follow-ups; `startedAt` is the wall-clock start of the session plus the question's active
 * offset (pauses before it make it read a little early, which no figure depends on).
 */
export function sessionAttemptRecords(session: MockSession, now: number): { key: string; record: AttemptRecord }[] {
  const at = session.ended?.at ?? now;
  return reachedQuestions(session).map((question) => {
    const activeSeconds = Math.round(questionSpentMs(session, question, now) / 1000);
    const words = [question.answer ?? '', ...question.followUps.map((f) => f.answer ?? '')].reduce((sum, text) => sum + wordCount(text), 0);
    return {
      key: question.key,
      record: {
        type: 'attempt',
        at,
        question: question.questionId,
        dialogue: session.dialogue.id,
        prompt: question.prompt,
        topic: session.dialogue.topic,
        startedAt: session.clock.startedAt + (question.startedAtMs ?? 0),
        activeSeconds,
        budgetSeconds: question.budgetSeconds,
        overtimeSeconds: Math.max(0, activeSeconds - question.budgetSeconds),
        wordCount: words,
        draft: session.draftPath,
      },
    };
  });
}

const RATING_NAMES = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' } as const;

/**
 * A review from the practice history as the session report needs it: the checklist the user confirmed (letters
 * decoded onto the question's key points), rubric scores by criterion label out of 4, and the rating's name.
 */
export function questionReviewOf(review: Pick<ReviewEvent, 'rating' | 'keyPoints' | 'rubric'>, keyPoints: readonly string[]): QuestionReview {
  const marks = review.keyPoints ? decodeKeyPoints(review.keyPoints) : [];
  const rubric = review.rubric ? rubricOfKind(review.rubric.kind) : undefined;
  return {
    keyPoints: keyPoints.map((text, i) => ({ text, status: marks[i] ?? 'missed' })),
    ...(review.rubric && rubric
      ? { rubric: rubric.criteria.filter((c) => review.rubric!.scores[c.id] !== undefined).map((c) => ({ dimension: c.label, score: review.rubric!.scores[c.id], outOf: 4 })) }
      : {}),
    rating: RATING_NAMES[review.rating],
  };
}
