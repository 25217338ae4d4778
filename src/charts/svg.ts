/**
 * Draws a scene as an SVG string: no DOM, no client JavaScript. Every text is escaped here, so
 * a label taken from a data file can never become markup.
 */
import { round, type Mark, type Scene } from './scene.ts';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[ch]};`);
}

export interface SvgOptions {
  /** Id prefix for the title and description elements. */
  id: string;
  title: string;
  description: string;
}

export function renderSvg(scene: Scene, options: SvgOptions): string {
  const id = escapeXml(options.id);
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 ${round(scene.width)} ${round(scene.height)}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeXml(options.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(options.description)}</desc>`,
    ...scene.marks.map(drawMark),
    '</svg>',
  ];
  return lines.join('\n');
}

function drawMark(mark: Mark): string {
  const cls = `class="${escapeXml(mark.class)}"`;
  switch (mark.type) {
    case 'rect':
      return `<rect ${cls} x="${round(mark.x)}" y="${round(mark.y)}" width="${round(Math.max(0, mark.width))}" height="${round(Math.max(0, mark.height))}"/>`;
    case 'line':
      return `<line ${cls} x1="${round(mark.x1)}" y1="${round(mark.y1)}" x2="${round(mark.x2)}" y2="${round(mark.y2)}"/>`;
    case 'path':
      return `<path ${cls} d="${roundPath(mark.d)}"/>`;
    case 'circle':
      return `<circle ${cls} cx="${round(mark.cx)}" cy="${round(mark.cy)}" r="${round(mark.r)}"/>`;
    case 'diamond': {
      const { cx, cy, r } = mark;
      return `<path ${cls} d="M${round(cx)},${round(cy - r)}L${round(cx + r)},${round(cy)}L${round(cx)},${round(cy + r)}L${round(cx - r)},${round(cy)}Z"/>`;
    }
    case 'text': {
      const anchor = mark.anchor && mark.anchor !== 'start' ? ` text-anchor="${mark.anchor}"` : '';
      const dy = mark.dy ? ` dy="${escapeXml(mark.dy)}"` : '';
      return `<text ${cls} x="${round(mark.x)}" y="${round(mark.y)}"${anchor}${dy}>${escapeXml(mark.text)}</text>`;
    }
  }
}

/** d3-shape writes full-precision numbers; one decimal keeps the SVG small and golden files stable. */
function roundPath(d: string): string {
  return d.replace(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g, (n) => String(round(Number(n))));
}
