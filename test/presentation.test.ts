/**
 * The presentation stage (src/presentation/) without Astro: each page's props from the demo
 * report model, in two locales, as exact strings worked out from the data; and the rule that
 * views and components only render what they are given (no report import, no model indexes).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTranslationSystem } from '../src/i18n/node.ts';
import type { Translator } from '../src/i18n/core.ts';
import { runDataBuild } from '../src/pipeline/run.ts';
import type { Report } from '../src/schemas/report.ts';
import { homePage } from '../src/presentation/home.ts';
import { metricPage, retentionDrivers } from '../src/presentation/metric.ts';
import { segmentPage, segmentsPage } from '../src/presentation/segment.ts';
import { metricsPage } from '../src/presentation/metrics.ts';
import { metricId } from '../src/site/metric-text.ts';
import { PreparedReport, prepared } from '../src/site/model.ts';
import { DATA_DIR } from './helpers/data-dir.ts';
import { ROOT } from './helpers/build.ts';

const NBSP = '\u00a0';
const MINUS = '\u2212';
const system = await loadTranslationSystem();
const tr = (locale: string): Translator => system.translator(locale);

let report: Report;
let model: PreparedReport;

beforeAll(async () => {
  const result = await runDataBuild({ dataDir: DATA_DIR, contentDir: join(ROOT, 'content'), today: '2026-11-23' });
  expect(result.issues).toEqual([]);
  report = result.report!;
  model = prepared(report);
});

describe('the overview', () => {
  it('ranks the trust dimensions, strongest first, and names the strongest and the weakest', () => {
    const en = homePage(model, tr('en')).dimensions!;
    expect(en.ranked.map((d) => [d.id, d.name, d.value])).toEqual([
      ['trust_competence', 'Competence', '78.3'],
      ['trust_reliability', 'Reliability', '77.2'],
      ['trust_consistency', 'Consistency', '73.2'],
      ['trust_empathy', 'Empathy', '72.4'],
      ['trust_transparency', 'Transparency', '63.3'],
    ]);
    expect([en.strongest.name, en.strongest.value, en.weakest.name, en.weakest.value]).toEqual(['Competence', '78.3', 'Transparency', '63.3']);
    expect(en.summary).toBe('Strongest: Competence (78.3). Weakest: Transparency (63.3).');
    expect(en.ranked[0]!.href).toBe('/en/metrics/trust_competence/');

    const fi = homePage(model, tr('fi')).dimensions!;
    expect(fi.ranked.map((d) => d.value)).toEqual(['78,3', '77,2', '73,2', '72,4', '63,3']);
    expect(fi.summary).toBe('Vahvin: Osaaminen (78,3). Heikoin: Avoimuus (63,3).');
  });

  it('lists no gap when no public figure is a benchmark, and counts the context figures', () => {
    // The demo company's public figures are all context (other questions, scales or populations).
    const comparisons = report.metrics.flatMap((m) => m.comparisons);
    expect(comparisons.filter((c) => c.comparable)).toHaveLength(0);
    expect(comparisons.filter((c) => !c.comparable)).toHaveLength(22);
    const en = homePage(model, tr('en'));
    expect(en.gaps).toEqual([]);
    expect(en.noGaps).toBe('No public figure measures the same thing for a population like your customers with a gap larger than the uncertainty that can be measured. No figure qualifies as a benchmark; 22 figures are shown as context on the metric pages.');
    const fi = homePage(model, tr('fi'));
    expect(fi.gaps).toEqual([]);
    expect(fi.noGaps).toContain('22 lukua näytetään taustatietona');
  });

  it('lists the tested declines and the key numbers with their tested changes', () => {
    const en = homePage(model, tr('en'));
    expect(en.worse).toEqual([{ href: '/en/metrics/retention_rate/', name: 'Retention rate', statement: `Q4\u00a02024 to Q3\u00a02026: ${MINUS}3.3 pp, declined.` }]);
    expect(en.cards.map((c) => [c.name, c.value.shown && c.value.value, c.interval, c.change?.mark?.judged ?? null, c.change?.text])).toEqual([
      ['Trust index', '72.9', '95% interval 72.2 to 73.6', 'better', '+8.5 points since Q4\u00a02024: improved'],
      ['Net Promoter Score', '+3.5', '95% interval +0.2 to +6.8', 'better', '+23.1 points since Q4\u00a02024: improved'],
      ['Customer satisfaction (CSAT)', '81.5%', '95% interval 79.9% to 83.1%', 'better', '+9.3 pp since Q4\u00a02024: improved'],
      // A census: no interval.
      ['Retention rate', '59.4%', null, 'worse', `${MINUS}3.3 pp since Q4\u00a02024: declined`],
    ]);
    const fi = homePage(model, tr('fi'));
    expect(fi.worse.map((w) => w.name)).toEqual(['Asiakaspysyvyys']);
    expect(fi.cards[2]!.value).toEqual({ shown: true, value: `81,5${NBSP}%`, interval: '', n: null });
  });
});

describe('a metric page', () => {
  it('states each tested change with its interval, marks only findings, and gives a census its threshold', () => {
    const trust = metricPage(model, tr('en'), 'trust_index').result!;
    expect(trust.changes.map((c) => [c.mark?.judged ?? null, c.statement, c.threshold])).toEqual([
      ['better', 'Q4\u00a02024 to Q3\u00a02026: +8.5 points, improved.', null],
      [null, 'Q2\u00a02026 to Q3\u00a02026: +1.6 points, no clear change.', null],
    ]);
    expect(trust.changes[0]!.interval).toBe('95% interval of this change taken alone: +7.4 to +9.6 points. The verdict allows for every change this report tests (Holm).');

    const retention = metricPage(model, tr('en'), 'retention_rate').result!;
    expect(retention.changes.map((c) => [c.mark?.judged ?? null, c.statement, c.threshold])).toEqual([
      ['worse', `Q4\u00a02024 to Q3\u00a02026: ${MINUS}3.3 pp, declined.`, 'Counted as a change from 2.0 pp.'],
      [null, `Q2\u00a02026 to Q3\u00a02026: ${MINUS}0.4 pp, no clear change.`, 'Counted as a change from 2.0 pp.'],
    ]);
    // Not a trust page: no key drivers; the retention page has its cohorts.
    expect(retention.drivers).toBeNull();
    expect(retention.retention).not.toBeNull();

    const fi = metricPage(model, tr('fi'), 'retention_rate').result!;
    expect(fi.changes[0]!.statement).toBe(`Q4/2024 \u2013 Q3/2026: ${MINUS}3,3 %-yks., heikkeni.`);
    expect(fi.changes[0]!.threshold).toContain('2,0');
  });

  it('does not name retention drivers when the model explains no more than chance', () => {
    const trust = metricPage(model, tr('en'), 'trust_index').result!;
    expect(trust.drivers).not.toBeNull();
    expect(trust.drivers!.retention).toEqual({
      named: false,
      dimensions: [],
      text: 'For staying (ordering again within two quarters) no clear pattern shows: the five dimensions together explain R² = 0.001 of it, from 8,446 answers of respondents linked to customers, and no dimension stands out beyond its interval.',
    });
    // Only the trust index page says it.
    expect(metricPage(model, tr('en'), 'trust_competence').result!.drivers!.retention).toBeNull();
  });

  it('names the two leading dimensions only when the F test passes and both lead beyond their intervals', () => {
    const withRetention = (r2: number, lows: number[]) => {
      const copy = structuredClone(report);
      const group = copy.drivers!.retention!.groups.find((g) => g.segment === null)!;
      const ids = ['trust_transparency', 'trust_empathy', 'trust_competence', 'trust_reliability', 'trust_consistency'];
      const shares = [40, 30, 10, 10, 10];
      group.r2 = r2;
      group.dimensions = ids.map((metric, i) => ({ metric, share: shares[i]!, low: lows[i]!, high: shares[i]! + 10 }));
      return new PreparedReport(copy);
    };
    // R² = 0.2 from 8,446 answers: far beyond chance; both leaders' intervals above 20 %.
    const clear = retentionDrivers(withRetention(0.2, [30, 22, 5, 5, 5]), tr('en'))!;
    expect(clear.named).toBe(true);
    expect(clear.dimensions).toEqual(['trust_transparency', 'trust_empathy']);
    expect(clear.text).toContain('Transparency');
    expect(clear.text).toContain('Empathy');
    expect(clear.text).toContain('40.0%');
    // The second leader's interval reaches below an equal share (20 %): not named.
    expect(retentionDrivers(withRetention(0.2, [30, 15, 5, 5, 5]), tr('en'))!.named).toBe(false);
    // Leaders clear, but the model explains no more than chance.
    expect(retentionDrivers(withRetention(0.0001, [30, 22, 5, 5, 5]), tr('en'))!.named).toBe(false);
    const fi = retentionDrivers(withRetention(0.2, [30, 22, 5, 5, 5]), tr('fi'))!;
    expect(fi.text).toContain('Avoimuus');
  });
});

describe('a segment page', () => {
  it("sets each metric's segment figure beside all customers', with the tested difference", () => {
    const page = segmentPage(model, tr('en'), 'families');
    expect(page.lead).toBe('654 respondents in Q3\u00a02026, compared with all customers.');
    expect(page.sayDoFlag).toBeNull();
    expect(page.rows.slice(0, 3)).toEqual([
      {
        id: 'trust_index', href: '/en/metrics/trust_index/', name: 'Trust index',
        segment: { shown: true, value: '74.2', interval: '72.8 to 75.5', n: 'n = 654' },
        all: { shown: true, value: '72.9', interval: '72.2 to 73.6', n: 'n = 2,364' },
        difference: { mark: null, gap: '+1.7 points', range: '+0.1 to +3.3 points', verdict: 'no clear difference', versusCompany: false },
      },
      {
        id: 'trust_reliability', href: '/en/metrics/trust_reliability/', name: 'Reliability',
        segment: { shown: true, value: '78.1', interval: '76.5 to 79.7', n: 'n = 628' },
        all: { shown: true, value: '77.2', interval: '76.3 to 78.1', n: 'n = 2,297' },
        difference: { mark: null, gap: '+1.2 points', range: `${MINUS}0.7 to +3.1 points`, verdict: 'no clear difference', versusCompany: false },
      },
      {
        id: 'trust_competence', href: '/en/metrics/trust_competence/', name: 'Competence',
        segment: { shown: true, value: '79.4', interval: '77.8 to 81.0', n: 'n = 635' },
        all: { shown: true, value: '78.3', interval: '77.5 to 79.2', n: 'n = 2,299' },
        difference: { mark: null, gap: '+1.5 points', range: `${MINUS}0.4 to +3.4 points`, verdict: 'no clear difference', versusCompany: false },
      },
    ]);
    // One row per metric with results, in the model's order.
    expect(page.rows.map((r) => r.id)).toEqual(report.metrics.filter((m) => m.result).map((m) => metricId(m.id)));

    const fi = segmentPage(model, tr('fi'), 'families');
    expect(fi.rows[0]!.name).toBe('Luottamusindeksi');
    expect(fi.rows[0]!.segment).toEqual({ shown: true, value: '74,2', interval: '72,8–75,5', n: expect.stringContaining('654') });
  });

  it('lists every segment on one page of the index', () => {
    const page = segmentsPage(model, tr('en'));
    expect(page.pages).toEqual([]);
    expect(page.rows.map((r) => r.href)).toEqual(report.company.segments.map((s) => `/en/segments/${s.id}/`));
    expect(page.columns).toEqual(['Trust index', 'Net Promoter Score', 'Customer satisfaction (CSAT)', 'Retention rate']);
  });
});

describe('the segments index with many segments', () => {
  /** A model with 250 segments and two key metrics; every seventh segment too small to publish. */
  const many = (): PreparedReport => {
    const segments = Array.from({ length: 250 }, (_, k) => ({ id: `seg-${k + 1}`, labels: { en: `Segment ${k + 1}`, fi: `Segmentti ${k + 1}` } }));
    const cell = (segment: string, value: number | null) => ({
      wave: '2026-Q3', segment, tier: null, value, low: null, high: null, se: null, n: value === null ? null : 100, nEffective: null, suppressed: value === null ? 'small_cell' : null,
    });
    const metric = (id: string, kind: string) => ({
      id, kind, result: { latest: cell('', 70), byWave: [], bySegment: segments.map((s, k) => cell(s.id, k % 7 === 3 ? null : 60 + (k % 30))), bySegmentWave: [] },
    });
    return new PreparedReport({
      company: { name: 'Many Segments Ltd', minimumCellSize: 30, segments },
      waves: ['2026-Q2', '2026-Q3'],
      metrics: [metric('csat', 'share'), metric('trust_index', 'index')],
    } as unknown as Report);
  };

  it('shows one page of a hundred, with links to every page and the note on dashes', () => {
    const page = segmentsPage(many(), tr('en'), 2);
    expect(page.title).toBe('Customer segments · Page 2 of 3');
    expect(page.caption).toBe('Customer segments, Page 2 of 3');
    expect(page.lead).toBe('250 segments, latest figures from Q3\u00a02026; this page lists numbers 101 to 200. Open a segment to see every metric.');
    expect(page.pages).toEqual([
      { href: '/en/segments/', text: '1', current: false },
      { href: '/en/segments/page/2/', text: '2', current: true },
      { href: '/en/segments/page/3/', text: '3', current: false },
    ]);
    // The key metrics in their fixed order, those the model has.
    expect(page.columns).toEqual(['Trust index', 'Customer satisfaction (CSAT)']);
    expect(page.rows).toHaveLength(100);
    expect(page.rows[0]!.name).toBe('Segment 101');
    // Segment 102 (k = 101, 101 % 7 = 3) is too small: a dash with its reason, and the note.
    expect(page.rows[1]!.cells[0]).toEqual({ shown: false, reason: expect.stringContaining('30') });
    expect(page.note).toBe('A dash marks a group of fewer than 30 people, which is not shown.');
    expect(segmentsPage(many(), tr('fi'), 3).rows.map((r) => r.name).at(-1)).toBe('Segmentti 250');
  });
});

describe('the metrics index', () => {
  it('groups the metrics by source, each table in the model order', () => {
    const page = metricsPage(model, tr('en'));
    expect(page.groups.map((g) => g.source)).toEqual(['survey', 'orders', 'complaints']);
    expect(page.groups.flatMap((g) => g.table.rows.map((r) => r.href))).toEqual(
      ['survey', 'orders', 'complaints'].flatMap((s) => report.metrics.filter((m) => m.source === s && m.result).map((m) => `/en/metrics/${m.id}/`)),
    );
  });
});

describe('views and components only render', () => {
  const astroFiles = async (dir: string) => (await readdir(join(ROOT, dir))).filter((n) => n.endsWith('.astro')).map((n) => join(ROOT, dir, n));

  it('do not import the report or the model indexes', async () => {
    const files = [...(await astroFiles('src/views')), ...(await astroFiles('src/components'))];
    expect(files.length).toBeGreaterThan(20);
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      if (text.includes('virtual:trust-report') || /\bprepared\(/.test(text) || text.includes('site/model.ts')) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
