/**
 * What the stats view shows, from the numbers `computeStats` gives (pure, no DOM): the overview tiles and, per
 * chart, its shapes, a one-sentence summary for screen readers and a table of the same numbers. Chart and table are
 * built from the same values here, so they cannot disagree; the page only turns this into elements.
 */
import * as l10n from '@vscode/l10n';
import { plural } from '../core/plural';
import { formatDuration } from '../core/text';
import type { StatsSummary } from '../protocol/stats';
import { barRows, type Chart, columnChart, HEAT_LEVELS, heatmapChart, type Segment, shortDay, weekdayName, weekdayNames } from './charts';
import { RATING_ORDER, ratingName } from './ratings';

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

function ratingLegend(): LegendItem[] {
  return RATING_ORDER.map((rating) => ({ className: `rating-${rating}`, label: ratingName(rating) }));
}

export function statsView(stats: StatsSummary): StatsView {
  return {
    empty: stats.totals.attempts === 0 && stats.totals.reviews === 0,
    tiles: tiles(stats),
    sections: [heatmapSection(stats), reviewsSection(stats), forecastSection(stats), timeSection(stats), coverageSection(stats), retentionSection(stats)],
  };
}

/** A total time in words (`3 h 25 min`, `45 min`): a clock's `20:59:53` would read as a time of day. */
export function hoursAndMinutes(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? l10n.t('{0} h {1} min', hours, minutes % 60) : l10n.t('{0} min', minutes);
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function tiles(stats: StatsSummary): Tile[] {
  const { streak, totals, retention } = stats;
  const streakDetail = streak.practisedToday ? l10n.t('including today') : streak.current > 0 ? l10n.t('practise today to keep it') : l10n.t('practise today to start one');
  // Its own message (a zero form too): the scheduler's `# days` follows `in`, which some languages inflect.
  const days = (count: number) => plural(l10n.t('{0, plural, =0 {no days} one {# day} other {# days}}'), count);
  return [
    { label: l10n.t('Current streak'), value: days(streak.current), detail: streakDetail },
    { label: l10n.t('Longest streak'), value: days(streak.longest), detail: plural(l10n.t('{0, plural, one {# practice day} other {# practice days}} in all'), totals.practiceDays) },
    { label: l10n.t('Due today'), value: String(stats.dueToday), detail: l10n.t('and {0} new', stats.newToday) },
    {
      label: l10n.t('True retention'),
      value: retention.rate === undefined ? '–' : percent(retention.rate),
      detail: retention.reviews === 0 ? l10n.t('no reviews yet') : plural(l10n.t('{0} of {1, plural, one {# review} other {# reviews}} not Again', retention.passed), retention.passed, retention.reviews),
    },
    { label: l10n.t('Attempts'), value: String(totals.attempts), detail: plural(l10n.t('on {0, plural, one {# question} other {# questions}}'), totals.questions) },
    { label: l10n.t('Reviews'), value: String(totals.reviews), detail: RATING_ORDER.map((r) => `${stats.ratings[r]} ${ratingName(r)}`).join(', ') },
    { label: l10n.t('Time practised'), value: hoursAndMinutes(totals.practiceSeconds), detail: l10n.t('answering, pauses left out') },
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
    day.count === 0
      ? l10n.t('{0} {1}: no practice, level {2} of {3}', weekdayName(day.weekday), shortDay(day.day), level, HEAT_LEVELS)
      : plural(l10n.t('{0} {1}: {4, plural, one {# attempt or review} other {# attempts and reviews}}, level {2} of {3}', weekdayName(day.weekday), shortDay(day.day), level, HEAT_LEVELS), weekdayName(day.weekday), shortDay(day.day), level, HEAT_LEVELS, day.count);
  const rows: string[][] = [];
  for (let week = 0; week < weeks; week++) {
    const slice = days.slice(week * 7, week * 7 + 7);
    rows.push([l10n.t('Week of {0}', shortDay(slice[0].day)), ...slice.map((d) => (d.day > today ? '' : String(d.count)))]);
  }
  return {
    id: 'heatmap',
    heading: l10n.t('Practice days'),
    summary: practised.length === 0
      ? l10n.t('Practice days, last {0} weeks: no practice yet.', weeks)
      : plural(l10n.t('Practice days, last {0} weeks: practised on {1, plural, one {# day} other {# days}}, busiest {2} with {3}.', weeks, practised.length, shortDay(busiest!.day), busiest!.count), weeks, practised.length),
    chart: heatmapChart(days, today, describe),
    legend: Array.from({ length: HEAT_LEVELS + 1 }, (_, level) => ({ className: `heat heat-${level}`, label: level === 0 ? l10n.t('none') : l10n.t('level {0}', level) })),
    table: { caption: l10n.t('Attempts and reviews per day, last {0} weeks', weeks), head: [l10n.t('Week'), ...weekdayNames()], rows },
  };
}

function reviewsSection(stats: StatsSummary): ChartSection {
  const days = stats.reviewsPerDay;
  const total = (d: (typeof days)[number]) => RATING_ORDER.reduce((sum, r) => sum + d[r], 0);
  const sum = days.reduce((acc, d) => acc + total(d), 0);
  const busiest = maxBy(days, total);
  const section: ChartSection = {
    id: 'reviews',
    heading: l10n.t('Reviews per day, last {0} days', days.length),
    summary: sum === 0
      ? l10n.t('Reviews per day, last {0} days: none.', days.length)
      : plural(
          l10n.t('Reviews per day, last {0} days: {1, plural, one {# review} other {# reviews}} ({2}), busiest {3} with {4}.', days.length, sum, RATING_ORDER.map((r) => `${ratingName(r)} ${days.reduce((a, d) => a + d[r], 0)}`).join(', '), shortDay(busiest!.day), total(busiest!)),
          days.length,
          sum,
        ),
    legend: ratingLegend(),
  };
  if (sum === 0) return { ...section, note: l10n.t('No reviews in this time. Rate an answer in its review and it counts here.') };
  return {
    ...section,
    chart: columnChart(days.map((d, i) => ({
      segments: RATING_ORDER.map((r) => ({ value: d[r], className: `rating-${r}`, title: `${shortDay(d.day)}: ${d[r]} ${ratingName(r)}` })),
      ...(weekly(days.length - 1 - i) ? { tick: shortDay(d.day) } : {}),
    }))),
    table: { caption: l10n.t('Reviews per day by rating, last {0} days', days.length), head: [l10n.t('Day'), ...RATING_ORDER.map(ratingName), l10n.t('Total')], rows: days.map((d) => [shortDay(d.day), ...RATING_ORDER.map((r) => String(d[r])), String(total(d))]) },
  };
}

function forecastSection(stats: StatsSummary): ChartSection {
  const days = stats.forecast;
  const sum = days.reduce((acc, d) => acc + d.due, 0);
  const busiest = maxBy(days, (d) => d.due);
  const name = (i: number) => (i === 0 ? l10n.t('Today') : shortDay(days[i].day));
  const section: ChartSection = {
    id: 'forecast',
    heading: l10n.t('Due in the next {0} days', days.length),
    summary: sum === 0
      ? l10n.t('Due in the next {0} days: nothing.', days.length)
      : plural(l10n.t('Due in the next {0} days: {1, plural, one {# question} other {# questions}}, {2} today (overdue included), busiest {3} with {4}.', days.length, sum, days[0].due, name(days.indexOf(busiest!)), busiest!.due), days.length, sum),
    legend: [{ className: 'due', label: l10n.t('Questions due (today’s includes overdue ones)') }],
  };
  if (sum === 0) return { ...section, note: l10n.t('Nothing is scheduled yet. Each question you rate comes back here on the day it is due.') };
  return {
    ...section,
    chart: columnChart(days.map((d, i) => ({ segments: [{ value: d.due, className: 'due', title: plural(l10n.t('{0}: {1, plural, one {# question} other {# questions}} due', name(i)), name(i), d.due) }], ...(weekly(i) ? { tick: name(i) } : {}) }))),
    table: { caption: l10n.t('Questions due per day, next {0} days (today includes overdue ones)', days.length), head: [l10n.t('Day'), l10n.t('Due')], rows: days.map((d, i) => [name(i), String(d.due)]) },
  };
}

function timeSection(stats: StatsSummary): ChartSection {
  const topics = stats.topics.filter((t) => t.attempts > 0);
  const usedOf = (t: (typeof topics)[number]) =>
    t.budgetSeconds > 0
      ? l10n.t('{0} of {1} ({2})', formatDuration(t.activeSeconds), formatDuration(t.budgetSeconds), percent(t.activeSeconds / t.budgetSeconds))
      : l10n.t('{0} of {1}', formatDuration(t.activeSeconds), formatDuration(t.budgetSeconds));
  const section: ChartSection = {
    id: 'time',
    heading: l10n.t('Time used against budget, by topic'),
    summary: topics.length === 0
      ? l10n.t('Time used against budget, by topic: no attempts yet.')
      : l10n.t('Time used against budget, by topic: {0}.', topics.map((t) => `${t.topic} ${usedOf(t)}`).join('; ')),
    legend: [{ className: 'budget', label: l10n.t('Budget') }, { className: 'used', label: l10n.t('Used') }, { className: 'over', label: l10n.t('Used, over budget') }],
  };
  if (topics.length === 0) return { ...section, note: l10n.t('No attempts yet. Answer a question against the clock and its time shows here.') };
  return {
    ...section,
    chart: barRows(topics.map((t) => ({
      label: t.topic,
      value: usedOf(t),
      track: { value: t.budgetSeconds, className: 'budget', title: l10n.t('{0}: budget {1}', t.topic, formatDuration(t.budgetSeconds)) },
      segments: [{ value: t.activeSeconds, className: t.activeSeconds > t.budgetSeconds ? 'over' : 'used', title: l10n.t('{0}: used {1}', t.topic, formatDuration(t.activeSeconds)) }],
    }))),
    table: {
      caption: l10n.t('Time used against budget, by topic'),
      head: [l10n.t('Topic'), l10n.t('Attempts'), l10n.t('Used'), l10n.t('Budget'), l10n.t('Used of budget'), l10n.t('Attempts over budget')],
      rows: topics.map((t) => [t.topic, String(t.attempts), formatDuration(t.activeSeconds), formatDuration(t.budgetSeconds), t.budgetSeconds > 0 ? percent(t.activeSeconds / t.budgetSeconds) : '–', String(t.overBudget)]),
    },
  };
}

function coverageSection(stats: StatsSummary): ChartSection {
  const judged = stats.topics.filter((t) => t.coverage !== undefined);
  const unjudged = stats.topics.filter((t) => t.reviews > 0 && t.coverage === undefined);
  const section: ChartSection = {
    id: 'coverage',
    heading: l10n.t('Key-point coverage, by topic'),
    summary: judged.length === 0
      ? l10n.t('Key-point coverage, by topic: no key points judged yet.')
      : l10n.t('Key-point coverage, by topic (partly counts half): {0}.', judged.map((t) => `${t.topic} ${percent(t.coverage!)}`).join(', ')),
    legend: [{ className: 'covered', label: l10n.t('Covered') }, { className: 'partly', label: l10n.t('Partly') }, { className: 'missed', label: l10n.t('Missed') }],
    ...(unjudged.length > 0 ? { note: l10n.t('No key points judged yet in {0}.', unjudged.map((t) => t.topic).join(', ')) } : {}),
  };
  if (judged.length === 0) return { ...section, note: l10n.t('No key points judged yet. Mark each key point in a review as covered, partly or missed, and your coverage shows here.') };
  const parts = (t: (typeof judged)[number]): Segment[] => {
    const total = t.keyPoints.covered + t.keyPoints.partly + t.keyPoints.missed;
    const titles = { covered: l10n.t('{0}: {1} covered', t.topic, t.keyPoints.covered), partly: l10n.t('{0}: {1} partly', t.topic, t.keyPoints.partly), missed: l10n.t('{0}: {1} missed', t.topic, t.keyPoints.missed) };
    return (['covered', 'partly', 'missed'] as const).map((mark) => ({ value: t.keyPoints[mark] / total, className: mark, title: titles[mark] }));
  };
  return {
    ...section,
    chart: barRows(judged.map((t) => ({ label: t.topic, value: l10n.t('{0} covered', percent(t.coverage!)), segments: parts(t) })), 1),
    table: {
      caption: l10n.t('Key points over all reviews, by topic (coverage counts partly as half)'),
      head: [l10n.t('Topic'), l10n.t('Covered'), l10n.t('Partly'), l10n.t('Missed'), l10n.t('Coverage')],
      rows: judged.map((t) => [t.topic, String(t.keyPoints.covered), String(t.keyPoints.partly), String(t.keyPoints.missed), percent(t.coverage!)]),
    },
  };
}

function retentionSection(stats: StatsSummary): ChartSection {
  const { retention, ratings } = stats;
  const section: ChartSection = {
    id: 'retention',
    heading: l10n.t('True retention'),
    summary: retention.rate === undefined
      ? l10n.t('True retention: no reviews yet.')
      : plural(l10n.t('True retention {0}: {1} of {2, plural, one {# review} other {# reviews}} not rated Again.', percent(retention.rate), retention.passed), percent(retention.rate), retention.passed, retention.reviews),
    legend: ratingLegend(),
  };
  if (retention.rate === undefined) return { ...section, note: l10n.t('No reviews yet. Your retention is the share of reviews not rated Again.') };
  return {
    ...section,
    chart: barRows([{ label: l10n.t('All reviews'), value: l10n.t('{0} not Again', percent(retention.rate)), segments: RATING_ORDER.map((r) => ({ value: ratings[r], className: `rating-${r}`, title: `${ratingName(r)}: ${ratings[r]}` })) }]),
    table: {
      caption: l10n.t('Reviews by rating (every rating but Again is a pass)'),
      head: [l10n.t('Rating'), l10n.t('Reviews'), l10n.t('Share')],
      rows: RATING_ORDER.map((r) => [ratingName(r), String(ratings[r]), percent(ratings[r] / retention.reviews)]),
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
