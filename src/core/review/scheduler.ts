/**
 * Spaced repetition with FSRS (ts-fsrs): a card per question, derived from the question's reviews.
 *
 * The reviews are the log: the card is what ts-fsrs makes of them, replayed from the last reset. To load 100,000
 * reviews fast, each review also records the card ts-fsrs computed (`CardSnapshot`) and the review it followed;
 * the last snapshot is used as is when the chain of reviews is intact and the parameters are the same, and the
 * card is replayed otherwise (a merge of two machines that both reviewed a question, a deleted attempt, changed
 * settings). So changing the settings recomputes every schedule from the log.
 *
 * This module imports ts-fsrs, which patches `Date.prototype` when loaded: load it lazily (`await import`).
 */
import * as l10n from '@vscode/l10n';
import { type Card, createEmptyCard, type FSRS, fsrs, FSRSVersion, type Grade, State } from 'ts-fsrs';
import { type CardSnapshot, type EventBody, type KeyPointMark, type Rating, RATINGS, type ReviewEvent, type RubricKind, encodeKeyPoints } from '../history/events';
import { contentHash } from '../history/hash';
import { plural } from '../plural';
import type { History, QuestionHistory } from '../history/history';
import { DAY_MS, type LocalDays } from './days';

export interface ScheduleSettings {
  /** The chance of still knowing an answer when it comes due (FSRS desired retention), 0.7–0.99. */
  desiredRetention: number;
  /** The longest interval between two reviews, in days. */
  maximumIntervalDays: number;
  /** New questions per day: a first answer to a design question takes half an hour, so a few a day. */
  newPerDay: number;
}

export const DEFAULT_SCHEDULE_SETTINGS: ScheduleSettings = { desiredRetention: 0.9, maximumIntervalDays: 365, newPerDay: 5 };

/**
 * One learning step of 10 minutes (ts-fsrs defaults to 1 and 10 minutes, made for flash cards): after Again, try the
 * question once more the same day after studying the model answer; Good on a new question means days, not minutes,
 * because rewriting a 30-minute answer you just got right teaches little.
 */
export const LEARNING_STEPS = ['10m'] as const;

export type CardState = 'new' | 'learning' | 'review' | 'relearning';

const STATE_NAMES: Record<State, CardState> = { [State.New]: 'new', [State.Learning]: 'learning', [State.Review]: 'review', [State.Relearning]: 'relearning' };
const GRADES: Record<Rating, Grade> = { again: 1, hard: 2, good: 3, easy: 4 };

/** A question's schedule as the UI shows it. */
export interface QuestionCard {
  question: string;
  state: CardState;
  /** When the question is next due (epoch ms); undefined while it is new. */
  due?: number;
  suspended: boolean;
  reps: number;
  lapses: number;
  stability: number;
  difficulty: number;
  lastReview?: number;
  lastRating?: Rating;
  /** The first review since the last reset: when the question stopped being new (for the daily limit). */
  introducedAt?: number;
  /** True when the card was recomputed from the reviews instead of taken from the last one. */
  replayed: boolean;
}

/** One of the four buttons: the rating and when the question would come back. */
export interface RatingOption {
  rating: Rating;
  due: number;
  intervalMs: number;
  /** In words, for the button, screen readers and the palette: `10 minutes`, `3 days`, `1.5 months`. */
  spoken: string;
}

/** What a review records besides the rating, all optional. */
export interface ReviewDetails {
  attempt?: string;
  proposed?: Rating;
  keyPoints?: readonly KeyPointMark[];
  rubric?: { kind: RubricKind; scores: Record<string, number> };
}

export interface QueueOptions {
  now: number;
  days: LocalDays;
  /**
   * The library's question ids, in the order new questions should come. When given, questions not in it (their
   * dialogue was deleted) are left out of the queue and the forecast, since they can no longer be practised.
   * Without it, the questions of the history are used and new ones are those with a history but no review.
   */
  library?: readonly string[];
}

export interface QueueItem {
  question: string;
  card: QuestionCard;
}

export interface DueQueue {
  /** Due before the day ends, most overdue first. */
  due: QueueItem[];
  /** New questions for today: up to the daily limit, less the new ones already introduced today, in library order. */
  new: QueueItem[];
  /** New questions introduced (first reviewed) today. */
  introducedToday: number;
}

