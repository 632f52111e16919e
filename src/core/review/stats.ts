/**
 * Statistics of the practice history, computed in one pass (pure): what the stats view draws and the CLI prints.
 * Questions whose dialogue is gone still count in every total; they are grouped under the topic recorded with their
 * attempts, or under `UNKNOWN_TOPIC` (`topicOf`).
 */
import { type Rating, RATINGS } from '../history/events';
import { type History, type QuestionHistory, type QuestionInfo, type QuestionLookup, topicOf } from '../history/history';
import { ATTEMPT_ROW, type EventTable, ratingOfKind } from '../history/table';
import type { CardState, ForecastDay, QueueOptions, Scheduler } from './scheduler';
import { compareForDisplay } from '../text';

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

  // Per question, by its number in the event table: its topic's number.
  const topicNames: string[] = [];
  const questionsPerTopic: number[] = [];
  const topicNumbers = new Map<string, number>();
  const entries: { entry: QuestionHistory; info: QuestionInfo | undefined; topic: number }[] = [];
  const topicOfQuestion = new Int32Array(history.indexSize);
  for (const entry of history.questions()) {
    if (entry.summary.attempts === 0 && entry.summary.reviews === 0) continue;
    const info = lookup(entry.question);
    const name = topicOf(entry, info);
    let topic = topicNumbers.get(name);
    if (topic === undefined) {
      topic = topicNames.push(name) - 1;
      questionsPerTopic.push(0);
      topicNumbers.set(name, topic);
    }
    questionsPerTopic[topic]++;
    entries.push({ entry, info, topic });
    topicOfQuestion[entry.index] = topic;
  }

  /** `reviewEnds[i]`: the first instant after day `firstReviewDay + i`; one time-zone question per day, not per review. */
  const reviewEnds = Float64Array.from({ length: reviewDays }, (_, i) => days.startOf(firstReviewDay + i + 1));
  const sums = sumRows(history.table, topicOfQuestion, topicNames.length, days.startOf(firstReviewDay), reviewEnds);

  const questions = entries.map(({ entry, info, topic }) => {
    const index = entry.index;
    const card = scheduler.card(entry);
    const row: QuestionRow = {
      id: entry.question,
      topic: topicNames[topic],
      inLibrary: info !== undefined,
      state: card.state,
      suspended: card.suspended,
      attempts: entry.summary.attempts,
      reviews: entry.summary.reviews,
    };
    // Set only when known, as the view and `--json` expect; no spread of a temporary object per field and row.
    const prompt = info?.prompt ?? entry.summary.prompt;
    if (prompt !== undefined) row.prompt = prompt;
    if (card.state !== 'new') row.due = card.due;
    if (card.lastRating) row.lastRating = card.lastRating;
    if (sums.best[index] !== Infinity) row.bestSeconds = sums.best[index];
    if (sums.last[index] > 0) row.lastPractisedAt = sums.last[index];
    return row;
  });
  const topics = topicNames.map((name, topic) => topicStats(name, topic, questionsPerTopic[topic], sums));

  const dayCounts = practiceDays(history.table.at, history.table.length, days);
  const ratings = countsOf(sums.byKind, 0);
  const reviews = RATINGS.reduce((sum, rating) => sum + ratings[rating], 0);
  const passed = reviews - ratings.again;
  const { queue, forecast } = scheduler.outlook(history, { ...options, horizonDays: options.forecastDays ?? 30 });

  return {
    totals: { attempts: history.attemptCount, reviews, questions: questions.length, practiceSeconds: sums.practiceSeconds, practiceDays: dayCounts.size },
    streak: streaks(dayCounts, today),
    dueToday: queue.due.length,
    newToday: queue.new.length,
    retention: { reviews, passed, ...(reviews > 0 ? { rate: passed / reviews } : {}) },
    ratings,
    heatmap: heatmap(dayCounts, today, options),
    reviewsPerDay: Array.from({ length: reviewDays }, (_, i) => ({ day: days.label(firstReviewDay + i), ...countsOf(sums.perDay, i * KINDS) })),
    forecast,
    topics: topics.sort((a, b) => compareForDisplay(a.topic, b.topic)),
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

/** Ratings counted by table kind (`ratingOfKind`) as a record, from the `KINDS` counts at `offset`. */
function countsOf(byKind: Float64Array, offset: number): RatingCounts {
  const counts = { again: 0, hard: 0, good: 0, easy: 0 };
  for (let kind = 1; kind < KINDS; kind++) counts[ratingOfKind(kind)] = byKind[offset + kind];
  return counts;
}

/** Row kinds: attempts, then one per rating. */
const KINDS = RATINGS.length + 1;

/** The sums of a topic, at `topic * TOPIC_FIELDS + field` in `RowSums.topics`. */
const enum TopicField {
  Attempts,
  ActiveSeconds,
  BudgetSeconds,
  OverBudget,
  Reviews,
  Covered,
  Partly,
  Missed,
}
const TOPIC_FIELDS = 8;

interface RowSums {
  topics: Float64Array;
  /** By question number: its shortest attempt (Infinity without one) and its last attempt or review (0 without). */
  best: Float64Array;
  last: Float64Array;
  /** Rows by kind, and reviews in the window by day and kind (`day * KINDS + kind`). */
  byKind: Float64Array;
  perDay: Float64Array;
  practiceSeconds: number;
}

/**
 * One pass over the columns of every attempt and review that counts, into typed arrays only: a field of a topic
 * object costs a check of its shape on each of 200,000 rows, and one field turning from integer to fraction
 * throws away the compiled loop. A small function of its own is also compiled sooner, while the view waits.
 */
function sumRows(table: EventTable, topicOfQuestion: Int32Array, topicCount: number, windowStart: number, reviewEnds: Float64Array): RowSums {
  const { at: times, kind: kinds, question: questionOf, seconds: secondsOf, budget: budgetOf, covered, partly, missed } = table;
  const rows = table.length;
  const topics = new Float64Array(topicCount * TOPIC_FIELDS);
  const best = new Float64Array(topicOfQuestion.length).fill(Infinity);
  const last = new Float64Array(topicOfQuestion.length);
  const byKind = new Float64Array(KINDS);
  const perDay = new Float64Array(reviewEnds.length * KINDS);
  const windowEnd = reviewEnds.length > 0 ? reviewEnds[reviewEnds.length - 1] : windowStart;
  let practiceSeconds = 0;
  for (let row = 0; row < rows; row++) {
    const question = questionOf[row];
    const base = topicOfQuestion[question] * TOPIC_FIELDS;
    const at = times[row];
    const kind = kinds[row];
    if (at > last[question]) last[question] = at;
    byKind[kind]++;
    if (kind === ATTEMPT_ROW) {
      const seconds = secondsOf[row];
      const budget = budgetOf[row];
      practiceSeconds += seconds;
      topics[base + TopicField.Attempts]++;
      topics[base + TopicField.ActiveSeconds] += seconds;
      topics[base + TopicField.BudgetSeconds] += budget;
      if (seconds > budget) topics[base + TopicField.OverBudget]++;
      if (seconds < best[question]) best[question] = seconds;
      continue;
    }
    if (at >= windowStart && at < windowEnd) {
      let day = 0;
      while (at >= reviewEnds[day]) day++;
      perDay[day * KINDS + kind]++;
    }
    topics[base + TopicField.Reviews]++;
    topics[base + TopicField.Covered] += covered[row];
    topics[base + TopicField.Partly] += partly[row];
    topics[base + TopicField.Missed] += missed[row];
  }
  return { topics, best, last, byKind, perDay, practiceSeconds };
}

/** A topic's figures from its sums. */
function topicStats(topic: string, number: number, questions: number, sums: RowSums): TopicStats {
  const field = (name: TopicField) => sums.topics[number * TOPIC_FIELDS + name];
  const keyPoints = { covered: field(TopicField.Covered), partly: field(TopicField.Partly), missed: field(TopicField.Missed) };
  const total = keyPoints.covered + keyPoints.partly + keyPoints.missed;
  return {
    topic,
    questions,
    attempts: field(TopicField.Attempts),
    activeSeconds: field(TopicField.ActiveSeconds),
    budgetSeconds: field(TopicField.BudgetSeconds),
    overBudget: field(TopicField.OverBudget),
    reviews: field(TopicField.Reviews),
    keyPoints,
    ...(total > 0 ? { coverage: (keyPoints.covered + keyPoints.partly / 2) / total } : {}),
  };
}
