/**
 * Dumbbell: the company's value (circle, with its interval) against a public benchmark (diamond)
 * on the same scale, one row per comparison, joined by a line whose length is the gap. A context
 * figure (not comparable: another population, country or industry) sits on the same scale as a
 * hollow, muted diamond with no line joining it to the company: it is set beside the company's
 * figure, never measured against it.
 */
import { scaleLinear } from 'd3';
import { bottomAxis, NARROW_MAX, textWidth, wrapText, type NumberFormat } from './axis.ts';
import type { Mark, Scene } from './scene.ts';

export interface DumbbellRow {
  label: string;
  /** The company's figure; null when it has none for this row (only the public figure is drawn). */
  company: number | null;
  companyLow: number | null;
  companyHigh: number | null;
  /** The public figure as a point; null for a range. */
  benchmark: number | null;
  /** Benchmark ranges ("25-95 %") are drawn as a bar rather than a point. */
  benchmarkLow?: number | null;
  benchmarkHigh?: number | null;
  /** The public figure's label as published (e.g. a range or "about 30"); default `format(benchmark)`. */
  benchmarkText?: string;
  /** A context figure: hollow and muted, no connecting line (no gap). */
  context?: boolean;
}

export interface DumbbellInput {
  rows: DumbbellRow[];
  domain: [number, number];
  format: NumberFormat;
  tickFormat?: NumberFormat;
  /** Legend entries; `benchmark` is shown when a row is a benchmark, `context` when one is context. */
  legend: { company: string; benchmark: string; context?: string };
  width?: number;
}

const ROW = 34;
const LINE = 15;
/** Line step of a legend wrapped onto more lines. */
const LEGEND_LINE = 18;

export function layoutDumbbell(input: DumbbellInput): Scene {
  const width = input.width ?? 640;
  const narrow = width <= NARROW_MAX;
  const fits = (text: string) => textWidth(text, 12);
  const publicText = (r: DumbbellRow) => r.benchmarkText ?? (r.benchmark === null ? '' : input.format(r.benchmark));
  // Wide: a label column (at most 240 units, labels wrapped inside it); phone: labels above each row.
  const labelWidth = narrow ? 0 : Math.min(240, Math.max(...input.rows.map((r) => textWidth(r.label)), 40) + 12);
  const valueRoom = Math.max(...input.rows.flatMap((r) => [r.company === null ? 0 : fits(input.format(r.company)), fits(publicText(r))]), 24) + 12;
  const plotLeft = narrow ? valueRoom : labelWidth + valueRoom;
  const plotRight = width - valueRoom;
  const x = scaleLinear().domain(input.domain).range([plotLeft, plotRight]).nice();
  const marks: Mark[] = [];

  // One legend for the whole chart, an entry per kind of mark drawn; it wraps when a line is full.
  const legendLeft = narrow ? 8 : labelWidth;
  const entries: { cls: string; shape: 'circle' | 'diamond'; text: string }[] = [];
  if (input.rows.some((r) => r.company !== null)) entries.push({ cls: 'company', shape: 'circle', text: input.legend.company });
  if (input.rows.some((r) => !r.context)) entries.push({ cls: 'benchmark', shape: 'diamond', text: input.legend.benchmark });
  if (input.legend.context && input.rows.some((r) => r.context)) entries.push({ cls: 'benchmark context', shape: 'diamond', text: input.legend.context });
  let cx = legendLeft + 6;
  let cy = 10;
  entries.forEach((entry, i) => {
    const w = textWidth(entry.text, 12);
    if (i > 0 && cx + 10 + w > width - 8) {
      cx = legendLeft + 6;
      cy += LEGEND_LINE;
    }
    marks.push(
      entry.shape === 'circle' ? { type: 'circle', class: entry.cls, cx, cy, r: 5 } : { type: 'diamond', class: entry.cls, cx, cy, r: 5 },
      { type: 'text', class: 'legend', x: cx + 10, y: cy, text: entry.text, dy: '0.32em' },
    );
    cx += 10 + w + 24;
  });
  const top = cy + 22;

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
    const context = row.context ? ' context' : '';
    const range = row.benchmarkLow != null && row.benchmarkHigh != null;
    // The public figure's extent: its diamond, or its range bar.
    const bx = row.benchmark !== null ? x(row.benchmark) : range ? (x(row.benchmarkLow!) + x(row.benchmarkHigh!)) / 2 : null;
    if (bx === null) continue;
    const [bLo, bHi] = row.benchmark !== null ? [bx - 6, bx + 6] : [x(row.benchmarkLow!), x(row.benchmarkHigh!)];
    const cxRow = row.company === null ? null : x(row.company);
    // A line joins the pair only for a benchmark: its length is the gap.
    if (cxRow !== null && !row.context && row.benchmark !== null) {
      rowMarks.push({ type: 'line', class: 'connector', x1: Math.min(cxRow, bx), x2: Math.max(cxRow, bx), y1: mid, y2: mid });
    }
    if (range) {
      rowMarks.push({ type: 'rect', class: `benchmark-range${context}`, x: x(row.benchmarkLow!), y: mid - 4, width: x(row.benchmarkHigh!) - x(row.benchmarkLow!), height: 8 });
    }
    if (cxRow === null) {
      if (row.benchmark !== null) rowMarks.push({ type: 'diamond', class: `benchmark${context}`, cx: bx, cy: mid, r: 6 });
      const text = publicText(row);
      const right = bHi + 4 + fits(text) <= width;
      rowMarks.push({ type: 'text', class: `value value-benchmark${context} halo`, x: right ? bHi + 4 : bLo - 4, y: mid, text, anchor: right ? 'start' : 'end', dy: '0.32em' });
      continue;
    }
    // The company's interval runs through its point, with caps at both ends.
    let [lo, hi] = [cxRow, cxRow];
    if (row.companyLow !== null && row.companyHigh !== null) {
      [lo, hi] = [x(row.companyLow), x(row.companyHigh)];
      rowMarks.push(
        { type: 'line', class: 'whisker', x1: lo, x2: hi, y1: mid, y2: mid },
        { type: 'line', class: 'whisker', x1: lo, x2: lo, y1: mid - 6, y2: mid + 6 },
        { type: 'line', class: 'whisker', x1: hi, x2: hi, y1: mid - 6, y2: mid + 6 },
      );
    }
    const left = cxRow < bx;
    if (row.benchmark !== null) rowMarks.push({ type: 'diamond', class: `benchmark${context}`, cx: bx, cy: mid, r: 6 });
    rowMarks.push(
      { type: 'circle', class: 'company', cx: cxRow, cy: mid, r: 5.5 },
      // Value labels sit outside the pair and the interval, on a background halo, so neither a
      // mark nor the zero axis runs through them.
      { type: 'text', class: 'value halo', x: left ? Math.min(cxRow - 9, lo - 5) : Math.max(cxRow + 9, hi + 5), y: mid, text: input.format(row.company!), anchor: left ? 'end' : 'start', dy: '0.32em' },
      { type: 'text', class: `value value-benchmark${context} halo`, x: left ? Math.max(bHi + 4, hi + 5) : Math.min(bLo - 4, lo - 5), y: mid, text: publicText(row), anchor: left ? 'start' : 'end', dy: '0.32em' },
    );
  }
  const bottom = y;
  marks.push(...bottomAxis(x, top - 4, bottom, input.tickFormat ?? input.format, narrow ? 3 : 5), ...rowMarks);
  return { width, height: bottom + 22, marks };
}
