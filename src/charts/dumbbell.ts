/**
 * Dumbbell: the company's value (circle, with its interval) against a public benchmark (diamond)
 * on the same scale, one row per comparison, joined by a line whose length is the gap.
 */
import { scaleLinear } from 'd3';
import { bottomAxis, NARROW_MAX, textWidth, wrapText, type NumberFormat } from './axis.ts';
import type { Mark, Scene } from './scene.ts';

export interface DumbbellRow {
  label: string;
  company: number;
  companyLow: number | null;
  companyHigh: number | null;
  benchmark: number;
  /** Benchmark ranges ("25-95 %") are drawn as a bar rather than a point. */
  benchmarkLow?: number | null;
  benchmarkHigh?: number | null;
}

export interface DumbbellInput {
  rows: DumbbellRow[];
  domain: [number, number];
  format: NumberFormat;
  tickFormat?: NumberFormat;
  legend: { company: string; benchmark: string };
  width?: number;
}

const ROW = 34;
const LINE = 15;

export function layoutDumbbell(input: DumbbellInput): Scene {
  const width = input.width ?? 640;
  const narrow = width <= NARROW_MAX;
  const fits = (v: number) => textWidth(input.format(v), 12);
  // Wide: a label column (at most 240 units, labels wrapped inside it); phone: labels above each row.
  const labelWidth = narrow ? 0 : Math.min(240, Math.max(...input.rows.map((r) => textWidth(r.label)), 40) + 12);
  const valueRoom = Math.max(...input.rows.flatMap((r) => [fits(r.company), fits(r.benchmark)]), 24) + 12;
  const plotLeft = narrow ? valueRoom : labelWidth + valueRoom;
  const plotRight = width - valueRoom;
  const x = scaleLinear().domain(input.domain).range([plotLeft, plotRight]).nice();
  const marks: Mark[] = [];

  // One legend for the whole chart, wrapped onto two lines when it does not fit on one.
  const companyWidth = textWidth(input.legend.company, 12);
  const oneLine = 16 + companyWidth + 24 + 10 + textWidth(input.legend.benchmark, 12) <= width - 8;
  const legendLeft = narrow ? 8 : labelWidth;
  marks.push(
    { type: 'circle', class: 'company', cx: legendLeft + 6, cy: 10, r: 5 },
    { type: 'text', class: 'legend', x: legendLeft + 16, y: 10, text: input.legend.company, dy: '0.32em' },
  );
  const [bx0, by0] = oneLine ? [legendLeft + 16 + companyWidth + 24, 10] : [legendLeft + 6, 28];
  marks.push(
    { type: 'diamond', class: 'benchmark', cx: bx0, cy: by0, r: 5 },
    { type: 'text', class: 'legend', x: bx0 + 10, y: by0, text: input.legend.benchmark, dy: '0.32em' },
  );
  const top = by0 + 22;

  const rowMarks: Mark[] = [];
  let y = top;
  for (const row of input.rows) {
    const lines = wrapText(row.label, narrow ? width - 16 : labelWidth - 12, 13);
    let mid: number;
    if (narrow) {
      lines.forEach((line, i) => rowMarks.push({ type: 'text', class: 'label', x: 8, y: y + 12 + i * LINE, text: line }));
      mid = y + lines.length * LINE + 12;
      y = mid + 16;
    } else {
      const height = Math.max(ROW, lines.length * LINE + 12);
      mid = y + height / 2;
      const first = mid - ((lines.length - 1) * LINE) / 2;
      lines.forEach((line, i) => rowMarks.push({ type: 'text', class: 'label', x: labelWidth - 8, y: first + i * LINE, text: line, anchor: 'end', dy: '0.32em' }));
      y += height;
    }
    const cx = x(row.company);
    const bx = x(row.benchmark);
    rowMarks.push({ type: 'line', class: 'connector', x1: Math.min(cx, bx), x2: Math.max(cx, bx), y1: mid, y2: mid });
    if (row.benchmarkLow != null && row.benchmarkHigh != null) {
      rowMarks.push({ type: 'rect', class: 'benchmark-range', x: x(row.benchmarkLow), y: mid - 4, width: x(row.benchmarkHigh) - x(row.benchmarkLow), height: 8 });
    }
    // The company's interval runs through its point, with caps at both ends.
    let [lo, hi] = [cx, cx];
    if (row.companyLow !== null && row.companyHigh !== null) {
      [lo, hi] = [x(row.companyLow), x(row.companyHigh)];
      rowMarks.push(
        { type: 'line', class: 'whisker', x1: lo, x2: hi, y1: mid, y2: mid },
        { type: 'line', class: 'whisker', x1: lo, x2: lo, y1: mid - 6, y2: mid + 6 },
        { type: 'line', class: 'whisker', x1: hi, x2: hi, y1: mid - 6, y2: mid + 6 },
      );
    }
    const left = cx < bx;
    rowMarks.push(
      { type: 'diamond', class: 'benchmark', cx: bx, cy: mid, r: 6 },
      { type: 'circle', class: 'company', cx, cy: mid, r: 5.5 },
      // Value labels sit outside the pair and the interval, on a background halo, so neither a
      // mark nor the zero axis runs through them.
      { type: 'text', class: 'value halo', x: left ? Math.min(cx - 9, lo - 5) : Math.max(cx + 9, hi + 5), y: mid, text: input.format(row.company), anchor: left ? 'end' : 'start', dy: '0.32em' },
      { type: 'text', class: 'value value-benchmark halo', x: left ? Math.max(bx + 10, hi + 5) : Math.min(bx - 10, lo - 5), y: mid, text: input.format(row.benchmark), anchor: left ? 'start' : 'end', dy: '0.32em' },
    );
  }
  const bottom = y;
  marks.push(...bottomAxis(x, top - 4, bottom, input.tickFormat ?? input.format, narrow ? 3 : 5), ...rowMarks);
  return { width, height: bottom + 22, marks };
}