export interface ForecastDay {
  /** `YYYY-MM-DD`, local. */
  day: string;
  /** Questions due that day; the first day also counts everything overdue. */
  due: number;
}

interface Cached {
  history: QuestionHistory;
  revision: number;
  card: QuestionCard;
  /** ts-fsrs's card, built when a preview or a rating needs it (from `stored` when the last snapshot stands). */
  fsrsCard?: Card;
  stored?: { at: number; card: CardSnapshot };
}

export class Scheduler {
  readonly settings: ScheduleSettings;
  /** Fingerprint of everything that shapes a card; recorded in each review's snapshot. */
  readonly fingerprint: string;
  private readonly fsrs: FSRS;
  /**
   * By question number (`QuestionHistory.index`): an array slot costs no hashing of 6,000 id strings, where a Map
   * made that the main cost of a cold queue (and a WeakMap's ephemerons made garbage collection the main cost).
   * A slot of another `History` is recomputed (`hit.history`).
   */
  private readonly cache: (Cached | undefined)[] = [];

  constructor(settings: Partial<ScheduleSettings> = {}) {
    this.settings = normalizeSettings(settings);
    this.fsrs = fsrs({
      request_retention: this.settings.desiredRetention,
      maximum_interval: this.settings.maximumIntervalDays,
      enable_fuzz: false,
      learning_steps: [...LEARNING_STEPS],
      relearning_steps: [...LEARNING_STEPS],
    });
    this.fingerprint = contentHash(JSON.stringify([FSRSVersion, this.settings.desiredRetention, this.settings.maximumIntervalDays, LEARNING_STEPS]));
  }

  /** The card of a question (new when it has no history). Cached per history revision. */
  card(history: QuestionHistory | undefined, question = history?.question ?? ''): QuestionCard {
    return history ? this.cached(history).card : newCard(question);
  }

  /** The four outcomes for the buttons, Again to Easy, if the question were rated at `now`. */
  preview(history: QuestionHistory | undefined, now: number): RatingOption[] {
    const current = history ? fsrsCardOf(this.cached(history)) : createEmptyCard(now);
    const at = reviewTime(current, now);
    const outcomes = this.fsrs.repeat(current, at);
    return RATINGS.map((rating) => {
      const due = outcomes[GRADES[rating]].card.due.getTime();
      return { rating, due, intervalMs: due - at, spoken: spokenInterval(due - at) };
    });
  }

  /** The event that records a rating (for `HistoryWriter.record`), with the card ts-fsrs computes from it. */
  rate(history: QuestionHistory | undefined, question: string, rating: Rating, now: number, details: ReviewDetails = {}): EventBody {
    const current = history ? fsrsCardOf(this.cached(history)) : createEmptyCard(now);
    const at = reviewTime(current, now);
    const next = this.fsrs.next(current, at, GRADES[rating]).card;
    const after = history?.summary.lastScheduled;
    return {
      type: 'review',
      at,
      question,
      ...(details.attempt !== undefined ? { attempt: details.attempt } : {}),
      rating,
      ...(details.proposed ? { proposed: details.proposed } : {}),
      ...(details.keyPoints ? { keyPoints: encodeKeyPoints(details.keyPoints) } : {}),
      ...(details.rubric ? { rubric: details.rubric } : {}),
      card: this.snapshot(next),
      ...(after !== undefined ? { after } : {}),
    };
  }

  /** The questions to practise on the day of `now`. */
  queue(history: History, options: QueueOptions): DueQueue {
    return this.outlook(history, { ...options, horizonDays: 0 }).queue;
  }

  /** Questions due today and new ones still to introduce today: the numbers for a badge. */
  dueCount(history: History, options: QueueOptions): { due: number; new: number } {
    const queue = this.queue(history, options);
    return { due: queue.due.length, new: queue.new.length };
  }

  /** Questions due on each of the next `horizonDays` days (30; today first, overdue ones counted today). */
  forecast(history: History, options: QueueOptions & { horizonDays?: number }): ForecastDay[] {
    return this.outlook(history, { ...options, horizonDays: options.horizonDays ?? 30 }).forecast;
  }

