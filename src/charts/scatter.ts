/**
 * Say versus do: one point per segment, what customers say (x, e.g. satisfaction) against what
 * they do (y, e.g. retention). Flagged points carry a symbol in their label as well as a colour.
 */
import { scaleLinear } from 'd3';
import { bottomAxis, leftAxis, textWidth, type NumberFormat } from './axis.ts';
import type { Mark, Scene } from './scene.ts';

export interface ScatterPoint {
  label: string;
  x: number;
  y: number;
  flagged?: boolean;
}

export interface ScatterInput {
  points: ScatterPoint[];
  xDomain: [number, number];
  yDomain: [number, number];
  xFormat: NumberFormat;
  yFormat: NumberFormat;
  xLabel: string;
  yLabel: string;
  /** Symbol put before a flagged point's label. */
  flagSymbol?: string;
  width?: number;
  height?: number;
}

export function layoutScatter(input: ScatterInput): Scene {
  const width = input.width ?? 640;
  const height = input.height ?? 340;
  const left = 52;
  const right = width - 16;
  const top = 24;
  const bottom = height - 44;
  const x = scaleLinear().domain(input.xDomain).range([left, right]).nice();
  const y = scaleLinear().domain(input.yDomain).range([bottom, top]).nice();
  const marks: Mark[] = [
    ...leftAxis(y, left, right, input.yFormat),
    ...bottomAxis(x, top, bottom, input.xFormat),
    { type: 'text', class: 'axis-label', x: right, y: bottom + 34, text: `${input.xLabel} →`, anchor: 'end' },
    { type: 'text', class: 'axis-label', x: left - 44, y: 12, text: `↑ ${input.yLabel}` },
  ];
  for (const p of input.points) {
    const cx = x(p.x);
    const cy = y(p.y);
    const label = p.flagged && input.flagSymbol ? `${input.flagSymbol} ${p.label}` : p.label;
    // Labels go to the side with more room, so the rightmost points label leftwards.
    const toLeft = cx + 8 + textWidth(label, 12) > right;
    marks.push(
      { type: 'circle', class: p.flagged ? 'point flagged' : 'point company', cx, cy, r: 5.5 },
      { type: 'text', class: p.flagged ? 'point-label flagged' : 'point-label', x: toLeft ? cx - 9 : cx + 9, y: cy, text: label, anchor: toLeft ? 'end' : 'start', dy: '0.32em' },
    );
  }
  return { width, height, marks };
}
