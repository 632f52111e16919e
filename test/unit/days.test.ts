import assert from 'node:assert/strict';
import { localDays, type UtcOffset } from '../../src/core/review/days';

const HOUR = 3_600_000;
/** Berlin's spring change of 2024: clocks jump from 02:00 to 03:00 local at 01:00 UTC on 31 March. */
const SPRING_CHANGE = Date.UTC(2024, 2, 31, 1);
const berlinSpring: UtcOffset = (ms) => (ms < SPRING_CHANGE ? 60 : 120);

describe('localDays: the first instant of a day', () => {
  it('starts a day at the set local hour, west of UTC too', () => {
    const newYork = localDays({ utcOffset: () => -300, dayStartHour: 4 });
    const day = newYork.dayOf(Date.UTC(2024, 0, 10, 12));
    assert.equal(newYork.startOf(day), Date.UTC(2024, 0, 10, 9), '04:00 in New York is 09:00 UTC');
    assert.equal(newYork.dayOf(Date.UTC(2024, 0, 10, 9) - 1), day - 1);
  });

  it('starts a day whose first hour the clocks skipped at the first instant that exists', () => {
    // A zone whose clocks jump from 02:30 to 03:30 local (01:30 UTC): with days starting at 03:00, the day
    // starts inside the gap, and its first instant is the jump itself.
    const jump = Date.UTC(2024, 2, 31, 1, 30);
    const days = localDays({ utcOffset: (ms) => (ms < jump ? 60 : 120), dayStartHour: 3 });
    const day = days.dayOf(jump);
    assert.equal(days.label(day), '2024-03-31');
    assert.equal(days.startOf(day), jump);
    assert.equal(days.dayOf(jump - 1), day - 1);
    // The days before and after start at 03:00 local.
    assert.equal(days.startOf(day - 1), Date.UTC(2024, 2, 30, 2));
    assert.equal(days.startOf(day + 1), Date.UTC(2024, 3, 1, 1));
  });

  it('makes the day into which the clocks jump forward 23 hours long', () => {
    const days = localDays({ utcOffset: berlinSpring, dayStartHour: 4 });
    const before = days.dayOf(Date.UTC(2024, 2, 30, 12));
    assert.equal(days.startOf(before), Date.UTC(2024, 2, 30, 3));
    assert.equal(days.startOf(before + 1) - days.startOf(before), 23 * HOUR);
    assert.equal(days.startOf(before + 2) - days.startOf(before + 1), 24 * HOUR);
  });
});