  /**
   * The queue and the forecast in one pass over the cards of the queue's scope: the library's questions (in its
   * order), else those of the history. Day bounds are computed once per day, not per card: asking the time zone
   * about 6,000 instants costs more than the rest of the pass.
   */
  outlook(history: History, options: QueueOptions & { horizonDays?: number }): { queue: DueQueue; forecast: ForecastDay[] } {
    const horizon = options.horizonDays ?? 30;
    const today = options.days.dayOf(options.now);
    const startOfToday = options.days.startOf(today);
    /** `ends[i]`: the first instant after day `today + i`. */
    const ends = Array.from({ length: Math.max(1, horizon) }, (_, i) => options.days.startOf(today + 1 + i));
    const endOfToday = ends[0];
    const endOfHorizon = ends[ends.length - 1];
    const counts = new Array<number>(horizon).fill(0);
    const due: QueueItem[] = [];
    const fresh: QueueItem[] = [];
    let introducedToday = 0;
    const visit = (question: string, card: QuestionCard) => {
      if (card.introducedAt !== undefined && card.introducedAt >= startOfToday && card.introducedAt < endOfToday) introducedToday++;
      if (card.suspended) return;
      if (card.state === 'new') {
        fresh.push({ question, card });
        return;
      }
      if (card.due === undefined) return;
      if (card.due < endOfToday) due.push({ question, card });
      if (horizon > 0 && card.due < endOfHorizon) {
        let offset = 0;
        while (card.due >= ends[offset]) offset++;
        counts[offset]++;
      }
    };
    if (options.library) {
      for (const question of options.library) visit(question, this.card(history.question(question), question));
    } else {
      for (const entry of history.questions()) visit(entry.question, this.card(entry));
    }
    due.sort((a, b) => (a.card.due ?? 0) - (b.card.due ?? 0) || (a.question < b.question ? -1 : a.question > b.question ? 1 : 0));
    const room = Math.max(0, this.settings.newPerDay - introducedToday);
    return {
      queue: { due, new: fresh.slice(0, room), introducedToday },
      forecast: counts.map((count, i) => ({ day: options.days.label(today + i), due: count })),
    };
  }

  private cached(history: QuestionHistory): Cached {
    const hit = this.cache[history.index];
    if (hit !== undefined && hit.history === history && hit.revision === history.revision) return hit;
    const computed = this.compute(history);
    this.cache[history.index] = computed;
    return computed;
  }

  private compute(history: QuestionHistory): Cached {
    const revision = history.revision;
    const current = history.summary.current;
    if (!current) {
      const card = newCard(history.question);
      card.suspended = history.suspended;
      return { history, revision, card, fsrsCard: createEmptyCard(0) };
    }
    // The last snapshot stands when every review since the reset followed the one before it, under these parameters.
    const usable = current.chained && current.card.p === this.fingerprint;
    const card = (state: CardState, due: number, reps: number, lapses: number, stability: number, difficulty: number): QuestionCard => ({
      question: history.question,
      state,
      due,
      suspended: history.suspended,
      reps,
      lapses,
      stability,
      difficulty,
      lastReview: current.at,
      lastRating: current.rating,
      introducedAt: current.introducedAt,
      replayed: !usable,
    });
    if (usable) {
      // Straight from the snapshot: ts-fsrs's own card (two Dates) waits until a preview or a rating needs it.
      const { due, reps, lapses, s, d } = current.card;
      return { history, revision, card: card(STATE_NAMES[current.card.state as State] ?? 'review', due, reps, lapses, s, d), stored: current };
    }
    // Replayed from the reviews since the latest reset (which parses the question's events).
    const schedule = history.schedule;
    let start = schedule.length;
    while (start > 0 && schedule[start - 1].type !== 'reset') start--;
    let fsrsCard = createEmptyCard(current.introducedAt);
    for (let i = start; i < schedule.length; i++) {
      const review = schedule[i] as ReviewEvent;
      fsrsCard = this.fsrs.next(fsrsCard, reviewTime(fsrsCard, review.at), GRADES[review.rating]).card;
    }
    return { history, revision, card: card(STATE_NAMES[fsrsCard.state], fsrsCard.due.getTime(), fsrsCard.reps, fsrsCard.lapses, fsrsCard.stability, fsrsCard.difficulty), fsrsCard };
  }

