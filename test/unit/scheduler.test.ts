import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createEmptyCard, fsrs, type Grade } from 'ts-fsrs';
import type { EventBody, HistoryEvent, Rating, ReviewEvent } from '../../src/core/history/events';
import { History } from '../../src/core/history/history';
import { localDays } from '../../src/core/review/days';
import { LEARNING_STEPS, normalizeSettings, Scheduler, spokenInterval } from '../../src/core/review/scheduler';
import { attemptEvent, DAY, HOUR, MINUTE, T0 } from './support/historyEvents';
import { runs } from './support/mutationRun';

const GRADE: Record<Rating, Grade> = { again: 1, hard: 2, good: 3, easy: 4 };
/** UTC days starting at midnight, so "today" is plain to read in these tests. */
const days = localDays({ utcOffset: () => 0, dayStartHour: 0 });

/** Records bodies into a History the way the extension will: stamped with a writer's ids. */
class Recorder {
  readonly history = new History();
  private sequence = 0;
  constructor(private readonly writer = 'w') {}
  add(body: EventBody): HistoryEvent {
    const event = { v: 1, id: `${this.writer}.${String(++this.sequence).padStart(4, '0')}`, ...body, at: body.at ?? T0 } as HistoryEvent;
    this.history.add(event);
    return event;
  }
  rate(scheduler: Scheduler, question: string, rating: Rating, at: number): ReviewEvent {
    return this.add(scheduler.rate(this.history.question(question), question, rating, at)) as ReviewEvent;
  }
}

/** What ts-fsrs itself makes of a sequence of ratings, with the same parameters. */
function tsFsrsDue(ratings: readonly { rating: Rating; at: number }[], retention = 0.9, maximumInterval = 365): number {
  const f = fsrs({ request_retention: retention, maximum_interval: maximumInterval, enable_fuzz: false, learning_steps: [...LEARNING_STEPS], relearning_steps: [...LEARNING_STEPS] });
  let card = createEmptyCard(ratings[0].at);
  for (const { rating, at } of ratings) card = f.next(card, at, GRADE[rating]).card;
  return card.due.getTime();
}

