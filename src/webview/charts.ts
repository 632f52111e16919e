/**
 * Chart geometry from data, pure (no DOM): column charts, a calendar heatmap and horizontal bar rows as plain shapes
 * that the stats view turns into SVG. Shapes carry CSS classes, never colours: the stylesheet maps each class to a
 * `--vscode-charts-*` variable, so the charts follow the theme live and the page needs no inline style.
 */
import * as l10n from '@vscode/l10n';
import { truncate } from '../core/text';

export interface ChartRect {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  className: string;
  /** The tooltip (an SVG `<title>`): what the shape stands for in words. */
  title?: string;
}

export interface ChartText {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
}

export interface ChartLine {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  className: string;
}

export type ChartShape = ChartRect | ChartText | ChartLine;

/** A chart in its own coordinates (the SVG's viewBox); it scales down with the page, never up. */
export interface Chart {
  width: number;
  height: number;
  shapes: ChartShape[];
}

/** One part of a stacked bar. Zero values draw nothing. */
export interface Segment {
  value: number;
  className: string;
  title?: string;
}

/** `2024-05-01` → `May 1` (one message per month, so a language can put the day first). */
export function shortDay(day: string): string {
  const n = Number(day.slice(8, 10));
  const days = [l10n.t('Jan {0}', n), l10n.t('Feb {0}', n), l10n.t('Mar {0}', n), l10n.t('Apr {0}', n), l10n.t('May {0}', n), l10n.t('Jun {0}', n), l10n.t('Jul {0}', n), l10n.t('Aug {0}', n), l10n.t('Sep {0}', n), l10n.t('Oct {0}', n), l10n.t('Nov {0}', n), l10n.t('Dec {0}', n)];
  return days[Number(day.slice(5, 7)) - 1] ?? '';
}

/** `2024-05-01` (a Wednesday) → `Wed`; `weekday` is 0 for Monday as in the stats. */
export function weekdayName(weekday: number): string {
  return weekdayNames()[weekday] ?? '?';
}

export function weekdayNames(): string[] {
  return [l10n.t('Mon'), l10n.t('Tue'), l10n.t('Wed'), l10n.t('Thu'), l10n.t('Fri'), l10n.t('Sat'), l10n.t('Sun')];
}

/**
 * Axis ticks for counts: 0, then round steps (1, 2 or 5 × 10ⁿ, never below 1) up to the first tick at or above `max`,
 * about `count` of them. An empty chart still gets an axis (0 and 1).
 */
export function countTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

export interface Column {
  segments: readonly Segment[];
  /** A label under the column (every few columns, so they do not collide). */
  tick?: string;
}

const COLUMN = { width: 640, height: 180, left: 34, right: 6, top: 8, bottom: 22, gap: 0.25 };

/** Vertical stacked columns on a count axis with grid lines: reviews per day, the due forecast. */
export function columnChart(columns: readonly Column[]): Chart {
  const { width, height, left, right, top, bottom } = COLUMN;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const baseline = top + plotHeight;
  const totals = columns.map((column) => column.segments.reduce((sum, segment) => sum + segment.value, 0));
  const ticks = countTicks(Math.max(0, ...totals));
  const scale = plotHeight / ticks[ticks.length - 1];
  const shapes: ChartShape[] = [];
  for (const tick of ticks) {
    const y = round(baseline - tick * scale);
    shapes.push({ kind: 'line', x1: left, y1: y, x2: width - right, y2: y, className: tick === 0 ? 'axis' : 'grid' });
    shapes.push({ kind: 'text', x: left - 6, y: y + 4, text: String(tick), anchor: 'end' });
  }
  const band = plotWidth / Math.max(1, columns.length);
  const barWidth = round(band * (1 - COLUMN.gap));
  columns.forEach((column, i) => {
    const x = round(left + i * band + (band - barWidth) / 2);
    let y = baseline;
    for (const segment of column.segments) {
      if (segment.value <= 0) continue;
      const h = segment.value * scale;
      y -= h;
      shapes.push({ kind: 'rect', x, y: round(y), width: barWidth, height: round(h), className: segment.className, ...(segment.title ? { title: segment.title } : {}) });
    }
    if (column.tick) shapes.push({ kind: 'text', x: round(x + barWidth / 2), y: height - 6, text: column.tick, anchor: 'middle' });
  });
  return { width, height, shapes };
}

export interface HeatmapDay {
  /** `YYYY-MM-DD`. */
  day: string;
  /** 0 Monday … 6 Sunday. */
  weekday: number;
  count: number;
}

/** Levels above zero of the heatmap (the legend shows 0 to this). */
export const HEAT_LEVELS = 4;

