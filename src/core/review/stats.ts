/**
 * Statistics of the practice history, computed in one pass (pure): what the stats view draws and the CLI prints.
 * Questions whose dialogue is gone still count in every total; they are grouped under the topic recorded with their
 * attempts, or under `UNKNOWN_TOPIC` (`topicOf`).
 */
import { type Rating, RATINGS } from '../history/events';
import { type History, type QuestionLookup, topicOf } from '../history/history';
import type { CardState, ForecastDay, QueueOptions, Scheduler } from './scheduler';

export interface StatsOptions extends QueueOptions {
  lookup?: QuestionLookup;
  /** Weeks of the practice heatmap, the current one included (26). */
  heatmapWeeks?: number;
  /** Days of reviews per day, today included (30). */
  reviewDays?: number;
  /** Days of the due forecast, today first (30). */
  forecastDays?: number;
}

export interface HeatmapDay {
  day: string;
  /** 0 Monday … 6 Sunday. */
  weekday: number;
  /** Attempts finished and reviews given that day. */
  count: number;
}

export type RatingCounts = Record<Rating, number>;

export interface TopicStats {
  topic: string;
  /** Questions of the topic with an attempt or a review. */
  questions: number;
  attempts: number;
  /** Time used and time budgeted over the topic's attempts. */
  activeSeconds: number;
  budgetSeconds: number;
  /** Attempts that went over their budget. */
  overBudget: number;
  reviews: number;
  /** Key points over the topic's reviews, and their coverage (partly counting half). */
  keyPoints: { covered: number; partly: number; missed: number };
  coverage?: number;
}

export interface QuestionRow {
  id: string;
  topic: string;
  prompt?: string;
  /** False when the question's dialogue is not in the library (deleted or not loaded). */
  inLibrary: boolean;
  state: CardState;
  /** Next due, epoch ms; undefined while new. */
  due?: number;
  lastRating?: Rating;
  suspended: boolean;
  attempts: number;
  reviews: number;
  bestSeconds?: number;
  /** Last attempt or review, epoch ms. */
  lastPractisedAt?: number;
}

export interface Stats {
  totals: { attempts: number; reviews: number; questions: number; practiceSeconds: number; practiceDays: number };
  /** Consecutive local days with practice; the current streak survives until today ends without practice. */
  streak: { current: number; longest: number; practisedToday: boolean };
  dueToday: number;
  newToday: number;
  /** True retention: the share of reviews not rated Again. `rate` is undefined before the first review. */
  retention: { reviews: number; passed: number; rate?: number };
  ratings: RatingCounts;
  /** Whole weeks, Monday first, ending with the current week (days after today have count 0). */
  heatmap: HeatmapDay[];
  reviewsPerDay: ({ day: string } & RatingCounts)[];
  forecast: ForecastDay[];
  /** By topic name. */
  topics: TopicStats[];
  /** Every question with a history, by id. */
  questions: QuestionRow[];
}

