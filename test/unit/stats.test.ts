import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { HistoryEvent } from '../../src/core/history/events';
import { History, UNKNOWN_TOPIC } from '../../src/core/history/history';
import { localDays, type UtcOffset } from '../../src/core/review/days';
import { Scheduler } from '../../src/core/review/scheduler';
import { computeStats, streaks } from '../../src/core/review/stats';
import { attemptEvent, DAY, HOUR, MINUTE, reviewEvent } from './support/historyEvents';
import { runs } from './support/mutationRun';

/** A real time zone's offset, from the ICU data Node ships, whatever zone this machine is in. */
function zone(timeZone: string): UtcOffset {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  return (ms) => {
    const name = format.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-])(\d\d):(\d\d)/.exec(name);
    return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  };
}

const berlin = zone('Europe/Berlin');
const newYork = zone('America/New_York');
/** Local wall-clock time in Berlin as an instant (good away from the DST switch hour itself). */
const berlinTime = (y: number, m: number, d: number, h: number, min = 0) => {
  const guess = Date.UTC(y, m - 1, d, h, min);
  return guess - berlin(guess - berlin(guess) * MINUTE) * MINUTE;
};

describe('local days', () => {
  it('knows Berlin and New York offsets, summer and winter', () => {
    assert.equal(berlin(Date.UTC(2024, 0, 1)), 60);
    assert.equal(berlin(Date.UTC(2024, 6, 1)), 120);
    assert.equal(newYork(Date.UTC(2024, 0, 1)), -300);
  });

  it('puts an instant in the day of the user, with the day starting at 4:00 by default', () => {
    const days = localDays({ utcOffset: berlin });
    assert.equal(days.label(days.dayOf(berlinTime(2024, 3, 31, 3, 30))), '2024-03-30', '3:30 still belongs to the evening before');
    assert.equal(days.label(days.dayOf(berlinTime(2024, 3, 31, 4, 30))), '2024-03-31');
    const midnight = localDays({ utcOffset: berlin, dayStartHour: 0 });
    assert.equal(midnight.label(midnight.dayOf(berlinTime(2024, 3, 31, 0, 30))), '2024-03-31');
  });

  it('starts each day at the right instant across daylight-saving changes, in any zone (property)', () => {
    for (const utcOffset of [berlin, newYork, zone('Australia/Lord_Howe'), zone('America/Santiago'), () => 0]) {
      for (const dayStartHour of [0, 4]) {
        const days = localDays({ utcOffset, dayStartHour });
        fc.assert(
          fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), (t) => {
            const day = days.dayOf(t);
            const start = days.startOf(day);
            assert.ok(start <= t && t < days.startOf(day + 1));
            assert.equal(days.dayOf(start), day);
            assert.equal(days.dayOf(start - 1), day - 1);
          }),
          { numRuns: runs(300) },
        );
      }
    }
  });

  it('numbers weekdays from Monday', () => {
    const days = localDays({ utcOffset: () => 0, dayStartHour: 0 });
    assert.equal(days.weekday(days.dayOf(Date.UTC(2024, 2, 11, 12))), 0, '2024-03-11 is a Monday');
    assert.equal(days.weekday(days.dayOf(Date.UTC(2024, 2, 17, 12))), 6);
  });
});

describe('streaks', () => {
  const run = (days: number[], today: number) => streaks(new Set(days), today);

  it('counts the current streak back from today, or from yesterday until today ends', () => {
    assert.deepEqual(run([8, 9, 10], 10), { current: 3, longest: 3, practisedToday: true });
    assert.deepEqual(run([8, 9], 10), { current: 2, longest: 2, practisedToday: false });
    assert.deepEqual(run([1, 2, 3, 4, 8], 10), { current: 0, longest: 4, practisedToday: false });
    assert.deepEqual(run([], 10), { current: 0, longest: 0, practisedToday: false });
  });

  it('runs across a month end and across the daylight-saving change (a 23-hour day)', () => {
    const days = localDays({ utcOffset: berlin });
    const history = new History(
      [berlinTime(2024, 3, 29, 22), berlinTime(2024, 3, 30, 23, 30), berlinTime(2024, 3, 31, 23, 30), berlinTime(2024, 4, 1, 21), berlinTime(2024, 4, 2, 1, 30) /* counts for 1 April */, berlinTime(2024, 4, 2, 4, 30) /* just after the day starts */].map((at, i) =>
        attemptEvent(`a${i}`, 'd#q1', at),
      ),
    );
    const stats = computeStats(history, new Scheduler(), { now: berlinTime(2024, 4, 2, 21), days });
    assert.equal(stats.streak.current, 5, '29, 30, 31 March, 1 and 2 April');
    assert.equal(stats.streak.longest, 5);
    assert.equal(stats.totals.practiceDays, 5);
  });
});

