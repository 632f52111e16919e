/**
 * What the stats view shows, from the numbers `computeStats` gives (pure, no DOM): the overview tiles and, per
 * chart, its shapes, a one-sentence summary for screen readers and a table of the same numbers. Chart and table are
 * built from the same values here, so they cannot disagree; the page only turns this into elements.
 */
import type { Rating } from '../core/history/events';
import { formatDuration } from '../core/text';
import type { StatsSummary } from '../protocol/stats';
import { barRows, type Chart, columnChart, HEAT_LEVELS, heatmapChart, type Segment, shortDay, weekdayName } from './charts';

export interface Tile {
  label: string;
  value: string;
  detail: string;
}

export interface Table {
  caption: string;
  head: string[];
  /** The first cell of each row names it (a row header). */
  rows: string[][];
}

export interface LegendItem {
  className: string;
  label: string;
}

export interface ChartSection {
  id: string;
  heading: string;
  /** The chart in one sentence: its SVG's accessible name. */
  summary: string;
  /** Absent when there is nothing to draw yet; `note` then says what will fill it. */
  chart?: Chart;
  legend: LegendItem[];
  table?: Table;
  note?: string;
}

export interface StatsView {
  /** Nothing practised yet: the page shows how to start instead. */
  empty: boolean;
  tiles: Tile[];
  sections: ChartSection[];
}

export const RATING_ORDER: readonly Rating[] = ['again', 'hard', 'good', 'easy'];
export const RATING_NAMES: Record<Rating, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };
const RATING_LEGEND: LegendItem[] = RATING_ORDER.map((rating) => ({ className: `rating-${rating}`, label: RATING_NAMES[rating] }));

