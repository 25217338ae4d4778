/**
 * /{locale}/charts/{id}.png: a chart as a PNG at 1280 px wide, rendered at build time from its SVG
 * file (see src/downloads/chart-png.ts). The PNGs are started on the renderer's threads as soon as
 * the paths are known, and cached by the SVG's hash, so a rebuild renders only what changed.
 */
import type { APIRoute } from 'astro';
import report from 'virtual:trust-report';
import { useTranslations } from '../../../i18n/astro.ts';
import { chartPng, prerenderChartPngs } from '../../../downloads/chart-png.ts';
import { chartImagePaths, type ChartImageProps } from '../../../site/chart-catalogue.ts';

export const getStaticPaths = () => {
  const paths = chartImagePaths(report, useTranslations, 'png');
  // In a build, start every PNG now (two at a time, off the main thread) while the pages render.
  if (!import.meta.env.DEV) void prerenderChartPngs(paths.map(({ props }) => props.svg));
  return paths;
};

export const GET: APIRoute<ChartImageProps> = async ({ props }) =>
  new Response(new Uint8Array(await chartPng(props.svg())), { headers: { 'Content-Type': 'image/png' } });
