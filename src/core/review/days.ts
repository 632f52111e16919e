/**
 * Days as the user lives them: in their time zone, starting at a set hour. Streaks, the heatmap, "due today" and the
 * new-questions-per-day limit all count these days. The time zone comes in as a function, so tests can fix it (and
 * exercise daylight-saving changes) whatever the machine's zone is.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY_MS = 24 * HOUR;

/** Minutes to add to UTC to get local time at an instant (+60 for Berlin in winter); `-Date#getTimezoneOffset()`. */
export type UtcOffset = (ms: number) => number;

/** The machine's own time zone. */
export const systemUtcOffset: UtcOffset = (ms) => -new Date(ms).getTimezoneOffset();

/** Local days numbered from 1970-01-01 (day 0), so consecutive days are consecutive integers. */
export interface LocalDays {
  /** The day an instant belongs to. */
  dayOf(ms: number): number;
  /** The first instant of a day. */
  startOf(day: number): number;
  /** `YYYY-MM-DD` of a day. */
  label(day: number): string;
  /** 0 Monday … 6 Sunday. */
  weekday(day: number): number;
}

export interface LocalDaysOptions {
  utcOffset?: UtcOffset;
  /**
   * The hour (local) at which a new day begins. 4 by default, as in Anki: practice after midnight still counts for
   * the evening it belongs to, so a late session neither breaks a streak nor starts tomorrow's new questions.
   */
  dayStartHour?: number;
}

export const DEFAULT_DAY_START_HOUR = 4;

export function localDays(options: LocalDaysOptions = {}): LocalDays {
  const offset = options.utcOffset ?? systemUtcOffset;
  const shift = (options.dayStartHour ?? DEFAULT_DAY_START_HOUR) * HOUR;
  const dayOf = (ms: number) => Math.floor((ms + offset(ms) * MINUTE - shift) / DAY_MS);
  const startOf = (day: number) => {
    // Local midnight-plus-shift, converted with the offset that holds there; checked, because around a
    // daylight-saving change the first guess can miss by the size of the change.
    const local = day * DAY_MS + shift;
    const guess = local - offset(local - offset(local) * MINUTE) * MINUTE;
    if (dayOf(guess) === day && dayOf(guess - 1) < day) return guess;
    // The day starts inside a gap (clocks jumped over its first hour): the first instant that belongs to it.
    let low = guess - DAY_MS;
    let high = guess + DAY_MS;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (dayOf(middle) >= day) high = middle;
      else low = middle;
    }
    return high;
  };
  return {
    dayOf,
    startOf,
    label: (day) => new Date(day * DAY_MS).toISOString().slice(0, 10),
    weekday: (day) => (((day + 3) % 7) + 7) % 7,
  };
}
