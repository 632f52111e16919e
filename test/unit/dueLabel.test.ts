import assert from 'node:assert/strict';
import { localDays } from '../../src/core/review/days';
import { dueLabel } from '../../src/core/review/dueLabel';
import type { QuestionCard } from '../../src/core/review/scheduler';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Noon, 15 January 2024, in a time zone one hour east of UTC; days start at 04:00 local (03:00 UTC). */
const NOON = Date.UTC(2024, 0, 15, 11);
const days = localDays({ utcOffset: () => 60, dayStartHour: 4 });

function card(overrides: Partial<QuestionCard>): QuestionCard {
  return { question: 'd#q1', state: 'review', due: NOON, suspended: false, reps: 2, lapses: 0, stability: 3, difficulty: 5, replayed: false, ...overrides };
}

describe('dueLabel: when a question comes back, in a few words', () => {
  it('says nothing of a question never reviewed, or new again after a reset', () => {
    assert.deepEqual(dueLabel(undefined, NOON, days), { dueToday: false });
    assert.deepEqual(dueLabel(card({ state: 'new', due: NOON - DAY }), NOON, days), { dueToday: false });
    assert.deepEqual(dueLabel(card({ due: undefined }), NOON, days), { dueToday: false });
  });

  it('says suspended, whatever the card says of its due date, and keeps it out of today', () => {
    assert.deepEqual(dueLabel(card({ suspended: true, due: NOON - 3 * DAY }), NOON, days), { short: 'suspended', dueToday: false });
    assert.deepEqual(dueLabel(card({ suspended: true, state: 'new', due: undefined }), NOON, days), { short: 'suspended', dueToday: false });
  });

  it('counts overdue, today, tomorrow and later in local days, not in hours since now', () => {
    assert.deepEqual(dueLabel(card({ due: NOON - 3 * DAY }), NOON, days), { short: 'overdue 3d', dueToday: true });
    assert.deepEqual(dueLabel(card({ due: NOON - DAY }), NOON, days), { short: 'overdue 1d', dueToday: true });
    assert.deepEqual(dueLabel(card({ due: NOON }), NOON, days), { short: 'due today', dueToday: true });
    // Later today (local evening), and before the next day starts at 04:00 local: still today.
    assert.deepEqual(dueLabel(card({ due: NOON + 15 * HOUR + 59 * 60_000 }), NOON, days), { short: 'due today', dueToday: true });
    // 04:00 local tomorrow, 16 hours from now: tomorrow, not "in 1 day" counted from now.
    assert.deepEqual(dueLabel(card({ due: NOON + 16 * HOUR }), NOON, days), { short: 'due tomorrow', dueToday: false });
    assert.deepEqual(dueLabel(card({ due: NOON + 2 * DAY }), NOON, days), { short: 'due in 2d', dueToday: false });
    assert.deepEqual(dueLabel(card({ due: NOON + 12 * DAY }), NOON, days), { short: 'due in 12d', dueToday: false });
  });

  it('puts a card due early this morning (before now, same local day) in today, not overdue', () => {
    assert.deepEqual(dueLabel(card({ due: NOON - 7 * HOUR }), NOON, days), { short: 'due today', dueToday: true });
    // 03:59 local is still yesterday's day: overdue by one.
    assert.deepEqual(dueLabel(card({ due: NOON - 8 * HOUR - 60_000 }), NOON, days), { short: 'overdue 1d', dueToday: true });
  });
});
