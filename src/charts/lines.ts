/**
 * Lines over ordered categories (survey waves, quarters since first order) with optional
 * interval bands. A missing point breaks the line and is marked, never drawn as zero.
 */
import { area, line, scaleLinear, scalePoint } from 'd3';
import { leftAxis, NARROW_MAX, textWidth, wrapText, type NumberFormat } from './axis.ts';
import type { Mark, Scene } from './scene.ts';

export interface LinePoint {
  x: string;
  value: number | null;
  low?: number | null;
  high?: number | null;
}

export interface LineSeries {
  label: string;
  points: LinePoint[];
}

export interface LinesInput {
  categories: string[];
  /** Category labels as shown (defaults to the categories). */
  categoryLabels?: string[];
  series: LineSeries[];
  domain: [number, number];
  format: NumberFormat;
  tickFormat?: NumberFormat;
  /** Draw each series' interval as a band. */
  bands?: boolean;
  /** A legend column at the right (several overlapping series). */
  legend?: boolean;
  /** A public benchmark as a dashed horizontal line. */
  benchmark?: { value: number; label: string } | null;
  width?: number;
  height?: number;
  /** Show every n-th category label (long series). */
  labelEvery?: number;
}

export function layoutLines(input: LinesInput): Scene {
  const width = input.width ?? 640;
  const height = input.height ?? 260;
  const tickWidth = Math.max(...[input.domain[0], input.domain[1]].map((v) => textWidth((input.tickFormat ?? input.format)(v), 12)));
  const left = Math.max(36, tickWidth + 12);
  const lastLabels = input.legend ? Math.max(...input.series.map((s) => textWidth(s.label, 12)), 0) + (input.legend ? 34 : 12) : 0;
  const right = width - Math.max(18, lastLabels);
  const top = 12;
  const bottom = height - 26;
  const x = scalePoint<string>().domain(input.categories).range([left + 12, right - 8]);
  const y = scaleLinear().domain(input.domain).range([bottom, top]).nice();
  const narrow = width <= NARROW_MAX;
  const marks: Mark[] = [...leftAxis(y, left, right, input.tickFormat ?? input.format, narrow ? 4 : 5)];
  let every = input.labelEvery ?? 1;
  if (narrow && input.categories.length > 1) {
    // Phone: show every n-th category so the labels never touch.
    const widest = Math.max(...input.categories.map((c, i) => textWidth(input.categoryLabels?.[i] ?? c, 12)));
    const step = (right - 8 - (left + 12)) / (input.categories.length - 1);
    every = Math.max(every, Math.ceil((widest + 8) / step));
  }
  input.categories.forEach((c, i) => {
    const last = input.categories.length - 1;
    if (i % every !== 0 && i !== last) return;
    // On phones a regular label too close to the last one gives way to it.
    if (narrow && i !== last && last - i < every) return;
    marks.push({ type: 'text', class: 'tick', x: x(c)!, y: bottom + 16, text: input.categoryLabels?.[i] ?? c, anchor: 'middle' });
  });
  if (input.benchmark) {
    const by = y(input.benchmark.value);
    marks.push(
      { type: 'line', class: 'benchmark-line', x1: left, x2: right, y1: by, y2: by },
      { type: 'diamond', class: 'benchmark', cx: right - 4, cy: by, r: 4.5 },
    );
    // A long label wraps inside the plot, its last line just above the line.
    const lines = narrow ? wrapText(input.benchmark.label, right - left - 20, 12) : [input.benchmark.label];
    lines.forEach((line, i) => marks.push({ type: 'text', class: 'benchmark-label halo', x: right - 14, y: by - 8 - (lines.length - 1 - i) * 14, text: line, anchor: 'end' }));
  }

  input.series.forEach((series, s) => {
    const klass = input.series.length > 1 ? `series series-${s % 8}` : 'series series-0';
    const points = series.points.filter((p) => x(p.x) !== undefined);
    if (input.bands) {
      const band = area<LinePoint>()
        .defined((p) => p.low != null && p.high != null)
        .x((p) => x(p.x)!)
        .y0((p) => y(p.low!))
        .y1((p) => y(p.high!))(points);
      if (band) marks.push({ type: 'path', class: `band ${klass}`, d: band });
    }
    const path = line<LinePoint>()
      .defined((p) => p.value !== null)
      .x((p) => x(p.x)!)
      .y((p) => y(p.value!))(points);
    if (path) marks.push({ type: 'path', class: `line ${klass}`, d: path });
    for (const p of points) {
      if (p.value === null) {
        // A gap: a hollow tick on the axis where the point would be.
        marks.push({ type: 'line', class: 'gap-mark', x1: x(p.x)!, x2: x(p.x)!, y1: bottom, y2: bottom - 8 });
        continue;
      }
      marks.push({ type: 'circle', class: `point ${klass}`, cx: x(p.x)!, cy: y(p.value), r: input.series.length > 3 ? 2.5 : 3.5 });
    }
    if (input.legend) {
      const ly = top + 8 + s * 17;
      marks.push(
        { type: 'line', class: `legend-swatch ${klass}`, x1: right + 6, x2: right + 22, y1: ly, y2: ly },
        { type: 'text', class: `series-label ${klass}`, x: right + 26, y: ly, text: series.label, dy: '0.32em' },
      );
    }
  });
  return { width, height, marks };
}
