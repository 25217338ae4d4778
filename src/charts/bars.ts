/**
 * Horizontal bars with interval whiskers and an optional benchmark marker. Rows without a value
 * (suppressed or missing) keep their place and say why, so a gap is never drawn as zero.
 */
import { scaleLinear } from 'd3';
import { bottomAxis, NARROW_MAX, textWidth, wrapText, type NumberFormat } from './axis.ts';
import type { Mark, Scene } from './scene.ts';

export interface BarRow {
  label: string;
  value: number | null;
  low: number | null;
  high: number | null;
  /** Why there is no value, shown in place of the bar. */
  missing?: string;
  /** Drawn in the emphasis colour (e.g. the weakest dimension). */
  emphasis?: boolean;
}

export interface BarsInput {
  rows: BarRow[];
  domain: [number, number];
  format: NumberFormat;
  /** Axis labels (default: `format`). */
  tickFormat?: NumberFormat;
  benchmark?: { value: number; label: string } | null;
  width?: number;
}

export const BAR_ROW_HEIGHT = 30;

export function layoutBars(input: BarsInput): Scene {
  const width = input.width ?? 640;
  if (width <= NARROW_MAX) return layoutBarsNarrow(input, width);
  const labelWidth = Math.min(220, Math.max(...input.rows.map((r) => textWidth(r.label)), 40) + 12);
  const top = input.benchmark ? 30 : 10;
  const plotLeft = labelWidth;
  const plotRight = width - 56;
  const bottom = top + input.rows.length * BAR_ROW_HEIGHT;
  const x = scaleLinear().domain(input.domain).range([plotLeft, plotRight]).nice();
  const [d0, d1] = x.domain() as [number, number];
  const origin = x(d0 <= 0 && d1 >= 0 ? 0 : d0);
  const marks: Mark[] = [...bottomAxis(x, top - 4, bottom, input.tickFormat ?? input.format)];

  input.rows.forEach((row, i) => {
    const y = top + i * BAR_ROW_HEIGHT;
    const mid = y + BAR_ROW_HEIGHT / 2;
    // A label longer than the label column wraps inside it (two lines fit a row).
    const lines = wrapText(row.label, labelWidth - 12, 13);
    lines.forEach((line, l) => marks.push({ type: 'text', class: 'label', x: plotLeft - 8, y: mid + (l - (lines.length - 1) / 2) * 14, text: line, anchor: 'end', dy: '0.32em' }));
    if (row.value === null) {
      marks.push({ type: 'text', class: 'missing', x: origin + 6, y: mid, text: `— ${row.missing ?? ''}`.trim(), dy: '0.32em' });
      return;
    }
    const end = x(row.value);
    marks.push({
      type: 'rect',
      class: row.emphasis ? 'bar bar-emphasis' : 'bar',
      x: Math.min(origin, end),
      y: y + 7,
      width: Math.abs(end - origin),
      height: BAR_ROW_HEIGHT - 14,
    });
    marks.push(...whiskerAndValue(row, x, end, mid, input.format(row.value)));
  });

  if (input.benchmark) {
    const bx = x(input.benchmark.value);
    marks.push(
      { type: 'line', class: 'benchmark-line', x1: bx, x2: bx, y1: top - 6, y2: bottom },
      { type: 'diamond', class: 'benchmark', cx: bx, cy: top - 12, r: 5 },
      { type: 'text', class: 'benchmark-label', x: bx + (bx > (plotLeft + plotRight) / 2 ? -9 : 9), y: top - 12, text: input.benchmark.label, anchor: bx > (plotLeft + plotRight) / 2 ? 'end' : 'start', dy: '0.32em' },
    );
  }
  return { width, height: bottom + 22, marks };
}

/** Line height of wrapped labels in phone layouts (13 px text). */
/**
 * A bar's interval as a whisker with caps (when it has one) and its value label just past the bar
 * or the whisker, whichever reaches further.
 */
