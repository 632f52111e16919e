/**
 * Statistics of the practice history, computed in one pass (pure): what the stats view draws and the CLI prints.
 * Questions whose dialogue is gone still count in every total; they are grouped under the topic recorded with their
 * attempts, or under `UNKNOWN_TOPIC` (`topicOf`).
 */
import { type Rating, RATINGS } from '../history/events';
import { type History, type QuestionHistory, type QuestionInfo, type QuestionLookup, topicOf } from '../history/history';
import { ATTEMPT_ROW, ratingOfKind } from '../history/table';
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
  const reviewDays = options.reviewDays ?? 30;
  const firstReviewDay = today - reviewDays + 1;
  const topics = new Map<string, TopicStats>();

  // Per question, by its number in the event table: its topic's stats, best time and last practice.
  const entries: { entry: QuestionHistory; info: QuestionInfo | undefined }[] = [];
  const topicOfQuestion: TopicStats[] = [];
  for (const entry of history.questions()) {
    if (entry.summary.attempts === 0 && entry.summary.reviews === 0) continue;
    const info = lookup(entry.question);
    const topic = topicOf(entry, info);
    let topicStats = topics.get(topic);
    if (!topicStats) topics.set(topic, (topicStats = newTopic(topic)));
    topicStats.questions++;
    entries.push({ entry, info });
    topicOfQuestion[entry.index] = topicStats;
  }

  // One pass over the columns of every attempt and review that counts.
  const table = history.table;
  const size = history.indexSize;
  const best = new Float64Array(size).fill(Infinity);
  const last = new Float64Array(size);
  const byKind = new Float64Array(RATINGS.length + 1);
  /** `reviewEnds[i]`: the first instant after day `firstReviewDay + i`; one time-zone question per day, not per review. */
  const reviewEnds = Array.from({ length: reviewDays }, (_, i) => days.startOf(firstReviewDay + i + 1));
  const windowStart = days.startOf(firstReviewDay);
  const windowEnd = reviewEnds[reviewDays - 1];
  const perDay = Array.from({ length: reviewDays }, () => new Float64Array(RATINGS.length + 1));
  let practiceSeconds = 0;
  for (let row = 0; row < table.length; row++) {
    const question = table.question[row];
    const topicStats = topicOfQuestion[question];
    const at = table.at[row];
    const kind = table.kind[row];
    if (at > last[question]) last[question] = at;
    byKind[kind]++;
    if (kind === ATTEMPT_ROW) {
      const seconds = table.seconds[row];
      practiceSeconds += seconds;
      topicStats.attempts++;
      topicStats.activeSeconds += seconds;
      topicStats.budgetSeconds += table.budget[row];
      if (seconds > table.budget[row]) topicStats.overBudget++;
      if (seconds < best[question]) best[question] = seconds;
      continue;
    }
    if (at >= windowStart && at < windowEnd) {
      let day = 0;
      while (at >= reviewEnds[day]) day++;
      perDay[day][kind]++;
    }
    topicStats.reviews++;
    topicStats.keyPoints.covered += table.covered[row];
    topicStats.keyPoints.partly += table.partly[row];
    topicStats.keyPoints.missed += table.missed[row];
  }

  const questions: QuestionRow[] = entries.map(({ entry, info }) => {
    const index = entry.index;
    const prompt = info?.prompt ?? entry.summary.prompt;
    const card = scheduler.card(entry);
    return {
      id: entry.question,
      topic: topicOfQuestion[index].topic,
      ...(prompt !== undefined ? { prompt } : {}),
      inLibrary: info !== undefined,
      state: card.state,
      ...(card.state !== 'new' ? { due: card.due } : {}),
      ...(card.lastRating ? { lastRating: card.lastRating } : {}),
      suspended: card.suspended,
      attempts: entry.summary.attempts,
      reviews: entry.summary.reviews,
      ...(best[index] !== Infinity ? { bestSeconds: best[index] } : {}),
      ...(last[index] > 0 ? { lastPractisedAt: last[index] } : {}),
    };
  });

  const dayCounts = practiceDays(table.at, table.length, days);
  for (const topic of topics.values()) {
    const { covered, partly, missed } = topic.keyPoints;
    const total = covered + partly + missed;
    if (total > 0) topic.coverage = (covered + partly / 2) / total;
  }
  const ratings = countsOf(byKind);
  const reviews = RATINGS.reduce((sum, rating) => sum + ratings[rating], 0);
  const passed = reviews - ratings.again;
  const { queue, forecast } = scheduler.outlook(history, { ...options, horizonDays: options.forecastDays ?? 30 });

  return {
    totals: { attempts: history.attemptCount, reviews, questions: questions.length, practiceSeconds, practiceDays: dayCounts.size },
    streak: streaks(dayCounts, today),
    dueToday: queue.due.length,
    newToday: queue.new.length,
    retention: { reviews, passed, ...(reviews > 0 ? { rate: passed / reviews } : {}) },
    ratings,
    heatmap: heatmap(dayCounts, today, options),
    reviewsPerDay: perDay.map((counts, i) => ({ day: days.label(firstReviewDay + i), ...countsOf(counts) })),
    forecast,
    topics: [...topics.values()].sort((a, b) => a.topic.localeCompare(b.topic)),
    questions: questions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/**
 * Practice per local day, from the times of every attempt and review. The time zone is asked once per run of rows
 * on one day, not per row (asking about 200,000 instants would cost more than the rest of the stats), and the times
 * are not sorted (that took a quarter of the stats): rows come nearly in time order (merged logs, then what each
 * window appends), so a day's rows are a few long runs. Any order gives the same counts.
 */
function practiceDays(times: Float64Array, length: number, days: StatsOptions['days']): Map<number, number> {
  const counts = new Map<number, number>();
  let day = 0;
  let start = 0;
  let end = 0;
  let count = 0;
  for (let row = 0; row < length; row++) {
    const time = times[row];
    if (time >= start && time < end) {
      count++;
      continue;
    }
    if (count > 0) counts.set(day, (counts.get(day) ?? 0) + count);
    day = days.dayOf(time);
    start = days.startOf(day);
    end = days.startOf(day + 1);
    count = 1;
  }
  if (count > 0) counts.set(day, (counts.get(day) ?? 0) + count);
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

/** Ratings counted by table kind (`ratingOfKind`) as a record. */
function countsOf(byKind: Float64Array): RatingCounts {
  const counts = { again: 0, hard: 0, good: 0, easy: 0 };
  for (let kind = 1; kind < byKind.length; kind++) counts[ratingOfKind(kind)] = byKind[kind];
  return counts;
}

function newTopic(topic: string): TopicStats {
  return { topic, questions: 0, attempts: 0, activeSeconds: 0, budgetSeconds: 0, overBudget: 0, reviews: 0, keyPoints: { covered: 0, partly: 0, missed: 0 } };
}
