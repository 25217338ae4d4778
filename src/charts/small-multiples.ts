/**
 * Small multiples: one small line chart per panel (e.g. per segment) on a shared scale, laid out
 * in a grid so the panels can be compared at a glance.
 */
import { wrapText } from './axis.ts';
import { layoutLines, type LinesInput } from './lines.ts';
import { translateMarks, type Mark, type Scene } from './scene.ts';

export interface Panel {
  title: string;
  series: LinesInput['series'];
}

export interface SmallMultiplesInput extends Omit<LinesInput, 'series' | 'width' | 'height' | 'directLabels'> {
  panels: Panel[];
  columns?: number;
  width?: number;
  panelHeight?: number;
}

export function layoutSmallMultiples(input: SmallMultiplesInput): Scene {
  const width = input.width ?? 640;
  const columns = input.columns ?? 2;
  const panelWidth = width / columns;
  const panelHeight = input.panelHeight ?? 150;
  // Panel titles wrap inside their panel (long Thai, Vietnamese and Russian names); every row of
  // panels leaves room for the longest title.
  const titles = input.panels.map((p) => wrapText(p.title, panelWidth - 12, 14));
  const titleHeight = 4 + 16 * Math.max(1, ...titles.map((t) => t.length));
  const marks: Mark[] = [];
  input.panels.forEach((panel, i) => {
    const col = i % columns;
    const row = Math.floor(i / columns);
    const dx = col * panelWidth;
    const dy = row * (panelHeight + titleHeight);
    const { panels: _panels, columns: _columns, panelHeight: _height, ...shared } = input;
    const scene = layoutLines({ ...shared, series: panel.series, width: panelWidth, height: panelHeight, labelEvery: input.labelEvery ?? Math.max(1, input.categories.length - 1) });
    titles[i]!.forEach((line, l) => marks.push({ type: 'text', class: 'panel-title', x: dx + 8, y: dy + 14 + l * 16, text: line }));
    marks.push(...translateMarks(scene.marks, dx, dy + titleHeight));
  });
  const rows = Math.ceil(input.panels.length / columns);
  return { width, height: rows * (panelHeight + titleHeight), marks };
}
