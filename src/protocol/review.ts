/**
 * Messages between the extension host and the review webview, declared once. The host validates everything it
 * receives with these schemas and imports this module with `import()` when the first message arrives; the webview
 * imports the types only.
 */
import * as z from 'zod/mini';

const Mark = z.enum(['covered', 'partly', 'missed']);
const RatingSchema = z.enum(['again', 'hard', 'good', 'easy']);

export const ReviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('mark'), index: z.int().check(z.gte(0), z.lte(1000)), mark: Mark }),
  z.object({ type: z.literal('score'), criterion: z.string().check(z.maxLength(100)), score: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) }),
  z.object({ type: z.literal('rate'), rating: RatingSchema }),
  z.object({ type: z.literal('action'), action: z.enum(['diff', 'openDraft', 'next', 'history']) }),
  /** Check Against Key Points: ask the user's language model for suggestions. */
  z.object({ type: z.literal('checkKeyPoints') }),
  /** Accept the model's suggestion for one key point, or (no index) for every key point it judged. */
  z.object({ type: z.literal('acceptSuggestions'), index: z.optional(z.int().check(z.gte(0), z.lte(1000))) }),
  /** In a series of reviews (the questions of a mock interview): go on to the next, or to the report. */
  z.object({ type: z.literal('continue') }),
]);
export type ReviewMessage = z.infer<typeof ReviewMessageSchema>;

export function parseReviewMessage(raw: unknown): ReviewMessage | undefined {
  const parsed = ReviewMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** What the webview keeps with `setState`, so a reload reopens the same review. */
export const PersistedReviewSchema = z.object({ attemptId: z.string().check(z.maxLength(200)) });
export type PersistedReview = z.infer<typeof PersistedReviewSchema>;

export function parsePersistedReview(raw: unknown): PersistedReview | undefined {
  const parsed = PersistedReviewSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export type Rating = z.infer<typeof RatingSchema>;
export type KeyPointMark = z.infer<typeof Mark>;

export interface ReviewState {
  attemptId: string;
  question: { id: string; prompt: string; dialogueTitle: string; topic: string };
  /** `Answered in 12:30 of 30:00` and when. */
  time: { used: string; budget: string; over?: string; finished: string };
  /** Markdown from files on disk: untrusted, rendered and sanitised in the webview. */
  draft: { markdown?: string; missing?: string };
  modelAnswer?: string;
  keyPoints: {
    text: string;
    mark?: KeyPointMark;
    /** The language model's suggestion, for the user to accept or change; `quote` is found in the draft, not taken on trust. */
    suggestion?: { mark: KeyPointMark; quote?: string; quoteNotFound?: boolean };
  }[];
  rubric?: { title: string; criteria: { id: string; label: string; hint: string; levels: string[]; score?: number }[] };
  levels: string[];
  proposal: { rating: Rating; reason: string };
  unjudged: { keyPoints: number; criteria: number };
  options: { rating: Rating; spoken: string }[];
  /** Set once rated: what was chosen and when the question comes back. */
  rated?: { rating: Rating; next: string };
  /** Practising the due queue: how many are left after this one. */
  queue?: { remaining: number };
  /** Reviewing the questions of a mock interview one after another: `Review 2 of 5`. */
  series?: { position: number; count: number };
  /** Check Against Key Points, when the interviewer setting is on and the question has key points. */
  check?: { running: boolean; problems: string[] };
}

export type ReviewHostMessage = { type: 'state'; state: ReviewState };
