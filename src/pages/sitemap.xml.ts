/** sitemap.xml: every page in every language, each with its alternates in the other languages. */
import type { APIRoute } from 'astro';
import report from 'virtual:trust-report';
import { sitemapXml } from '../site/sitemap.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(sitemapXml(report, site?.href ?? null), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