describe('Scheduler: FSRS through ts-fsrs', () => {
  it('previews the four buttons in order: Again comes back soonest, Easy latest, for new and reviewed questions', () => {
    const scheduler = new Scheduler();
    const recorder = new Recorder();
    const first = scheduler.preview(undefined, T0);
    assert.deepEqual(first.map((o) => o.rating), ['again', 'hard', 'good', 'easy']);
    assert.deepEqual(first.map((o) => o.spoken), ['10 minutes', '15 minutes', '2 days', '8 days'], 'ts-fsrs with one 10-minute learning step');
    for (let i = 1; i < 4; i++) assert.ok(first[i].due > first[i - 1].due);

    recorder.rate(scheduler, 'q', 'good', T0);
    const card = scheduler.card(recorder.history.question('q'));
    const later = scheduler.preview(recorder.history.question('q'), card.due as number);
    for (let i = 1; i < 4; i++) assert.ok(later[i].due > later[i - 1].due, `${later[i].rating} after ${later[i - 1].rating}`);
    assert.ok(later[0].intervalMs < DAY, 'Again on a reviewed question relearns the same day');
  });

  it('rating records exactly what the preview promised', () => {
    const scheduler = new Scheduler();
    const recorder = new Recorder();
    recorder.rate(scheduler, 'q', 'good', T0);
    const at = T0 + 3 * DAY;
    const preview = scheduler.preview(recorder.history.question('q'), at);
    for (const option of preview) {
      const body = scheduler.rate(recorder.history.question('q'), 'q', option.rating, at);
      assert.ok(body.type === 'review');
      assert.equal(body.card.due, option.due);
    }
  });

  it('grows the interval with each successful review (Good, on time)', () => {
    const scheduler = new Scheduler({ maximumIntervalDays: 36500 });
    const recorder = new Recorder();
    let at = T0;
    const intervals: number[] = [];
    for (let i = 0; i < 6; i++) {
      recorder.rate(scheduler, 'q', 'good', at);
      const due = scheduler.card(recorder.history.question('q')).due as number;
      intervals.push(due - at);
      at = due;
    }
    for (let i = 1; i < intervals.length; i++) assert.ok(intervals[i] > intervals[i - 1], `interval ${i} grew: ${intervals.map(spokenInterval).join(', ')}`);
  });

  it('stops growing intervals at the maximum (ts-fsrs keeps Hard, Good and Easy a day apart, so Easy may pass it by 2)', () => {
    const scheduler = new Scheduler({ maximumIntervalDays: 20 });
    const recorder = new Recorder();
    let at = T0;
    const intervals: number[] = [];
    for (let i = 0; i < 8; i++) {
      recorder.rate(scheduler, 'q', 'easy', at);
      const due = scheduler.card(recorder.history.question('q')).due as number;
      intervals.push((due - at) / DAY);
      at = due;
    }
    assert.ok(intervals.every((days) => days <= 22), intervals.join(', '));
    assert.deepEqual(intervals.slice(-3), [22, 22, 22]);
  });

  it('gives the card ts-fsrs itself computes for the same ratings, from the stored snapshot', () => {
    const scheduler = new Scheduler();
    const recorder = new Recorder();
    const ratings = [
      { rating: 'good' as const, at: T0 },
      { rating: 'again' as const, at: T0 + 2 * DAY },
      { rating: 'hard' as const, at: T0 + 2 * DAY + 20 * MINUTE },
      { rating: 'easy' as const, at: T0 + 6 * DAY },
    ];
    for (const { rating, at } of ratings) recorder.rate(scheduler, 'q', rating, at);
    const card = scheduler.card(recorder.history.question('q'));
    assert.equal(card.replayed, false, 'the last review is used as is');
    assert.equal(card.due, tsFsrsDue(ratings));
    assert.equal(card.lastRating, 'easy');
    assert.equal(card.lapses, 1);
    assert.equal(card.introducedAt, T0);
  });

  it('recomputes every card from the review log when the parameters change', () => {
    const recorder = new Recorder();
    const original = new Scheduler({ desiredRetention: 0.9 });
    const ratings = [0, 2, 9, 30].map((d, i) => ({ rating: (i === 1 ? 'hard' : 'good') as Rating, at: T0 + d * DAY }));
    for (const { rating, at } of ratings) recorder.rate(original, 'q', rating, at);

    const relaxed = new Scheduler({ desiredRetention: 0.8 });
    const card = relaxed.card(recorder.history.question('q'));
    assert.equal(card.replayed, true);
    assert.equal(card.due, tsFsrsDue(ratings, 0.8));
    assert.ok((card.due as number) > (original.card(recorder.history.question('q')).due as number), 'lower retention, longer interval');
    assert.equal(new Scheduler({ desiredRetention: 0.9 }).card(recorder.history.question('q')).replayed, false, 'the same parameters use the snapshot again');
  });

  it('replays a question two machines reviewed apart, once their histories merge', () => {
    const scheduler = new Scheduler();
    const laptop = new Recorder('laptop');
    laptop.rate(scheduler, 'q', 'good', T0);
    const desktop = new Recorder('desktop');
    for (const event of laptop.history.question('q')?.reviews ?? []) desktop.history.add(event);
    // Both review it offline: each builds on the first review only.
    const a = laptop.rate(scheduler, 'q', 'again', T0 + 2 * DAY);
    const b = desktop.rate(scheduler, 'q', 'easy', T0 + 3 * DAY);
    const merged = new History([...laptop.history.question('q')!.reviews, b]);
    const card = scheduler.card(merged.question('q'));
    assert.equal(card.replayed, true);
    assert.equal(card.due, tsFsrsDue([{ rating: 'good', at: T0 }, { rating: 'again', at: a.at }, { rating: 'easy', at: b.at }]));
  });

  it('forgets the review of a deleted attempt: the schedule is recomputed without it', () => {
    const scheduler = new Scheduler();
    const recorder = new Recorder();
    recorder.rate(scheduler, 'q', 'good', T0);
    recorder.history.add(attemptEvent('att', 'q', T0 + 2 * DAY));
    recorder.add(scheduler.rate(recorder.history.question('q'), 'q', 'again', T0 + 2 * DAY, { attempt: 'att' }));
    recorder.rate(scheduler, 'q', 'good', T0 + 3 * DAY);
    recorder.add({ type: 'delete-attempt', attempt: 'att', at: T0 + 4 * DAY });
    const card = scheduler.card(recorder.history.question('q'));
    assert.equal(card.replayed, true);
    assert.equal(card.lapses, 0);
    assert.equal(card.due, tsFsrsDue([{ rating: 'good', at: T0 }, { rating: 'good', at: T0 + 3 * DAY }]));
  });

  it('never lets a review go back in time before the previous one (a clock set back)', () => {
    const scheduler = new Scheduler();
    const recorder = new Recorder();
    recorder.rate(scheduler, 'q', 'good', T0);
    const body = scheduler.rate(recorder.history.question('q'), 'q', 'good', T0 - DAY);
    assert.equal(body.at, T0);
  });

  it('brings settings from the configuration into range', () => {
    assert.deepEqual(normalizeSettings({ desiredRetention: 2, maximumIntervalDays: -5, newPerDay: 2.6 }), { desiredRetention: 0.99, maximumIntervalDays: 1, newPerDay: 3 });
    assert.deepEqual(normalizeSettings({ desiredRetention: Number.NaN }), { desiredRetention: 0.9, maximumIntervalDays: 365, newPerDay: 5 });
  });

  it('says intervals in words, rounding months and years to one decimal', () => {
    assert.deepEqual([MINUTE, 10 * MINUTE, 5 * HOUR, 3 * DAY, 45 * DAY, 400 * DAY].map(spokenInterval), ['1 minute', '10 minutes', '5 hours', '3 days', '1.5 months', '1.1 years']);
  });
});