/** The shade of a day: 0 without practice, else 1–4 in proportion to the busiest day shown. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(HEAT_LEVELS, Math.ceil((count / max) * HEAT_LEVELS));
}

const HEAT = { cell: 12, gap: 3, left: 30, top: 16, right: 18 };

/**
 * A calendar of whole weeks (columns, Monday on top), one cell per day up to `today`, shaded by level; a month's name
 * above the week that holds its 1st, Mon/Wed/Fri at the left. `describe` words each cell's tooltip.
 */
export function heatmapChart(days: readonly HeatmapDay[], today: string, describe: (day: HeatmapDay, level: number) => string): Chart {
  const { cell, gap, left, top, right } = HEAT;
  const pitch = cell + gap;
  const weeks = Math.ceil(days.length / 7);
  const max = Math.max(0, ...days.map((d) => d.count));
  const shapes: ChartShape[] = [];
  for (const weekday of [0, 2, 4]) shapes.push({ kind: 'text', x: left - 6, y: top + weekday * pitch + cell - 2, text: weekdayName(weekday), anchor: 'end' });
  const months = monthStarts(days);
  for (const { week, month } of months) shapes.push({ kind: 'text', x: left + week * pitch, y: top - 5, text: month, anchor: 'start' });
  days.forEach((day, i) => {
    if (day.day > today) return;
    const level = heatLevel(day.count, max);
    shapes.push({ kind: 'rect', x: left + Math.floor(i / 7) * pitch, y: top + day.weekday * pitch, width: cell, height: cell, className: `heat heat-${level}`, title: describe(day, level) });
  });
  return { width: left + weeks * pitch - gap + right, height: top + 7 * pitch - gap, shapes };
}

/** The weeks where a month begins; the first week is named too when the next month's name is not close by. */
function monthStarts(days: readonly HeatmapDay[]): { week: number; month: string }[] {
  const starts: { week: number; month: string }[] = [];
  days.forEach((day, i) => {
    if (day.day.endsWith('-01')) starts.push({ week: Math.floor(i / 7), month: monthName(day.day) });
  });
  if (days.length > 0 && (starts[0]?.week ?? Infinity) >= 3) starts.unshift({ week: 0, month: monthName(days[0].day) });
  return starts;
}

function monthName(day: string): string {
  const months = [l10n.t('Jan'), l10n.t('Feb'), l10n.t('Mar'), l10n.t('Apr'), l10n.t('May'), l10n.t('Jun'), l10n.t('Jul'), l10n.t('Aug'), l10n.t('Sep'), l10n.t('Oct'), l10n.t('Nov'), l10n.t('Dec')];
  return months[Number(day.slice(5, 7)) - 1] ?? '';
}

export interface BarRow {
  label: string;
  /** Words at the right end of the label line (the row's numbers); a long label is cut short (the table has it whole). */
  value: string;
  segments: readonly Segment[];
  /** Drawn first, under the segments: what the bar is measured against (the time budget). */
  track?: Segment;
}

const ROWS = { width: 640, rowHeight: 42, barHeight: 12, labelGap: 6, charWidth: 7 };

/**
 * Horizontal bars, one row per item with its label above (so long topic names fit) and its numbers at the right,
 * all on one scale: the largest value, or `max` when given (1 for shares).
 */
export function barRows(rows: readonly BarRow[], max?: number): Chart {
  const { width, rowHeight, barHeight, labelGap } = ROWS;
  const sums = rows.map((row) => Math.max(row.track?.value ?? 0, row.segments.reduce((sum, s) => sum + Math.max(0, s.value), 0)));
  const top = max ?? Math.max(0, ...sums);
  const scale = top > 0 ? width / top : 0;
  const shapes: ChartShape[] = [];
  rows.forEach((row, i) => {
    const labelY = i * rowHeight + 14;
    const barY = labelY + labelGap;
    const valueChars = row.value.length + 2;
    shapes.push({ kind: 'text', x: 0, y: labelY, text: truncate(row.label, Math.max(2, Math.floor(width / ROWS.charWidth) - valueChars)), anchor: 'start' });
    shapes.push({ kind: 'text', x: width, y: labelY, text: row.value, anchor: 'end' });
    shapes.push({ kind: 'rect', x: 0, y: barY, width, height: barHeight, className: 'track' });
    if (row.track && row.track.value > 0) {
      shapes.push({ kind: 'rect', x: 0, y: barY, width: round(Math.min(width, row.track.value * scale)), height: barHeight, className: row.track.className, ...(row.track.title ? { title: row.track.title } : {}) });
    }
    let x = 0;
    for (const segment of row.segments) {
      if (segment.value <= 0) continue;
      const w = Math.min(width - x, segment.value * scale);
      shapes.push({ kind: 'rect', x: round(x), y: barY + 2, width: round(w), height: barHeight - 4, className: segment.className, ...(segment.title ? { title: segment.title } : {}) });
      x += w;
    }
  });
  return { width, height: rows.length * rowHeight, shapes };
}

/** Coordinates to a tenth: shorter markup, no visible difference. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}
