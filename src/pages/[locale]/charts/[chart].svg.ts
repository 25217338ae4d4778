/** /{locale}/charts/{id}.svg: a chart as a self-contained SVG file, for slides (see src/charts/standalone.ts). */
import type { APIRoute } from 'astro';
import report from 'virtual:trust-report';
import { useTranslations } from '../../../i18n/astro.ts';
import { chartImagePaths, type ChartImageProps } from '../../../site/chart-catalogue.ts';

export const getStaticPaths = () => chartImagePaths(report, useTranslations, 'svg');

export const GET: APIRoute<ChartImageProps> = ({ props }) =>
  new Response(props.svg(), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
