/**
 * Horizontal bars with interval whiskers and an optional benchmark marker. Rows without a value
 * (suppressed or missing) keep their place and say why, so a gap is never drawn as zero.
 */
import { scaleLinear } from 'd3';
import { bottomAxis, textWidth, type NumberFormat } from './axis.ts';
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
    marks.push({ type: 'text', class: 'label', x: plotLeft - 8, y: mid, text: row.label, anchor: 'end', dy: '0.32em' });
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
    marks.push({ type: 'text', class: 'value', x: labelX + 5, y: mid, text: input.format(row.value), dy: '0.32em' });
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
