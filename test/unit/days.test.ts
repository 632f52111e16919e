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
    // With days starting at 02:00, the 31st starts inside the gap: its first instant is 03:00 local, the jump.
    const days = localDays({ utcOffset: berlinSpring, dayStartHour: 2 });
    const day = days.dayOf(SPRING_CHANGE);
    assert.equal(days.label(day), '2024-03-31');
    assert.equal(days.startOf(day), SPRING_CHANGE);
    assert.equal(days.dayOf(SPRING_CHANGE - 1), day - 1);
    // The day before and after are whole, and start at 02:00 local.
    assert.equal(days.startOf(day - 1), Date.UTC(2024, 2, 30, 1));
    assert.equal(days.startOf(day + 1), Date.UTC(2024, 3, 1, 0));
  });

  it('makes the day into which the clocks jump forward 23 hours long', () => {
    const days = localDays({ utcOffset: berlinSpring, dayStartHour: 4 });
    const before = days.dayOf(Date.UTC(2024, 2, 30, 12));
    assert.equal(days.startOf(before), Date.UTC(2024, 2, 30, 3));
    assert.equal(days.startOf(before + 1) - days.startOf(before), 23 * HOUR);
    assert.equal(days.startOf(before + 2) - days.startOf(before + 1), 24 * HOUR);
  });
});
