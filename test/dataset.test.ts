/**
 * The shipped benchmark data set says what benchmarks-provenance says of each figure: its
 * value, status and caveats. A figure dropped or silently "upgraded" fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runDataBuild } from '../src/pipeline/run.ts';
import type { Report, ReportStatistic } from '../src/schemas/report.ts';
import { DATA_DIR } from './helpers/data-dir.ts';

let report: Report;
const stat = (id: string): ReportStatistic => {
  const found = report.library.statistics.find((s) => s.id === id);
  if (!found) throw new Error(`missing figure ${id}`);
  return found;
};

beforeAll(async () => {
  const result = await runDataBuild({ dataDir: DATA_DIR, today: '2026-11-23' });
  expect(result.issues).toEqual([]);
  report = result.report!;
});

describe('benchmark data set', () => {
  it('has every figure of the provenance notes with its value and status', () => {
    const expected: Array<[string, number | [number, number], string]> = [
      ['pew-2019-risks-outweigh-benefits', 81, 'primary'],
      ['pew-2019-concerned-company-data-use', 79, 'primary'],
      ['pew-2019-not-confident-admit-mistakes', 79, 'primary'],
      ['pew-2019-not-confident-gov-accountability', 75, 'secondary'],
      ['pew-2019-not-confident-comfortable-use', 69, 'primary'],
      ['pew-2019-little-benefit', 72, 'primary'],
      ['pew-2023-concerned-company-data-use', 81, 'secondary'],
      ['pew-2023-little-trust-gov-accountability', 71, 'secondary'],
      ['pew-2023-little-trust-admit-mistakes', 77, 'secondary'],
      ['sprout-2018-transparency-more-important', 86, 'secondary'],
      ['sprout-2018-switch-if-not-transparent', 86, 'secondary'],
      ['sprout-2018-second-chance', 85, 'secondary'],
      ['hbr-2014-acquisition-cost-multiple', [5, 25], 'secondary'],
      ['bain-retention-profit-uplift', [25, 95], 'misquoted'],
      ['edelman-2011-person-like-yourself', 43, 'secondary'],
      ['edelman-2012-person-like-yourself', 65, 'secondary'],
      ['edelman-2012-social-media-trust-growth', 75, 'secondary'],
      ['edelman-2019-must-trust-brand', 81, 'primary'],
      ['edelman-2019-trust-most-brands', 34, 'primary'],
      ['edelman-2023-genz-trust-more-important', 79, 'primary'],
      ['taloustutkimus-2011-peer-vs-marketing', 3, 'unverified'],
      ['loyalty-very-loyal-problem-trust', 99, 'unverified'],
      ['loyalty-ordinary-problem-trust', 50, 'unverified'],
      ['acsi-2023q4-national', 77.8, 'primary'],
      ['acsi-2024q1-national', 78, 'primary'],
      ['xmi-2023-nps-grocers', 30.1, 'primary'],
      ['xmi-2023-nps-consumer-payments', -6.1, 'primary'],
      ['xmi-2023-nps-streaming', 29, 'primary'],
      ['xmi-2023-nps-retail', 29, 'primary'],
      ['xmi-2023-nps-tv-internet', 9, 'primary'],
      ['xmi-2023-nps-car-rental', 8, 'primary'],
      ['xmi-2022-nps-retail', 28.4, 'primary'],
      ['xmi-2022-nps-consumer-payments', 1.4, 'primary'],
    ];
    expect(report.library.statistics.map((s) => s.id).sort()).toEqual(expected.map(([id]) => id).sort());
    for (const [id, value, status] of expected) {
      const s = stat(id);
      if (Array.isArray(value)) expect([s.value, s.low, s.high], id).toEqual([null, ...value]);
      else expect([s.value, s.low, s.high], id).toEqual([value, null, null]);
      expect(s.status, id).toBe(status);
    }
  });

  it('uses every verification status', () => {
    expect(new Set(report.library.statistics.map((s) => s.status))).toEqual(
      new Set(['primary', 'secondary', 'unverified', 'misquoted']),
    );
  });

  it('carries the caveats the provenance notes require', () => {
    expect(stat('bain-retention-profit-uplift').caveat).toMatch(/more than 25% more profit.*net present value.*not as a forecast/);
    expect(stat('bain-retention-profit-uplift').measure).toBe('relative_change');
    expect(stat('hbr-2014-acquisition-cost-multiple').caveat).toMatch(/which study you believe/);
    expect(stat('pew-2019-not-confident-gov-accountability').caveat).toMatch(/75% who want more government regulation/);
    expect(stat('sprout-2018-second-chance').caveat).toMatch(/89% by merging two survey items/);
    expect(stat('edelman-2012-person-like-yourself').caveat).toMatch(/change of survey method/);
    expect(stat('edelman-2012-social-media-trust-growth')).toMatchObject({ measure: 'relative_change', caveat: expect.stringMatching(/not a share/) });
    expect(stat('taloustutkimus-2011-peer-vs-marketing')).toMatchObject({ qualifier: 'more_than', unit: 'times' });
    expect(stat('loyalty-very-loyal-problem-trust').qualifier).toBe('up_to');
    expect(stat('acsi-2023q4-national').caveat).toMatch(/not a share of satisfied customers/);
    for (const s of report.library.statistics) {
      if (s.status === 'misquoted' || s.status === 'unverified') expect(s.caveat, s.id).not.toBeNull();
    }
  });

  it('keeps the provenance of the Pew 2019 survey', () => {
    const pew = report.library.sources.find((s) => s.id === 'pew-2019-privacy')!;
    expect(pew).toMatchObject({
      n: 4272,
      marginOfError: 1.9,
      released: '2019-11-15',
      fieldwork: { start: '2019-06-03', end: '2019-06-17', note: null },
      markets: ['US'],
      status: 'primary',
    });
    expect(pew.authors).toHaveLength(6);
  });

  it('keeps the decimals as published and the age at the end of the reporting period', () => {
    expect(stat('acsi-2024q1-national').decimals).toBe(1);
    expect(report.asOf).toBe('2026-09-30');
    // Released 2019-11-15: 6 whole years on 2026-09-30, within the 7-year limit.
    expect(stat('pew-2019-little-benefit')).toMatchObject({ ageYears: 6, stale: false });
    // 2011 edition dated by its year (1 July 2011): 15 years.
    expect(stat('edelman-2011-person-like-yourself')).toMatchObject({ ageYears: 15, stale: true });
    // No date at all: age unknown, flagged.
    expect(stat('loyalty-very-loyal-problem-trust')).toMatchObject({ ageYears: null, stale: true });
  });

  it('does not give a subgroup the sample size of the whole survey', () => {
    expect(stat('xmi-2023-nps-grocers').n).toBeNull();
    expect(stat('pew-2019-little-benefit').n).toBe(4272);
  });
});