describe('computeStats', () => {
  const days = localDays({ utcOffset: () => 0, dayStartHour: 0 });
  const now = Date.UTC(2024, 2, 14, 18, 0); // a Thursday
  const at = (daysAgo: number, hour = 10) => Date.UTC(2024, 2, 14 - daysAgo, hour);
  const library = new Map([
    ['sd#q1', { topic: 'System design', prompt: 'Design a URL shortener' }],
    ['db#q1', { topic: 'Databases', prompt: 'Pick an index' }],
  ]);
  const events: HistoryEvent[] = [
    attemptEvent('a1', 'sd#q1', at(3), { activeSeconds: 2000, budgetSeconds: 1800 }),
    reviewEvent('r1', 'sd#q1', at(3, 11), 'good', { attempt: 'a1', keyPoints: 'ccpm' }),
    attemptEvent('a2', 'db#q1', at(1), { activeSeconds: 200, budgetSeconds: 300 }),
    reviewEvent('r2', 'db#q1', at(1, 11), 'again', { attempt: 'a2', keyPoints: 'cmm' }),
    attemptEvent('a3', 'db#q1', at(0), { activeSeconds: 250, budgetSeconds: 300 }),
    reviewEvent('r3', 'db#q1', at(0, 11), 'easy', { attempt: 'a3', keyPoints: 'ccc' }),
    // A question whose dialogue was deleted, with the topic recorded, and one migrated without a topic.
    attemptEvent('a4', 'gone#q1', at(40), { topic: 'Security', activeSeconds: 100, budgetSeconds: 100 }),
    attemptEvent('a5', 'old#q1', at(200), { activeSeconds: 60, budgetSeconds: 300 }),
  ];
  const stats = computeStats(new History(events), new Scheduler(), { now, days, lookup: (id) => library.get(id), library: [...library.keys()] });

  it('totals attempts, reviews, questions, time and practice days', () => {
    assert.deepEqual(stats.totals, { attempts: 5, reviews: 3, questions: 4, practiceSeconds: 2610, practiceDays: 5 });
  });

  it('gives true retention as the share of reviews not rated Again', () => {
    assert.deepEqual(stats.retention, { reviews: 3, passed: 2, rate: 2 / 3 });
    assert.deepEqual(stats.ratings, { again: 1, hard: 0, good: 1, easy: 1 });
  });

  it('sums time against budget and key-point coverage per topic; deleted dialogues keep their recorded topic', () => {
    const byTopic = Object.fromEntries(stats.topics.map((t) => [t.topic, t]));
    assert.deepEqual(Object.keys(byTopic), ['Databases', 'Security', 'System design', UNKNOWN_TOPIC].sort((a, b) => a.localeCompare(b)));
    assert.equal(byTopic['System design'].activeSeconds, 2000);
    assert.equal(byTopic['System design'].budgetSeconds, 1800);
    assert.equal(byTopic['System design'].overBudget, 1);
    assert.deepEqual(byTopic.Databases.keyPoints, { covered: 4, partly: 0, missed: 2 });
    assert.equal(byTopic.Databases.coverage, 4 / 6);
    assert.equal(byTopic['System design'].coverage, 2.5 / 4);
    assert.equal(byTopic.Security.attempts, 1);
    assert.equal(byTopic.Security.overBudget, 0, 'an attempt that used exactly its budget is not over it');
    assert.equal(byTopic.Databases.questions, 1);
    assert.equal(byTopic[UNKNOWN_TOPIC].coverage, undefined);
  });

  it('lists each question with its schedule and whether its dialogue is still there', () => {
    const rows = Object.fromEntries(stats.questions.map((q) => [q.id, q]));
    assert.equal(rows['db#q1'].lastRating, 'easy');
    assert.equal(rows['db#q1'].attempts, 2);
    assert.equal(rows['db#q1'].bestSeconds, 200);
    assert.equal(rows['db#q1'].prompt, 'Pick an index');
    assert.ok((rows['db#q1'].due as number) > now);
    assert.equal(rows['gone#q1'].inLibrary, false);
    assert.equal(rows['gone#q1'].state, 'new');
    assert.equal(rows['gone#q1'].due, undefined);
    assert.equal(rows['gone#q1'].prompt, 'Prompt of gone#q1', 'the prompt recorded with the attempt');
  });

  it('draws 26 whole weeks ending with this week, Monday first, and counts practice per day', () => {
    assert.equal(stats.heatmap.length, 26 * 7);
    assert.equal(stats.heatmap[0].weekday, 0);
    const byDay = Object.fromEntries(stats.heatmap.map((d) => [d.day, d.count]));
    assert.equal(byDay['2024-03-14'], 2);
    assert.equal(byDay['2024-03-11'], 2);
    assert.equal(byDay['2024-03-17'], 0, 'Sunday of this week is still to come');
    assert.equal(stats.heatmap.at(-1)?.day, '2024-03-17');
    assert.equal(byDay['2023-08-27'], undefined, 'older than 26 weeks');
  });

  it('counts reviews per day by rating for the last 30 days, and forecasts 30 days', () => {
    assert.equal(stats.reviewsPerDay.length, 30);
    assert.deepEqual(stats.reviewsPerDay.at(-1), { day: '2024-03-14', again: 0, hard: 0, good: 0, easy: 1 });
    assert.deepEqual(stats.reviewsPerDay.at(-2), { day: '2024-03-13', again: 1, hard: 0, good: 0, easy: 0 });
    assert.equal(stats.forecast.length, 30);
    assert.equal(stats.forecast[0].day, '2024-03-14');
    assert.equal(stats.forecast.reduce((sum, d) => sum + d.due, 0), 2);
  });

  it('counts nothing twice, whatever duplicates the merged history was given (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(events.length - 1), { maxLength: 20 }), (extra) => {
        const again = computeStats(new History([...events, ...extra.map((i) => events[i])]), new Scheduler(), { now, days, lookup: (id) => library.get(id), library: [...library.keys()] });
        assert.deepEqual(again, stats);
      }),
    );
  });

  it('counts the same whatever order the events came in, so the table rows are out of time order (property)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length }), (shuffled) => {
        assert.deepEqual(computeStats(new History(shuffled), new Scheduler(), { now, days, lookup: (id) => library.get(id), library: [...library.keys()] }), stats);
      }),
    );
  });

  it('lists questions by id, leaves out one only suspended, and counts reviews on the window\'s edges only inside it', () => {
    const windowStart = Date.UTC(2024, 1, 14); // the first instant of the 30th day back (days start at 0:00 UTC here)
    const edges: HistoryEvent[] = [
      ...events,
      { v: 1, id: 's1', at: at(2), type: 'suspend', question: 'aa#q1' },
      reviewEvent('e1', 'zz#q1', windowStart, 'hard'),
      reviewEvent('e2', 'zz#q1', windowStart - 1, 'hard'),
      reviewEvent('e3', 'zz#q1', Date.UTC(2024, 2, 15), 'hard'), // the first instant after today: a clock ahead
    ];
    const edged = computeStats(new History(edges), new Scheduler(), { now, days, lookup: (id) => library.get(id) });
    assert.deepEqual(edged.questions.map((q) => q.id), ['db#q1', 'gone#q1', 'old#q1', 'sd#q1', 'zz#q1']);
    assert.deepEqual(edged.reviewsPerDay[0], { day: '2024-02-14', again: 0, hard: 1, good: 0, easy: 0 });
    assert.equal(edged.reviewsPerDay.reduce((sum, day) => sum + day.hard, 0), 1, 'neither the one before the window nor the one after today');
    assert.equal(edged.questions.find((q) => q.id === 'zz#q1')?.lastPractisedAt, Date.UTC(2024, 2, 15));
  });

  it('is empty but complete for an empty history', () => {
    const empty = computeStats(new History(), new Scheduler(), { now, days });
    assert.deepEqual(empty.totals, { attempts: 0, reviews: 0, questions: 0, practiceSeconds: 0, practiceDays: 0 });
    assert.equal(empty.retention.rate, undefined);
    assert.equal(empty.heatmap.length, 182);
    assert.deepEqual(empty.topics, []);
  });
});

describe('computeStats across a long history', () => {
  it('counts an attempt every day for a year, through both daylight-saving changes, as a 366-day streak', () => {
    const days = localDays({ utcOffset: newYork });
    const start = Date.UTC(2024, 0, 1, 17); // noon in New York
    const events = Array.from({ length: 366 }, (_, i) => attemptEvent(`a${i}`, `q#${i % 5}`, start + i * DAY + (i % 3) * HOUR));
    const stats = computeStats(new History(events), new Scheduler(), { now: start + 365 * DAY + 2 * HOUR, days });
    assert.equal(stats.streak.current, 366);
    assert.equal(stats.totals.practiceDays, 366);
  });
});