  private snapshot(card: Card): CardSnapshot {
    return {
      due: card.due.getTime(),
      s: card.stability,
      d: card.difficulty,
      state: card.state,
      reps: card.reps,
      lapses: card.lapses,
      step: card.learning_steps,
      days: card.scheduled_days,
      p: this.fingerprint,
    };
  }
}

/** Settings from the user's configuration, brought into the ranges ts-fsrs and the queue can work with. */
export function normalizeSettings(settings: Partial<ScheduleSettings>): ScheduleSettings {
  const pick = (value: number | undefined, fallback: number, min: number, max: number, integer: boolean) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
    const clamped = Math.min(max, Math.max(min, value));
    return integer ? Math.round(clamped) : clamped;
  };
  return {
    desiredRetention: pick(settings.desiredRetention, DEFAULT_SCHEDULE_SETTINGS.desiredRetention, 0.7, 0.99, false),
    maximumIntervalDays: pick(settings.maximumIntervalDays, DEFAULT_SCHEDULE_SETTINGS.maximumIntervalDays, 1, 36500, true),
    newPerDay: pick(settings.newPerDay, DEFAULT_SCHEDULE_SETTINGS.newPerDay, 0, 1000, true),
  };
}

function newCard(question: string): QuestionCard {
  return { question, state: 'new', suspended: false, reps: 0, lapses: 0, stability: 0, difficulty: 0, replayed: false };
}

function fsrsCardOf(cached: Cached): Card {
  cached.fsrsCard ??= fromSnapshot(cached.stored!.card, cached.stored!.at);
  return cached.fsrsCard;
}

function fromSnapshot(snapshot: CardSnapshot, reviewedAt: number): Card {
  return {
    due: new Date(snapshot.due),
    stability: snapshot.s,
    difficulty: snapshot.d,
    elapsed_days: 0,
    scheduled_days: snapshot.days,
    learning_steps: snapshot.step,
    reps: snapshot.reps,
    lapses: snapshot.lapses,
    state: snapshot.state as State,
    last_review: new Date(reviewedAt),
  };
}

/** A review never goes back before the previous one (a clock set back, or a merge across machines). */
function reviewTime(card: Card, now: number): number {
  return Math.max(now, card.last_review?.getTime() ?? now);
}

type IntervalUnit = 'minute' | 'hour' | 'day' | 'month' | 'year';

const UNITS: readonly { limit: number; size: number; unit: IntervalUnit }[] = [
  { limit: 60 * 60_000, size: 60_000, unit: 'minute' },
  { limit: DAY_MS, size: 60 * 60_000, unit: 'hour' },
  { limit: 30 * DAY_MS, size: DAY_MS, unit: 'day' },
  { limit: 365 * DAY_MS, size: 30 * DAY_MS, unit: 'month' },
  { limit: Infinity, size: 365 * DAY_MS, unit: 'year' },
];

function intervalParts(ms: number): { value: number; unit: IntervalUnit } {
  const unit = UNITS.find((u) => ms < u.limit) ?? UNITS[UNITS.length - 1];
  const amount = Math.max(1, ms / unit.size);
  // Whole minutes, hours and days; months and years to one decimal (1.5mo), as Anki shows them.
  const value = unit.size >= 30 * DAY_MS ? Math.round(amount * 10) / 10 : Math.round(amount);
  return { value, unit: unit.unit };
}

/** `10 minutes`, `1 day`: the interval in words, for screen readers and sentences. */
export function spokenInterval(ms: number): string {
  const { value, unit } = intervalParts(ms);
  switch (unit) {
    case 'minute':
      return plural(l10n.t('{0, plural, one {# minute} other {# minutes}}'), value);
    case 'hour':
      return plural(l10n.t('{0, plural, one {# hour} other {# hours}}'), value);
    case 'day':
      return plural(l10n.t('{0, plural, one {# day} other {# days}}'), value);
    case 'month':
      return plural(l10n.t('{0, plural, one {# month} other {# months}}'), value);
    case 'year':
      return plural(l10n.t('{0, plural, one {# year} other {# years}}'), value);
  }
}
