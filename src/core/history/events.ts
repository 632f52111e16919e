/**
 * The practice history as events: one JSON object per line (JSON Lines), each with its own id, a schema version and
 * a time. Events are only ever added; what a user did is never rewritten, so merging the files of several windows or
 * machines is a union, deduplicated by id (docs/history-format.md).
 *
 * Field names are short on purpose: a history of 100,000 reviews must load in well under 200 ms, and JSON.parse
 * time grows with the bytes.
 */
import * as l10n from '@vscode/l10n';
import type { Attempt } from '../attempts';

/** The schema version this code writes and reads. A line with a higher `v` is kept on disk and skipped on read. */
export const EVENT_VERSION = 1;

export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
/** Again is a failure (the answer missed what matters); Hard, Good and Easy are passes of growing ease. */
export type Rating = (typeof RATINGS)[number];

/** A key point of the checklist: covered (`c`), partly covered (`p`) or missed (`m`). */
export type KeyPointMark = 'covered' | 'partly' | 'missed';

export type RubricKind = 'design' | 'behavioural';

/**
 * The FSRS card after a review, as ts-fsrs computed it, so that loading a history needs no replay of every review.
 * `p` fingerprints the scheduler parameters that computed it: when they differ from the current ones (or the chain
 * of reviews was forked by a merge), the card is recomputed from the reviews instead (src/core/review/scheduler.ts).
 */
export interface CardSnapshot {
  /** When the card is next due, epoch milliseconds. */
  due: number;
  /** FSRS stability and difficulty. */
  s: number;
  d: number;
  /** ts-fsrs state: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  reps: number;
  lapses: number;
  /** ts-fsrs `learning_steps` and `scheduled_days`. */
  step: number;
  days: number;
  p: string;
}

interface Header {
  v: number;
  /** Unique across all writers: `<writer id>.<sequence>`, or derived from content for migrated attempts. */
  id: string;
  /** When it happened, epoch milliseconds. */
  at: number;
}

/** An answer finished against the clock (`at` is when it was finished). */
export interface AttemptEvent extends Header {
  type: 'attempt';
  question: string;
  dialogue: string;
  prompt: string;
  /** The dialogue's topic when the attempt was made, so stats still group it after the dialogue is gone. */
  topic?: string;
  startedAt: number;
  activeSeconds: number;
  budgetSeconds: number;
  overtimeSeconds: number;
  wordCount: number;
  /** Where the draft was saved; the draft file itself is the host's business. */
  draft: string;
}

/** A rating given to an answer: what schedules the question next. */
export interface ReviewEvent extends Header {
  type: 'review';
  question: string;
  /** The attempt reviewed, when there was one; deleting that attempt drops this review too. */
  attempt?: string;
  rating: Rating;
  /** What the rating proposal suggested, to see how often users override it. */
  proposed?: Rating;
  /** The checklist, one letter per key point in the question's order: `c` covered, `p` partly, `m` missed. */
  keyPoints?: string;
  /** Rubric scores, 1 to 4 by criterion id (src/core/review/rubric.ts). */
  rubric?: { kind: RubricKind; scores: Record<string, number> };
  card: CardSnapshot;
  /** Id of the review or reset this one followed when it was made; absent for a question's first. */
  after?: string;
}

/** Suspend, unsuspend or reset the schedule of a question. */
export interface CardEvent extends Header {
  type: 'suspend' | 'unsuspend' | 'reset';
  question: string;
}

/** Removes an attempt (and the reviews of it) from the history, the stats and the schedule. */
export interface DeleteAttemptEvent extends Header {
  type: 'delete-attempt';
  attempt: string;
}

export type HistoryEvent = AttemptEvent | ReviewEvent | CardEvent | DeleteAttemptEvent;
export type EventType = HistoryEvent['type'];

type WithoutHeader<T> = T extends HistoryEvent ? Omit<T, 'v' | 'id' | 'at'> & { at?: number } : never;
/** An event before the writer stamps it with its id and version; `at` defaults to the writer's clock. */
export type EventBody = WithoutHeader<HistoryEvent>;

/**
 * The event for a finished attempt, from the record the answer session keeps (`Attempt`, src/core/attempts.ts).
 * `topic` is the dialogue's, so the stats can still group the attempt after its dialogue is gone.
 */
export function attemptBody(attempt: Attempt, topic?: string): EventBody & { type: 'attempt' } {
  return {
    type: 'attempt',
    at: attempt.finishedAt,
    question: attempt.questionId,
    dialogue: attempt.dialogueId,
    prompt: attempt.prompt,
    ...(topic !== undefined ? { topic } : {}),
    startedAt: attempt.startedAt,
    activeSeconds: attempt.activeSeconds,
    budgetSeconds: attempt.budgetSeconds,
    overtimeSeconds: attempt.overtimeSeconds,
    wordCount: attempt.wordCount,
    draft: attempt.draftPath,
  };
}

const MARK_LETTERS: Record<KeyPointMark, string> = { covered: 'c', partly: 'p', missed: 'm' };
const LETTER_MARKS: Record<string, KeyPointMark> = { c: 'covered', p: 'partly', m: 'missed' };