export function statsView(stats: StatsSummary): StatsView {
  return {
    empty: stats.totals.attempts === 0 && stats.totals.reviews === 0,
    tiles: tiles(stats),
    sections: [heatmapSection(stats), reviewsSection(stats), forecastSection(stats), timeSection(stats), coverageSection(stats), retentionSection(stats)],
  };
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A total time in words (`3 h 25 min`, `45 min`): a clock's `20:59:53` would read as a time of day. */
export function hoursAndMinutes(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function tiles(stats: StatsSummary): Tile[] {
  const { streak, totals, retention } = stats;
  const streakDetail = streak.practisedToday ? 'including today' : streak.current > 0 ? 'practise today to keep it' : 'practise today to start one';
  return [
    { label: 'Current streak', value: plural(streak.current, 'day'), detail: streakDetail },
    { label: 'Longest streak', value: plural(streak.longest, 'day'), detail: `${plural(totals.practiceDays, 'practice day')} in all` },
    { label: 'Due today', value: String(stats.dueToday), detail: `and ${stats.newToday} new` },
    { label: 'True retention', value: retention.rate === undefined ? '–' : percent(retention.rate), detail: retention.reviews === 0 ? 'no reviews yet' : `${retention.passed} of ${plural(retention.reviews, 'review')} not Again` },
    { label: 'Attempts', value: String(totals.attempts), detail: `on ${plural(totals.questions, 'question')}` },
    { label: 'Reviews', value: String(totals.reviews), detail: RATING_ORDER.map((r) => `${stats.ratings[r]} ${RATING_NAMES[r]}`).join(', ') },
    { label: 'Time practised', value: hoursAndMinutes(totals.practiceSeconds), detail: 'answering, pauses left out' },
  ];
}

function heatmapSection(stats: StatsSummary): ChartSection {
  const days = stats.heatmap;
  const today = lastDay(stats);
  const shown = days.filter((d) => d.day <= today);
  const practised = shown.filter((d) => d.count > 0);
  const busiest = maxBy(practised, (d) => d.count);
  const weeks = Math.ceil(days.length / 7);
  const describe = (day: (typeof days)[number], level: number) =>
    `${weekdayName(day.weekday)} ${shortDay(day.day)}: ${day.count === 0 ? 'no practice' : plural(day.count, 'attempt or review', 'attempts and reviews')}, level ${level} of ${HEAT_LEVELS}`;
  const rows: string[][] = [];
  for (let week = 0; week < weeks; week++) {
    const slice = days.slice(week * 7, week * 7 + 7);
    rows.push([`Week of ${shortDay(slice[0].day)}`, ...slice.map((d) => (d.day > today ? '' : String(d.count)))]);
  }
  return {
    id: 'heatmap',
    heading: 'Practice days',
    summary: practised.length === 0
      ? `Practice days, last ${weeks} weeks: no practice yet.`
      : `Practice days, last ${weeks} weeks: practised on ${plural(practised.length, 'day')}, busiest ${shortDay(busiest!.day)} with ${busiest!.count}.`,
    chart: heatmapChart(days, today, describe),
    legend: Array.from({ length: HEAT_LEVELS + 1 }, (_, level) => ({ className: `heat heat-${level}`, label: level === 0 ? 'none' : `level ${level}` })),
    table: { caption: `Attempts and reviews per day, last ${weeks} weeks`, head: ['Week', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], rows },
  };
}

function reviewsSection(stats: StatsSummary): ChartSection {
  const days = stats.reviewsPerDay;
  const total = (d: (typeof days)[number]) => RATING_ORDER.reduce((sum, r) => sum + d[r], 0);
  const sum = days.reduce((acc, d) => acc + total(d), 0);
  const busiest = maxBy(days, total);
  const section: ChartSection = {
    id: 'reviews',
    heading: `Reviews per day, last ${days.length} days`,
    summary: sum === 0
      ? `Reviews per day, last ${days.length} days: none.`
      : `Reviews per day, last ${days.length} days: ${plural(sum, 'review')} (${RATING_ORDER.map((r) => `${RATING_NAMES[r]} ${days.reduce((a, d) => a + d[r], 0)}`).join(', ')}), busiest ${shortDay(busiest!.day)} with ${total(busiest!)}.`,
    legend: RATING_LEGEND,
  };
  if (sum === 0) return { ...section, note: 'No reviews in this time. Rate an answer in its review and it counts here.' };
  return {
    ...section,
    chart: columnChart(days.map((d, i) => ({
      segments: RATING_ORDER.map((r) => ({ value: d[r], className: `rating-${r}`, title: `${shortDay(d.day)}: ${d[r]} ${RATING_NAMES[r]}` })),
      ...(weekly(days.length - 1 - i) ? { tick: shortDay(d.day) } : {}),
    }))),
    table: { caption: `Reviews per day by rating, last ${days.length} days`, head: ['Day', ...RATING_ORDER.map((r) => RATING_NAMES[r]), 'Total'], rows: days.map((d) => [shortDay(d.day), ...RATING_ORDER.map((r) => String(d[r])), String(total(d))]) },
  };
}

function forecastSection(stats: StatsSummary): ChartSection {
  const days = stats.forecast;
  const sum = days.reduce((acc, d) => acc + d.due, 0);
  const busiest = maxBy(days, (d) => d.due);
  const name = (i: number) => (i === 0 ? 'Today' : shortDay(days[i].day));
  const section: ChartSection = {
    id: 'forecast',
    heading: `Due in the next ${days.length} days`,
    summary: sum === 0
      ? `Due in the next ${days.length} days: nothing.`
      : `Due in the next ${days.length} days: ${plural(sum, 'question')}, ${days[0].due} today (overdue included), busiest ${name(days.indexOf(busiest!))} with ${busiest!.due}.`,
    legend: [{ className: 'due', label: 'Questions due (today’s includes overdue ones)' }],
  };
  if (sum === 0) return { ...section, note: 'Nothing is scheduled yet. Each question you rate comes back here on the day it is due.' };
  return {
    ...section,
    chart: columnChart(days.map((d, i) => ({ segments: [{ value: d.due, className: 'due', title: `${name(i)}: ${plural(d.due, 'question')} due` }], ...(weekly(i) ? { tick: name(i) } : {}) }))),
    table: { caption: `Questions due per day, next ${days.length} days (today includes overdue ones)`, head: ['Day', 'Due'], rows: days.map((d, i) => [name(i), String(d.due)]) },
  };
}

function timeSection(stats: StatsSummary): ChartSection {
  const topics = stats.topics.filter((t) => t.attempts > 0);
  const share = (t: (typeof topics)[number]) => (t.budgetSeconds > 0 ? ` (${percent(t.activeSeconds / t.budgetSeconds)})` : '');
  const section: ChartSection = {
    id: 'time',
    heading: 'Time used against budget, by topic',
    summary: topics.length === 0
      ? 'Time used against budget, by topic: no attempts yet.'
      : `Time used against budget, by topic: ${topics.map((t) => `${t.topic} ${formatDuration(t.activeSeconds)} of ${formatDuration(t.budgetSeconds)}${share(t)}`).join('; ')}.`,
    legend: [{ className: 'budget', label: 'Budget' }, { className: 'used', label: 'Used' }, { className: 'over', label: 'Used, over budget' }],
  };
  if (topics.length === 0) return { ...section, note: 'No attempts yet. Answer a question against the clock and its time shows here.' };
  return {
    ...section,
    chart: barRows(topics.map((t) => ({
      label: t.topic,
      value: `${formatDuration(t.activeSeconds)} of ${formatDuration(t.budgetSeconds)}${share(t)}`,
      track: { value: t.budgetSeconds, className: 'budget', title: `${t.topic}: budget ${formatDuration(t.budgetSeconds)}` },
      segments: [{ value: t.activeSeconds, className: t.activeSeconds > t.budgetSeconds ? 'over' : 'used', title: `${t.topic}: used ${formatDuration(t.activeSeconds)}` }],
    }))),
    table: {
      caption: 'Time used against budget, by topic',
      head: ['Topic', 'Attempts', 'Used', 'Budget', 'Used of budget', 'Attempts over budget'],
      rows: topics.map((t) => [t.topic, String(t.attempts), formatDuration(t.activeSeconds), formatDuration(t.budgetSeconds), t.budgetSeconds > 0 ? percent(t.activeSeconds / t.budgetSeconds) : '–', String(t.overBudget)]),
    },
  };
}

function coverageSection(stats: StatsSummary): ChartSection {
  const judged = stats.topics.filter((t) => t.coverage !== undefined);
  const unjudged = stats.topics.filter((t) => t.reviews > 0 && t.coverage === undefined);
  const section: ChartSection = {
    id: 'coverage',
    heading: 'Key-point coverage, by topic',
    summary: judged.length === 0
      ? 'Key-point coverage, by topic: no key points judged yet.'
      : `Key-point coverage, by topic (partly counts half): ${judged.map((t) => `${t.topic} ${percent(t.coverage!)}`).join(', ')}.`,
    legend: [{ className: 'covered', label: 'Covered' }, { className: 'partly', label: 'Partly' }, { className: 'missed', label: 'Missed' }],
    ...(unjudged.length > 0 ? { note: `No key points judged yet in ${unjudged.map((t) => t.topic).join(', ')}.` } : {}),
  };
  if (judged.length === 0) return { ...section, note: 'No key points judged yet. Mark each key point in a review as covered, partly or missed, and your coverage shows here.' };
  const parts = (t: (typeof judged)[number]): Segment[] => {
    const total = t.keyPoints.covered + t.keyPoints.partly + t.keyPoints.missed;
    return (['covered', 'partly', 'missed'] as const).map((mark) => ({ value: t.keyPoints[mark] / total, className: mark, title: `${t.topic}: ${t.keyPoints[mark]} ${mark}` }));
  };
  return {
    ...section,
    chart: barRows(judged.map((t) => ({ label: t.topic, value: `${percent(t.coverage!)} covered`, segments: parts(t) })), 1),
    table: {
      caption: 'Key points over all reviews, by topic (coverage counts partly as half)',
      head: ['Topic', 'Covered', 'Partly', 'Missed', 'Coverage'],
      rows: judged.map((t) => [t.topic, String(t.keyPoints.covered), String(t.keyPoints.partly), String(t.keyPoints.missed), percent(t.coverage!)]),
    },
  };
}

function retentionSection(stats: StatsSummary): ChartSection {
  const { retention, ratings } = stats;
  const section: ChartSection = {
    id: 'retention',
    heading: 'True retention',
    summary: retention.rate === undefined
      ? 'True retention: no reviews yet.'
      : `True retention ${percent(retention.rate)}: ${retention.passed} of ${plural(retention.reviews, 'review')} not rated Again.`,
    legend: RATING_LEGEND,
  };
  if (retention.rate === undefined) return { ...section, note: 'No reviews yet. Your retention is the share of reviews not rated Again.' };
  return {
    ...section,
    chart: barRows([{ label: 'All reviews', value: `${percent(retention.rate)} not Again`, segments: RATING_ORDER.map((r) => ({ value: ratings[r], className: `rating-${r}`, title: `${RATING_NAMES[r]}: ${ratings[r]}` })) }]),
    table: {
      caption: 'Reviews by rating (every rating but Again is a pass)',
      head: ['Rating', 'Reviews', 'Share'],
      rows: RATING_ORDER.map((r) => [RATING_NAMES[r], String(ratings[r]), percent(ratings[r] / retention.reviews)]),
    },
  };
}

/** Today: the last day of reviews per day. */
function lastDay(stats: StatsSummary): string {
  return stats.reviewsPerDay.at(-1)?.day ?? stats.heatmap.at(-1)?.day ?? '';
}

/** Labels under every seventh column, counted from today's so that today is named. */
function weekly(daysFromToday: number): boolean {
  return daysFromToday % 7 === 0;
}

function maxBy<T>(items: readonly T[], value: (item: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || value(item) > value(best)) best = item;
  return best;
}
