// What the stats view shows (src/webview/statsView.ts), from real computeStats output: every chart has a summary
// and a table with the same numbers.
import assert from 'node:assert/strict';
import type { HistoryEvent } from '../../src/core/history/events';
import { History } from '../../src/core/history/history';
import { localDays } from '../../src/core/review/days';
import { Scheduler } from '../../src/core/review/scheduler';
import { computeStats } from '../../src/core/review/stats';
import { parseStatsMessage } from '../../src/protocol/stats';
import type { ChartRect } from '../../src/webview/charts';
import { type ChartSection, hoursAndMinutes, statsView } from '../../src/webview/statsView';
import { attemptEvent, reviewEvent } from './support/historyEvents';

const days = localDays({ utcOffset: () => 0, dayStartHour: 0 });
const now = Date.UTC(2024, 4, 2, 18, 0); // Thursday, May 2
const at = (daysAgo: number, hour = 10) => Date.UTC(2024, 4, 2 - daysAgo, hour);
const library = new Map([
  ['sd#q1', { topic: 'System design', prompt: 'Design a URL shortener' }],
  ['sd#q2', { topic: 'System design', prompt: 'Design a feed' }],
  ['db#q1', { topic: 'Databases', prompt: 'Pick an index' }],
  ['lead#q1', { topic: 'Leadership', prompt: 'A conflict' }],
]);
const events: HistoryEvent[] = [
  attemptEvent('a1', 'sd#q1', at(9), { activeSeconds: 2000, budgetSeconds: 1800 }),
  reviewEvent('r1', 'sd#q1', at(9, 11), 'good', { attempt: 'a1', keyPoints: 'ccpm' }),
  attemptEvent('a2', 'db#q1', at(1), { activeSeconds: 200, budgetSeconds: 300 }),
  reviewEvent('r2', 'db#q1', at(1, 11), 'again', { attempt: 'a2', keyPoints: 'cmm' }),
  attemptEvent('a3', 'db#q1', at(0), { activeSeconds: 250, budgetSeconds: 300 }),
  reviewEvent('r3', 'db#q1', at(0, 11), 'easy', { attempt: 'a3', keyPoints: 'ccc' }),
  attemptEvent('a4', 'sd#q2', at(0, 12), { activeSeconds: 1500, budgetSeconds: 1800 }),
  reviewEvent('r4', 'sd#q2', at(0, 13), 'hard', { attempt: 'a4', keyPoints: 'cp' }),
  // Reviewed without key points: its topic has no coverage yet.
  attemptEvent('a5', 'lead#q1', at(0, 14), { activeSeconds: 240, budgetSeconds: 300 }),
  reviewEvent('r5', 'lead#q1', at(0, 15), 'good', { attempt: 'a5' }),
];
const stats = computeStats(new History(events), new Scheduler(), { now, days, lookup: (id) => library.get(id), library: [...library.keys()] });
const view = statsView(stats);
const section = (id: string): ChartSection => view.sections.find((s) => s.id === id)!;
const rects = (s: ChartSection) => (s.chart?.shapes ?? []).filter((shape): shape is ChartRect => shape.kind === 'rect');