export function computeStats(history: History, scheduler: Scheduler, options: StatsOptions): Stats {
  const { days, now } = options;
  const today = days.dayOf(now);
  const lookup = options.lookup ?? (() => undefined);
  const times: number[] = [];
  const reviewDays = options.reviewDays ?? 30;
  const firstReviewDay = today - reviewDays + 1;
  const perDay = Array.from({ length: reviewDays }, () => emptyCounts());
  const ratings = emptyCounts();
  const topics = new Map<string, TopicStats>();
  const questions: QuestionRow[] = [];
  let practiceSeconds = 0;

  const windowStart = days.startOf(firstReviewDay);
  const windowEnd = days.startOf(today + 1);

  for (const entry of history.questions()) {
    if (entry.attempts.length === 0 && entry.reviews.length === 0) continue;
    const info = lookup(entry.question);
    const topic = topicOf(entry, info);
    const prompt = info?.prompt ?? entry.attempts.at(-1)?.prompt;
    const topicStats = topics.get(topic) ?? newTopic(topic);
    topics.set(topic, topicStats);
    topicStats.questions++;

    let best: number | undefined;
    let last = 0;
    for (const attempt of entry.attempts) {
      times.push(attempt.at);
      practiceSeconds += attempt.activeSeconds;
      topicStats.attempts++;
      topicStats.activeSeconds += attempt.activeSeconds;
      topicStats.budgetSeconds += attempt.budgetSeconds;
      if (attempt.activeSeconds > attempt.budgetSeconds) topicStats.overBudget++;
      best = best === undefined ? attempt.activeSeconds : Math.min(best, attempt.activeSeconds);
      last = Math.max(last, attempt.at);
    }
    for (const review of entry.reviews) {
      times.push(review.at);
      ratings[review.rating]++;
      if (review.at >= windowStart && review.at < windowEnd) perDay[days.dayOf(review.at) - firstReviewDay][review.rating]++;
      topicStats.reviews++;
      if (review.keyPoints) countKeyPoints(review.keyPoints, topicStats.keyPoints);
      last = Math.max(last, review.at);
    }

    const card = scheduler.card(entry);
    questions.push({
      id: entry.question,
      topic,
      ...(prompt !== undefined ? { prompt } : {}),
      inLibrary: info !== undefined,
      state: card.state,
      ...(card.state !== 'new' ? { due: card.due } : {}),
      ...(card.lastRating ? { lastRating: card.lastRating } : {}),
      suspended: card.suspended,
      attempts: entry.attempts.length,
      reviews: entry.reviews.length,
      ...(best !== undefined ? { bestSeconds: best } : {}),
      ...(last > 0 ? { lastPractisedAt: last } : {}),
    });
  }

  const dayCounts = practiceDays(times, days);
  for (const topic of topics.values()) {
    const { covered, partly, missed } = topic.keyPoints;
    const total = covered + partly + missed;
    if (total > 0) topic.coverage = (covered + partly / 2) / total;
  }
  const reviews = RATINGS.reduce((sum, rating) => sum + ratings[rating], 0);
  const passed = reviews - ratings.again;
  const queue = scheduler.dueCount(history, options);

  return {
    totals: { attempts: history.attemptCount, reviews, questions: questions.length, practiceSeconds, practiceDays: dayCounts.size },
    streak: streaks(dayCounts, today),
    dueToday: queue.due,
    newToday: queue.new,
    retention: { reviews, passed, ...(reviews > 0 ? { rate: passed / reviews } : {}) },
    ratings,
    heatmap: heatmap(dayCounts, today, options),
    reviewsPerDay: perDay.map((counts, i) => ({ day: days.label(firstReviewDay + i), ...counts })),
    forecast: scheduler.forecast(history, { ...options, horizonDays: options.forecastDays ?? 30 }),
    topics: [...topics.values()].sort((a, b) => a.topic.localeCompare(b.topic)),
    questions: questions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/**
 * Practice per local day. The times are sorted first, so each day's bounds are computed once: asking the time zone
 * about every one of 100,000 instants would cost more than all the rest of the stats.
 */
function practiceDays(times: number[], days: StatsOptions['days']): Map<number, number> {
  const sorted = Float64Array.from(times).sort();
  const counts = new Map<number, number>();
  let day = 0;
  let end = -Infinity;
  let count = 0;
  for (const time of sorted) {
    if (time >= end) {
      if (count > 0) counts.set(day, count);
      day = days.dayOf(time);
      end = days.startOf(day + 1);
      count = 0;
    }
    count++;
  }
  if (count > 0) counts.set(day, count);
  return counts;
}

/** The current streak counts back from today, or from yesterday while today has no practice yet. */
export function streaks(practiceDays: ReadonlyMap<number, number> | ReadonlySet<number>, today: number): Stats['streak'] {
  const has = (day: number) => practiceDays.has(day);
  const practisedToday = has(today);
  let current = 0;
  for (let day = practisedToday ? today : today - 1; has(day); day--) current++;
  let longest = 0;
  for (const day of practiceDays.keys()) {
    if (has(day - 1)) continue; // not the first day of a run
    let length = 1;
    while (has(day + length)) length++;
    longest = Math.max(longest, length);
  }
  return { current, longest, practisedToday };
}

function heatmap(dayCounts: ReadonlyMap<number, number>, today: number, options: StatsOptions): HeatmapDay[] {
  const weeks = options.heatmapWeeks ?? 26;
  const monday = today - options.days.weekday(today);
  const first = monday - (weeks - 1) * 7;
  return Array.from({ length: weeks * 7 }, (_, i) => {
    const day = first + i;
    return { day: options.days.label(day), weekday: i % 7, count: day > today ? 0 : (dayCounts.get(day) ?? 0) };
  });
}

/** Counts the letters of a stored checklist (`c`, `p`, `m`) without building an array per review. */
function countKeyPoints(letters: string, into: TopicStats['keyPoints']): void {
  for (let i = 0; i < letters.length; i++) {
    const letter = letters.charCodeAt(i);
    if (letter === 99) into.covered++;
    else if (letter === 112) into.partly++;
    else if (letter === 109) into.missed++;
  }
}

function emptyCounts(): RatingCounts {
  return { again: 0, hard: 0, good: 0, easy: 0 };
}

function newTopic(topic: string): TopicStats {
  return { topic, questions: 0, attempts: 0, activeSeconds: 0, budgetSeconds: 0, overBudget: 0, reviews: 0, keyPoints: { covered: 0, partly: 0, missed: 0 } };
}