function whiskerAndValue(row: { low: number | null; high: number | null }, x: (value: number) => number, end: number, mid: number, label: string): Mark[] {
  const marks: Mark[] = [];
  let labelX = end;
  if (row.low !== null && row.high !== null) {
    const [lo, hi] = [x(row.low), x(row.high)];
    marks.push(
      { type: 'line', class: 'whisker', x1: lo, x2: hi, y1: mid, y2: mid },
      { type: 'line', class: 'whisker', x1: lo, x2: lo, y1: mid - 5, y2: mid + 5 },
      { type: 'line', class: 'whisker', x1: hi, x2: hi, y1: mid - 5, y2: mid + 5 },
    );
    labelX = Math.max(end, hi);
  }
  marks.push({ type: 'text', class: 'value', x: labelX + 5, y: mid, text: label, dy: '0.32em' });
  return marks;
}

const LABEL_LINE = 16;

/**
 * The phone layout: each label on its own line(s) above its bar across the whole width, wrapped
 * inside the chart, three ticks; the value follows the bar (or its whisker).
 */
function layoutBarsNarrow(input: BarsInput, width: number): Scene {
  const plotLeft = 8;
  const valueRoom = Math.max(...input.rows.map((r) => (r.value === null ? 0 : textWidth(input.format(r.value), 12))), 30) + 10;
  const plotRight = width - valueRoom;
  const x = scaleLinear().domain(input.domain).range([plotLeft + 14, plotRight]).nice();
  const [d0, d1] = x.domain() as [number, number];
  const origin = x(d0 <= 0 && d1 >= 0 ? 0 : d0);
  let top = 8;
  const marks: Mark[] = [];
  if (input.benchmark) {
    const bx = x(input.benchmark.value);
    const lines = wrapText(input.benchmark.label, width - 30, 12);
    marks.push({ type: 'diamond', class: 'benchmark', cx: 14, cy: top + 7, r: 5 });
    lines.forEach((line, i) => marks.push({ type: 'text', class: 'benchmark-label', x: 26, y: top + 7 + i * 15, text: line, dy: '0.32em' }));
    top += lines.length * 15 + 8;
    marks.push({ type: 'diamond', class: 'benchmark', cx: bx, cy: top, r: 5 });
    top += 8;
  }
  const rowsTop = top;
  let y = top;
  const rowMarks: Mark[] = [];
  for (const row of input.rows) {
    const lines = wrapText(row.label, width - 16, 13);
    lines.forEach((line, i) => rowMarks.push({ type: 'text', class: 'label', x: plotLeft, y: y + 12 + i * LABEL_LINE, text: line }));
    y += lines.length * LABEL_LINE + 2;
    const mid = y + 9;
    if (row.value === null) {
      const missing = wrapText(`— ${row.missing ?? ''}`.trim(), width - 16, 12);
      missing.forEach((line, i) => rowMarks.push({ type: 'text', class: 'missing', x: plotLeft, y: mid + i * 15, text: line, dy: '0.32em' }));
      y += Math.max(18, missing.length * 15) + 8;
      continue;
    }
    const end = x(row.value);
    rowMarks.push({ type: 'rect', class: row.emphasis ? 'bar bar-emphasis' : 'bar', x: Math.min(origin, end), y: mid - 7, width: Math.abs(end - origin), height: 14 });
    rowMarks.push(...whiskerAndValue(row, x, end, mid, input.format(row.value)));
    y += 18 + 10;
  }
  const bottom = y;
  marks.unshift(...bottomAxis(x, rowsTop - 4, bottom, input.tickFormat ?? input.format, 3));
  if (input.benchmark) {
    const bx = x(input.benchmark.value);
    marks.push({ type: 'line', class: 'benchmark-line', x1: bx, x2: bx, y1: rowsTop - 4, y2: bottom });
  }
  marks.push(...rowMarks);
  return { width, height: bottom + 22, marks };
}