describe('Scheduler: suspend, reset and the due queue', () => {
  const scheduler = new Scheduler({ newPerDay: 2 });

  it('never puts a suspended question in the queue or the forecast; unsuspending brings it back', () => {
    const recorder = new Recorder();
    recorder.rate(scheduler, 'q', 'good', T0);
    const options = { now: T0 + 10 * DAY, days };
    assert.equal(scheduler.queue(recorder.history, options).due.length, 1);
    recorder.add({ type: 'suspend', question: 'q', at: T0 + DAY });
    assert.deepEqual(scheduler.queue(recorder.history, options).due, []);
    assert.equal(scheduler.forecast(recorder.history, options)[0].due, 0);
    assert.equal(scheduler.card(recorder.history.question('q')).suspended, true);
    recorder.add({ type: 'unsuspend', question: 'q', at: T0 + 2 * DAY });
    assert.equal(scheduler.queue(recorder.history, options).due.length, 1);
  });

  it('leaves a suspended new question out of the new ones', () => {
    const recorder = new Recorder();
    recorder.add({ type: 'suspend', question: 'b', at: T0 });
    const queue = scheduler.queue(recorder.history, { now: T0, days, library: ['a', 'b', 'c'] });
    assert.deepEqual(queue.new.map((item) => item.question), ['a', 'c']);
  });

  it('makes a reset question new again; its next first review counts as introduced', () => {
    const recorder = new Recorder();
    recorder.rate(scheduler, 'q', 'good', T0 - 30 * DAY);
    recorder.rate(scheduler, 'q', 'good', T0 - 20 * DAY);
    recorder.add({ type: 'reset', question: 'q', at: T0 - DAY });
    const card = scheduler.card(recorder.history.question('q'));
    assert.equal(card.state, 'new');
    assert.equal(card.due, undefined);
    assert.deepEqual(scheduler.queue(recorder.history, { now: T0, days, library: ['q'] }).new.map((i) => i.question), ['q']);
    recorder.rate(scheduler, 'q', 'good', T0);
    const after = scheduler.card(recorder.history.question('q'));
    assert.equal(after.reps, 1, 'the reviews before the reset no longer count');
    assert.equal(after.due, tsFsrsDue([{ rating: 'good', at: T0 }]));
    assert.equal(scheduler.queue(recorder.history, { now: T0, days }).introducedToday, 1);
  });

  it('orders the day: due today, most overdue first, then new ones in library order up to the daily limit', () => {
    const recorder = new Recorder();
    const now = Date.UTC(2024, 2, 10, 9, 0);
    // Three reviewed questions due at different times, one due tomorrow.
    const dueAt = (question: string, rating: Rating, at: number) => {
      recorder.rate(scheduler, question, rating, at);
      return scheduler.card(recorder.history.question(question)).due as number;
    };
    const overdue = dueAt('old', 'good', now - 20 * DAY);
    const lessOverdue = dueAt('recent', 'good', now - 3 * DAY);
    const laterToday = dueAt('later', 'good', now - 2 * DAY + 6 * HOUR); // Good on a new question: 2 days, 15:00 today
    const tomorrow = dueAt('tomorrow', 'good', now - DAY);
    assert.ok(overdue < lessOverdue && lessOverdue < now && laterToday > now && days.dayOf(tomorrow) === days.dayOf(now) + 1);

    const library = ['new1', 'old', 'new2', 'recent', 'later', 'tomorrow', 'new3'];
    const queue = scheduler.queue(recorder.history, { now, days, library });
    assert.deepEqual(queue.due.map((i) => i.question), ['old', 'recent', 'later']);
    assert.deepEqual(queue.new.map((i) => i.question), ['new1', 'new2']);
    assert.deepEqual(scheduler.dueCount(recorder.history, { now, days, library }), { due: 3, new: 2 });
  });

  it('counts new questions already introduced today against the daily limit', () => {
    const recorder = new Recorder();
    const now = Date.UTC(2024, 2, 10, 18, 0);
    recorder.rate(scheduler, 'a', 'good', Date.UTC(2024, 2, 10, 8, 0));
    recorder.rate(scheduler, 'z', 'good', Date.UTC(2024, 2, 9, 8, 0)); // yesterday: does not count
    const queue = scheduler.queue(recorder.history, { now, days, library: ['a', 'b', 'c', 'd', 'z'] });
    assert.equal(queue.introducedToday, 1);
    assert.deepEqual(queue.new.map((i) => i.question), ['b']);
  });

  it('leaves out questions whose dialogue left the library, when the library is given', () => {
    const recorder = new Recorder();
    recorder.rate(scheduler, 'gone', 'good', T0 - 10 * DAY);
    assert.deepEqual(scheduler.queue(recorder.history, { now: T0, days, library: [] }).due, []);
    assert.equal(scheduler.queue(recorder.history, { now: T0, days }).due.length, 1, 'without a library, the history decides');
  });

  it('forecasts due counts per day for 30 days, overdue counted today', () => {
    const recorder = new Recorder();
    const now = Date.UTC(2024, 2, 10, 9, 0);
    recorder.rate(scheduler, 'overdue', 'good', now - 30 * DAY);
    recorder.rate(scheduler, 'soon', 'good', now); // Good on a new question: 2 days
    recorder.rate(scheduler, 'new-tomorrow', 'again', now - DAY); // 10 minutes later: overdue now
    const forecast = scheduler.forecast(recorder.history, { now, days });
    assert.equal(forecast.length, 30);
    assert.equal(forecast[0].day, '2024-03-10');
    assert.equal(forecast[0].due, 2);
    assert.equal(forecast[2].due, 1);
    assert.equal(forecast.reduce((sum, d) => sum + d.due, 0), 3);
  });

  it('puts each due date in its local day of the forecast, across a daylight-saving change (property)', () => {
    // Berlin by rule: +1 h, and +2 h from the last Sunday of March 2024 (31 March, 1:00 UTC).
    const berlin = localDays({ utcOffset: (ms) => (ms >= Date.UTC(2024, 2, 31, 1) ? 120 : 60) });
    const now = Date.UTC(2024, 2, 20, 12);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3 * 24, max: 40 * 24 * 4 }), { maxLength: 40 }), (quarterHours) => {
        const history = new History();
        quarterHours.forEach((q, i) => {
          const card = { due: now + q * 15 * MINUTE, s: 1, d: 5, state: 2, reps: 1, lapses: 0, step: 0, days: 1, p: scheduler.fingerprint };
          history.add({ v: 1, id: `r${i}`, at: now - DAY, type: 'review', question: `q${i}`, rating: 'good', card });
        });
        const today = berlin.dayOf(now);
        const expected = new Array<number>(30).fill(0);
        for (const q of quarterHours) {
          const offset = Math.max(0, berlin.dayOf(now + q * 15 * MINUTE) - today);
          if (offset < 30) expected[offset]++;
        }
        assert.deepEqual(scheduler.forecast(history, { now, days: berlin }).map((day) => day.due), expected);
      }),
      { numRuns: runs(200) },
    );
  });

  it('the due queue never holds a suspended, new or later question, for any history (property)', () => {
    const action = fc.record({ question: fc.constantFrom('a', 'b', 'c', 'd'), kind: fc.constantFrom('again', 'hard', 'good', 'easy', 'suspend', 'unsuspend', 'reset'), gapHours: fc.integer({ min: 0, max: 24 * 40 }) });
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), fc.integer({ min: 0, max: 24 * 60 }), (actions, nowHours) => {
        const recorder = new Recorder();
        let at = T0;
        for (const { question, kind, gapHours } of actions) {
          at += gapHours * HOUR;
          if (kind === 'suspend' || kind === 'unsuspend' || kind === 'reset') recorder.add({ type: kind, question, at });
          else recorder.rate(scheduler, question, kind, at);
        }
        const now = T0 + nowHours * HOUR;
        const queue = scheduler.queue(recorder.history, { now, days, library: ['a', 'b', 'c', 'd'] });
        const end = days.startOf(days.dayOf(now) + 1);
        for (const { card } of queue.due) assert.ok(!card.suspended && card.state !== 'new' && (card.due as number) < end);
        for (const { card } of queue.new) assert.ok(!card.suspended && card.state === 'new');
        assert.ok(queue.new.length <= Math.max(0, 2 - queue.introducedToday));
        for (let i = 1; i < queue.due.length; i++) assert.ok((queue.due[i].card.due as number) >= (queue.due[i - 1].card.due as number));
      }),
    );
  });
});
