/** The frame of every page (src/layouts/Base.astro): head links, navigation, language switcher, footer. */
import type { Translator } from '../i18n/core.ts';
import { LOCALES } from '../i18n/locales.ts';
import type { Report } from '../schemas/report.ts';
import { paths, switchLocale } from '../site/paths.ts';

export interface LayoutProps {
  lang: string;
  siteName: string;
  /** The page's title in the browser: "Title · Site". */
  documentTitle: string;
  canonical: string;
  alternates: Array<{ lang: string; href: string }>;
  xDefault: string;
  homeHref: string;
  nav: Array<{ href: string; text: string; current: boolean }>;
  searchAction: string;
  languages: Array<{ code: string; endonym: string; href: string; current: boolean }>;
  /** The print header's second line: the period and the date of the data. */
  printPeriod: string;
  asOf: string;
}

/** `site`: the deployed site's URL, when known, for absolute links. */
export function layoutProps(report: Report, t: Translator, path: string, site: URL | undefined, title: string): LayoutProps {
  const locale = t.locale;
  const published = LOCALES.filter((l) => report.company.locales.includes(l.code));
  const absolute = (p: string) => (site ? new URL(p, site).href : p);
  const siteName = t('site.name', { company: report.company.name });
  const period = report.company.reportingPeriod;
  const asOf = t('footer.as_of', { date: t.format.date(report.asOf) });
  const home = paths.home(locale);
  const section = (href: string, text: string) => ({ href, text, current: path.startsWith(href) });
  return {
    lang: locale,
    siteName,
    documentTitle: `${title} · ${siteName}`,
    canonical: absolute(path),
    alternates: published.map((l) => ({ lang: l.code, href: absolute(switchLocale(path, l.code)) })),
    xDefault: absolute('/'),
    homeHref: home,
    nav: [
      { href: home, text: t('nav.home'), current: path === home },
      section(paths.metrics(locale), t('nav.metrics')),
      section(paths.segments(locale), t('nav.segments')),
      section(paths.guidance(locale), t('nav.guidance')),
      section(paths.library(locale), t('nav.benchmarks')),
      section(paths.methodology(locale), t('nav.methodology')),
      section(paths.data(locale), t('nav.data')),
    ],
    searchAction: paths.search(locale),
    languages: published.map((l) => ({ code: l.code, endonym: l.endonym, href: switchLocale(path, l.code), current: l.code === locale })),
    printPeriod: t('overview.lead', { start: t.format.date(period.start), end: t.format.date(period.end) }),
    asOf,
  };
}

/** `/`: the language chooser, each language named in itself. */
export interface ChooserProps {
  lang: string;
  title: string;
  description: string;
  canonical: string;
  alternates: Array<{ lang: string; href: string }>;
  languages: Array<{ code: string; endonym: string; href: string; tagline: string; choose: string }>;
}

export function chooserProps(report: Report, translator: (locale: string) => Translator, site: URL | undefined): ChooserProps {
  const published = LOCALES.filter((l) => report.company.locales.includes(l.code));
  const t = translator(report.company.defaultLocale);
  const absolute = (p: string) => (site ? new URL(p, site).href : p);
  return {
    lang: report.company.defaultLocale,
    title: t('site.name', { company: report.company.name }),
    description: t('chooser.description', { company: report.company.name }),
    canonical: absolute('/'),
    alternates: published.map((l) => ({ lang: l.code, href: absolute(paths.home(l.code)) })),
    languages: published.map((l) => {
      const lt = translator(l.code);
      return { code: l.code, endonym: l.endonym, href: paths.home(l.code), tagline: lt('site.name', { company: report.company.name }), choose: lt('chooser.enter') };
    }),
  };
}
