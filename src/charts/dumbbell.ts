/**
 * Dumbbell: the company's value (circle, with its interval) against a public benchmark (diamond)
 * on the same scale, one row per comparison, joined by a line whose length is the gap.
 */
import { scaleLinear } from 'd3';
import { bottomAxis, textWidth, type NumberFormat } from './axis.ts';
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

export function layoutDumbbell(input: DumbbellInput): Scene {
  const width = input.width ?? 640;
  const labelWidth = Math.min(240, Math.max(...input.rows.map((r) => textWidth(r.label)), 40) + 12);
  const top = 34;
  const plotLeft = labelWidth;
  const plotRight = width - 24;
  const bottom = top + input.rows.length * ROW;
  const x = scaleLinear().domain(input.domain).range([plotLeft, plotRight]).nice();
  const marks: Mark[] = [
    ...bottomAxis(x, top - 4, bottom, input.tickFormat ?? input.format),
    { type: 'circle', class: 'company', cx: plotLeft + 6, cy: 10, r: 5 },
    { type: 'text', class: 'legend', x: plotLeft + 16, y: 10, text: input.legend.company, dy: '0.32em' },
  ];
  const legendX = plotLeft + 16 + textWidth(input.legend.company, 12) + 24;
  marks.push(
    { type: 'diamond', class: 'benchmark', cx: legendX, cy: 10, r: 5 },
    { type: 'text', class: 'legend', x: legendX + 10, y: 10, text: input.legend.benchmark, dy: '0.32em' },
  );

  input.rows.forEach((row, i) => {
    const mid = top + i * ROW + ROW / 2;
    const cx = x(row.company);
    const bx = x(row.benchmark);
    marks.push(
      { type: 'text', class: 'label', x: plotLeft - 8, y: mid, text: row.label, anchor: 'end', dy: '0.32em' },
      { type: 'line', class: 'connector', x1: Math.min(cx, bx), x2: Math.max(cx, bx), y1: mid, y2: mid },
    );
    if (row.benchmarkLow != null && row.benchmarkHigh != null) {
      marks.push({ type: 'rect', class: 'benchmark-range', x: x(row.benchmarkLow), y: mid - 4, width: x(row.benchmarkHigh) - x(row.benchmarkLow), height: 8 });
    }
    if (row.companyLow !== null && row.companyHigh !== null) {
      marks.push({ type: 'line', class: 'whisker', x1: x(row.companyLow), x2: x(row.companyHigh), y1: mid - 9, y2: mid - 9 });
    }
    marks.push(
      { type: 'diamond', class: 'benchmark', cx: bx, cy: mid, r: 6 },
      { type: 'circle', class: 'company', cx, cy: mid, r: 5.5 },
      // Value labels sit outside the pair, so they never overlap the marks.
      { type: 'text', class: 'value', x: cx < bx ? cx - 9 : cx + 9, y: mid + 12, text: input.format(row.company), anchor: cx < bx ? 'end' : 'start' },
      { type: 'text', class: 'value value-benchmark', x: cx < bx ? bx + 9 : bx - 9, y: mid + 12, text: input.format(row.benchmark), anchor: cx < bx ? 'start' : 'end' },
    );
  });
  return { width, height: bottom + 22, marks };
}