describe('statsView', () => {
  it('shows the streak, totals, due today and retention as tiles', () => {
    const tiles = Object.fromEntries(view.tiles.map((t) => [t.label, `${t.value} · ${t.detail}`]));
    assert.equal(view.empty, false);
    assert.equal(tiles['Current streak'], '2 days · including today');
    assert.equal(tiles['Longest streak'], '2 days · 3 practice days in all');
    assert.equal(tiles['True retention'], '80% · 4 of 5 reviews not Again');
    assert.equal(tiles.Attempts, '5 · on 4 questions');
    assert.equal(tiles.Reviews, '5 · 1 Again, 1 Hard, 2 Good, 1 Easy');
    assert.equal(tiles['Time practised'], '1 h 10 min · answering, pauses left out');
  });

  it('has a chart, a summary and a table for each of the six sections', () => {
    assert.deepEqual(view.sections.map((s) => s.id), ['heatmap', 'reviews', 'forecast', 'time', 'coverage', 'retention']);
    for (const s of view.sections) {
      assert.ok(s.chart && s.table, s.id);
      assert.ok(s.summary.length > 20, s.id);
      assert.ok(s.table.rows.every((row) => row.length === s.table!.head.length), `${s.id}: every row fills the head`);
    }
  });

  it('heatmap: a cell per day so far, its count and level in words, and the same counts in the table', () => {
    const heat = section('heatmap');
    const cells = rects(heat);
    assert.equal(cells.length, stats.heatmap.filter((d) => d.day <= '2024-05-02').length);
    assert.equal(cells.at(-1)!.title, 'Thu May 2: 6 attempts and reviews, level 4 of 4');
    assert.equal(cells.at(-2)!.title, 'Wed May 1: 2 attempts and reviews, level 2 of 4');
    const lastWeek = heat.table!.rows.at(-1)!;
    assert.deepEqual(lastWeek, ['Week of Apr 29', '0', '0', '2', '6', '', '', ''], 'days to come are blank');
    assert.equal(heat.table!.rows.length, 26);
    assert.match(heat.summary, /practised on 3 days, busiest May 2 with 6/);
  });

  it('reviews per day: the bars and the table hold the same counts by rating', () => {
    const reviews = section('reviews');
    const byDay = new Map(reviews.table!.rows.map(([day, ...counts]) => [day, counts]));
    const ratings = ['Again', 'Hard', 'Good', 'Easy'];
    for (const bar of rects(reviews)) {
      const [, day, count, rating] = /^(\w+ \d+): (\d+) (\w+)$/.exec(bar.title!)!;
      assert.equal(byDay.get(day)![ratings.indexOf(rating)], count, bar.title);
      assert.equal(bar.className, `rating-${rating.toLowerCase()}`);
    }
    assert.equal(rects(reviews).length, 5, 'one bar segment per rating given on a day');
    assert.deepEqual(byDay.get('May 2'), ['0', '1', '1', '1', '3']);
    assert.match(reviews.summary, /5 reviews \(Again 1, Hard 1, Good 2, Easy 1\), busiest May 2 with 3/);
  });

  it('forecast: today first, with the overdue questions, in bars and table alike', () => {
    const forecast = section('forecast');
    assert.equal(forecast.table!.rows[0][0], 'Today');
    assert.equal(forecast.table!.rows.length, 30);
    const due = forecast.table!.rows.reduce((sum, row) => sum + Number(row[1]), 0);
    assert.equal(due, stats.forecast.reduce((sum, d) => sum + d.due, 0));
    assert.equal(rects(forecast).length, stats.forecast.filter((d) => d.due > 0).length);
  });

  it('time per topic: used against budget, over budget marked', () => {
    const time = section('time');
    assert.deepEqual(time.table!.rows.map((row) => row[0]), ['Databases', 'Leadership', 'System design']);
    assert.deepEqual(time.table!.rows[2], ['System design', '2', '58:20', '1:00:00', '97%', '1']);
    const classes = rects(time).map((r) => r.className);
    assert.deepEqual(classes.filter((c) => c !== 'track'), ['budget', 'used', 'budget', 'used', 'budget', 'used']);
    assert.match(time.summary, /System design 58:20 of 1:00:00 \(97%\)/);
  });

  it('coverage per topic: covered, partly and missed shares, and the topics not judged yet', () => {
    const coverage = section('coverage');
    assert.deepEqual(coverage.table!.rows, [
      ['Databases', '4', '0', '2', '67%'],
      ['System design', '3', '2', '1', '67%'],
    ]);
    assert.equal(coverage.note, 'No key points judged yet in Leadership.');
    const databases = rects(coverage).filter((r) => r.title?.startsWith('Databases'));
    assert.deepEqual(databases.map((r) => r.title), ['Databases: 4 covered', 'Databases: 2 missed']);
  });

  it('retention: the share of reviews not rated Again, from the rating counts', () => {
    const retention = section('retention');
    assert.equal(retention.summary, 'True retention 80%: 4 of 5 reviews not rated Again.');
    assert.deepEqual(retention.table!.rows, [['Again', '1', '20%'], ['Hard', '1', '20%'], ['Good', '2', '40%'], ['Easy', '1', '20%']]);
  });

  it('is empty for an empty history, and each section then says what will fill it', () => {
    const empty = statsView(computeStats(new History([]), new Scheduler(), { now, days }));
    assert.equal(empty.empty, true);
    for (const s of empty.sections.filter((s) => s.id !== 'heatmap')) {
      assert.equal(s.chart, undefined, s.id);
      assert.ok(s.note && s.note.length > 20, s.id);
    }
    assert.match(empty.sections[0].summary, /no practice yet/);
  });
});

describe('hoursAndMinutes', () => {
  it('says a total time in hours and minutes, rounded to the minute', () => {
    assert.equal(hoursAndMinutes(0), '0 min');
    assert.equal(hoursAndMinutes(45 * 60 + 29), '45 min');
    assert.equal(hoursAndMinutes(59 * 60 + 31), '1 h 0 min');
    assert.equal(hoursAndMinutes(75_593), '21 h 0 min');
    assert.equal(hoursAndMinutes(3 * 3600 + 25 * 60), '3 h 25 min');
  });
});

describe('stats view messages', () => {
  it('accepts the messages the page sends and nothing else', () => {
    assert.deepEqual(parseStatsMessage({ type: 'ready', revision: 3 }), { type: 'ready', revision: 3 });
    assert.equal(parseStatsMessage({ type: 'ready', revision: -1 }), undefined);
    assert.deepEqual(parseStatsMessage({ type: 'action', action: 'practiseDue' }), { type: 'action', action: 'practiseDue' });
    assert.equal(parseStatsMessage({ type: 'action', action: 'deleteHistory' }), undefined);
    assert.equal(parseStatsMessage({ type: 'action' }), undefined);
    assert.equal(parseStatsMessage('ready'), undefined);
  });
});
