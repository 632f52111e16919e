// Chart geometry of the stats view (src/webview/charts.ts): pure shapes from data.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { barRows, type Chart, type ChartRect, type ChartText, columnChart, countTicks, heatLevel, heatmapChart, type HeatmapDay, shortDay } from '../../src/webview/charts';

const rects = (chart: Chart) => chart.shapes.filter((s): s is ChartRect => s.kind === 'rect');
const texts = (chart: Chart) => chart.shapes.filter((s): s is ChartText => s.kind === 'text');

/** Every shape lies inside the chart's own box, so nothing is cut off by the SVG's viewBox. */
function assertInside(chart: Chart): void {
  for (const r of rects(chart)) {
    assert.ok(r.x >= 0 && r.y >= 0 && r.width >= 0 && r.height >= 0, JSON.stringify(r));
    assert.ok(r.x + r.width <= chart.width + 0.1 && r.y + r.height <= chart.height + 0.1, `${JSON.stringify(r)} outside ${chart.width}×${chart.height}`);
  }
}

describe('countTicks', () => {
  it('gives round steps from 0 to the first tick at or above the maximum', () => {
    assert.deepEqual(countTicks(0), [0, 1], 'an empty chart still has an axis');
    assert.deepEqual(countTicks(1), [0, 1]);
    assert.deepEqual(countTicks(3), [0, 1, 2, 3]);
    assert.deepEqual(countTicks(7), [0, 2, 4, 6, 8]);
    assert.deepEqual(countTicks(40), [0, 10, 20, 30, 40]);
    assert.deepEqual(countTicks(1234), [0, 500, 1000, 1500]);
  });

  it('never steps by a fraction of a count, and covers any maximum with a few ticks (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (max) => {
        const ticks = countTicks(max);
        const step = ticks[1];
        assert.equal(ticks[0], 0);
        assert.ok(Number.isInteger(step) && step >= 1);
        assert.match(String(step), /^[125]0*$/, `step ${step}`);
        assert.ok(ticks.at(-1)! >= max && ticks.at(-2)! < max, `${ticks} for ${max}`);
        assert.ok(ticks.length <= 6, `${ticks.length} ticks for ${max}`);
      }),
    );
  });
});

describe('columnChart', () => {
  const columns = [
    { segments: [{ value: 2, className: 'a' }, { value: 1, className: 'b' }], tick: 'May 1' },
    { segments: [{ value: 0, className: 'a' }, { value: 0, className: 'b' }] },
    { segments: [{ value: 0, className: 'a' }, { value: 4, className: 'b', title: 'four' }], tick: 'May 3' },
  ];
  const chart = columnChart(columns);

  it('stacks the segments of a column, from the baseline up, in proportion to their values', () => {
    const [a, b, c] = rects(chart);
    assert.equal(rects(chart).length, 3, 'zero values draw nothing');
    assert.equal(a.className, 'a');
    assert.equal(b.y + b.height, a.y, 'the second segment sits on the first');
    assert.equal(a.height, b.height * 2);
    assert.equal(c.height, b.height * 4);
    assert.equal(a.y + a.height, c.y + c.height, 'one baseline');
    assert.equal(c.title, 'four');
    assert.ok(a.x < c.x);
  });

  it('labels the count axis with its ticks and the columns with their ticks', () => {
    const labels = texts(chart).map((t) => t.text);
    assert.deepEqual(labels.filter((t) => /^\d+$/.test(t)), ['0', '1', '2', '3', '4']);
    assert.deepEqual(labels.filter((t) => t.startsWith('May')), ['May 1', 'May 3']);
  });

  it('keeps every bar inside the chart, whatever the data (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 60 }), (values) => {
        const drawn = columnChart(values.map((column) => ({ segments: column.map((value) => ({ value, className: 'x' })) })));
        assertInside(drawn);
        assert.equal(rects(drawn).length, values.flat().filter((v) => v > 0).length);
      }),
    );
  });
});

describe('heatLevel', () => {
  it('is 0 without practice, 4 on the busiest day, and at least 1 on any day with practice', () => {
    assert.equal(heatLevel(0, 10), 0);
    assert.equal(heatLevel(10, 10), 4);
    assert.equal(heatLevel(1, 100), 1);
    assert.equal(heatLevel(5, 10), 2);
    assert.equal(heatLevel(6, 10), 3);
  });

  it('grows with the count (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 500 }), fc.nat({ max: 500 }), fc.integer({ min: 1, max: 500 }), (a, b, max) => {
        const [low, high] = [Math.min(a, b, max), Math.min(Math.max(a, b), max)];
        assert.ok(heatLevel(low, max) <= heatLevel(high, max));
      }),
    );
  });
});