export function encodeKeyPoints(marks: readonly KeyPointMark[]): string {
  return marks.map((mark) => MARK_LETTERS[mark]).join('');
}

export function decodeKeyPoints(letters: string): KeyPointMark[] {
  return [...letters].map((letter) => LETTER_MARKS[letter]);
}

/** What reading one line gave: an event, or why the line was skipped. */
export type LineResult = { event: HistoryEvent } | { problem: string; newer?: boolean };

/** Parses and checks one line. Never throws: a damaged line is a problem to report, not a reason to stop. */
export function parseEventLine(line: string): LineResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { problem: l10n.t('not valid JSON (a damaged line)') };
  }
  if (!isObject(value)) return { problem: l10n.t('not a JSON object') };
  if (typeof value.v !== 'number' || !Number.isInteger(value.v) || value.v < 1) return { problem: l10n.t('no schema version ("v")') };
  if (value.v > EVENT_VERSION) return { problem: l10n.t('written by a newer version of the extension (schema {0}); update it to see this event', value.v), newer: true };
  const check = CHECKS[value.type as EventType] as ((event: Record<string, unknown>) => string | undefined) | undefined;
  if (!check) return { problem: l10n.t('an event type this version does not know ({0}); a newer version may have written it', JSON.stringify(value.type)), newer: true };
  const wrong = headerProblem(value) ?? check(value);
  return wrong ? { problem: wrong } : { event: value as unknown as HistoryEvent };
}

export function serializeEvent(event: HistoryEvent): string {
  return JSON.stringify(event);
}

// Hand-written checks rather than zod: they run once per line of a history that may hold 100,000 lines, and a zod
// object schema costs about ten times as much there (measured: 0.9 s for 100,000 reviews, against a 200 ms budget).
type Check = (event: Record<string, unknown>) => string | undefined;

const CHECKS: Record<EventType, Check> = {
  attempt: (e) => missingText(e, ATTEMPT_TEXT) ?? missingNumber(e, ATTEMPT_NUMBERS) ?? (e.topic !== undefined && typeof e.topic !== 'string' ? l10n.t('"topic" is not text') : undefined),
  review: (e) =>
    typeof e.question !== 'string'
      ? l10n.t('{0} is missing or not text', '"question"')
      : (e.attempt !== undefined && typeof e.attempt !== 'string') || (e.after !== undefined && typeof e.after !== 'string')
        ? l10n.t('"attempt" or "after" is not text')
        : !isRating(e.rating)
          ? l10n.t('"rating" is not again, hard, good or easy')
          : e.proposed !== undefined && !isRating(e.proposed)
            ? l10n.t('"proposed" is not again, hard, good or easy')
            : e.keyPoints !== undefined && !(typeof e.keyPoints === 'string' && KEY_POINT_LETTERS.test(e.keyPoints))
              ? l10n.t('"keyPoints" is not a string of c, p and m')
              : (rubricProblem(e.rubric) ?? cardProblem(e.card)),
  suspend: questionProblem,
  unsuspend: questionProblem,
  reset: questionProblem,
  'delete-attempt': (e) => (typeof e.attempt === 'string' ? undefined : l10n.t('{0} is missing or not text', '"attempt"')),
};

const KEY_POINT_LETTERS = /^[cpm]*$/;

function questionProblem(e: Record<string, unknown>): string | undefined {
  return typeof e.question === 'string' ? undefined : l10n.t('{0} is missing or not text', '"question"');
}

function headerProblem(e: Record<string, unknown>): string | undefined {
  if (typeof e.id !== 'string' || e.id === '') return l10n.t('no event id ("id")');
  return isNumber(e.at) ? undefined : l10n.t('no time ("at")');
}

function rubricProblem(rubric: unknown): string | undefined {
  if (rubric === undefined) return undefined;
  if (!isObject(rubric) || (rubric.kind !== 'design' && rubric.kind !== 'behavioural') || !isObject(rubric.scores)) return l10n.t('"rubric" needs a kind and scores');
  for (const score of Object.values(rubric.scores)) if (score !== 1 && score !== 2 && score !== 3 && score !== 4) return l10n.t('a rubric score is not 1, 2, 3 or 4');
  return undefined;
}

function cardProblem(card: unknown): string | undefined {
  if (!isObject(card)) return l10n.t('no "card"');
  return missingNumber(card, CARD_NUMBERS) ?? (typeof card.p === 'string' ? undefined : l10n.t('the card has no parameter fingerprint ("p")'));
}

const ATTEMPT_TEXT = ['question', 'dialogue', 'prompt', 'draft'] as const;
const ATTEMPT_NUMBERS = ['startedAt', 'activeSeconds', 'budgetSeconds', 'overtimeSeconds', 'wordCount'] as const;
const CARD_NUMBERS = ['due', 's', 'd', 'state', 'reps', 'lapses', 'step', 'days'] as const;

function missingText(e: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) if (typeof e[key] !== 'string') return l10n.t('{0} is missing or not text', `"${key}"`);
  return undefined;
}

function missingNumber(e: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) if (!isNumber(e[key])) return l10n.t('{0} is missing or not a number', `"${key}"`);
  return undefined;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isRating(value: unknown): value is Rating {
  return value === 'again' || value === 'hard' || value === 'good' || value === 'easy';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