describe('heatmapChart', () => {
  // Two whole weeks, Monday 2024-04-22 to Sunday 2024-05-05; today is Wednesday 2024-05-01.
  const days: HeatmapDay[] = Array.from({ length: 14 }, (_, i) => {
    const date = new Date(Date.UTC(2024, 3, 22 + i));
    return { day: date.toISOString().slice(0, 10), weekday: i % 7, count: i === 3 ? 4 : i === 9 ? 1 : 0 };
  });
  const chart = heatmapChart(days, '2024-05-01', (day, level) => `${day.day} ${day.count} L${level}`);

  it('draws one cell per day up to today, a week per column, Monday on top', () => {
    const cells = rects(chart);
    assert.equal(cells.length, 10, 'the days after today are not drawn');
    const [monday, , , thursday] = cells;
    assert.equal(monday.x, thursday.x, 'one week, one column');
    assert.ok(thursday.y > monday.y);
    assert.ok(cells[7].x > monday.x, 'the next week is the next column');
    assert.equal(cells[7].y, monday.y);
    assertInside(chart);
  });

  it('shades by level and says the count and the level in each tooltip, so colour is not the only cue', () => {
    const cells = rects(chart);
    assert.equal(cells[3].className, 'heat heat-4');
    assert.equal(cells[3].title, '2024-04-25 4 L4');
    assert.equal(cells[9].className, 'heat heat-1');
    assert.equal(cells[0].className, 'heat heat-0');
  });

  it('names the month above the week that holds its 1st, and Mon, Wed, Fri at the left', () => {
    const labels = texts(chart).map((t) => t.text);
    assert.deepEqual(labels, ['Mon', 'Wed', 'Fri', 'May']);
    const may = texts(chart).find((t) => t.text === 'May')!;
    assert.equal(may.x, rects(chart)[7].x);
  });
});

describe('barRows', () => {
  it('draws each row on one scale, the track under the segments, and clamps what runs past the end', () => {
    const chart = barRows([
      { label: 'System design', value: '50:00 of 30:00', track: { value: 30, className: 'budget' }, segments: [{ value: 50, className: 'over' }] },
      { label: 'Databases', value: '10:00 of 20:00', track: { value: 20, className: 'budget' }, segments: [{ value: 10, className: 'used' }] },
    ]);
    const bars = rects(chart).filter((r) => r.className !== 'track');
    const [budget1, over, budget2, used] = bars;
    assert.equal(over.width, chart.width, 'the largest value spans the chart');
    assert.equal(budget1.width, chart.width * 0.6);
    assert.equal(used.width, chart.width * 0.2);
    assert.equal(budget2.width, chart.width * 0.4);
    assert.ok(used.y > over.y, 'one row under the other');
    assert.deepEqual(texts(chart).map((t) => t.text), ['System design', '50:00 of 30:00', 'Databases', '10:00 of 20:00']);
    assertInside(chart);
  });

  it('with a maximum of 1, shares fill the row side by side', () => {
    const chart = barRows([{ label: 'T', value: '50%', segments: [{ value: 0.5, className: 'covered' }, { value: 0.25, className: 'partly' }, { value: 0.25, className: 'missed' }] }], 1);
    const [covered, partly, missed] = rects(chart).filter((r) => r.className !== 'track');
    assert.equal(covered.width, chart.width / 2);
    assert.equal(partly.x, covered.x + covered.width);
    assert.equal(missed.x + missed.width, chart.width);
  });

  it('shortens a long label so it does not run into the numbers', () => {
    const long = 'A very long topic name about distributed systems, consensus and the many ways they fail at scale in production';
    const chart = barRows([{ label: long, value: '1:00:00 of 2:00:00 (50%)', segments: [{ value: 1, className: 'used' }] }]);
    const [label] = texts(chart);
    assert.ok(label.text.endsWith('…') && label.text.length < long.length);
    assert.ok((label.text.length + '1:00:00 of 2:00:00 (50%)'.length) * 7 < chart.width);
  });
});

describe('shortDay', () => {
  it('names a day by its month and date', () => {
    assert.equal(shortDay('2024-05-01'), 'May 1');
    assert.equal(shortDay('2024-12-31'), 'Dec 31');
  });
});
