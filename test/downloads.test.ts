/** Download files: exact CSV text, formula neutralisation, and no suppressed cell. */
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, toJson } from '../src/downloads/csv.ts';
import { metricDataset } from '../src/downloads/datasets.ts';
import type { ReportEstimate, ReportMetric } from '../src/schemas/report.ts';

const estimate = (over: Partial<ReportEstimate>): ReportEstimate => ({
  wave: null, segment: null, tier: null, value: null, low: null, high: null, se: null, n: null, nEffective: null, suppressed: null, ...over,
});

describe('csv cells', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });

  it('writes numbers with a dot decimal, negative numbers as numbers, and empty for null', () => {
    expect(csvCell(-3.25)).toBe('-3.25');
    expect(csvCell(1234.5)).toBe('1234.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell('Families, with kids')).toBe('"Families, with kids"');
  });

  it('writes a whole table with CRLF line ends and a header row', () => {
    expect(toCsv({ columns: ['a', 'b'], rows: [[1, 'x'], [null, '=1']] })).toBe("a,b\r\n1,x\r\n,'=1\r\n");
    expect(JSON.parse(toJson({ columns: ['a', 'b'], rows: [[1, null]] }))).toEqual([{ a: 1, b: null }]);
  });
});

describe('metric dataset', () => {
  const metric: ReportMetric = {
    id: 'csat', source: 'survey', kind: 'share', better: 'higher', census: false, dimension: null, group: null, fromKpis: false,
    comparisons: [], changes: { sinceFirst: null, sincePrevious: null }, segmentDifferences: [], noComparison: null,
    result: {
      latest: estimate({ wave: 'W2', value: 80, low: 70, high: 88, n: 50 }),
      byWave: [estimate({ wave: 'W1', value: 75, low: 65, high: 83, n: 40 }), estimate({ wave: 'W2', value: 80, low: 70, high: 88, n: 50 })],
      bySegment: [estimate({ wave: 'W2', segment: 'big', value: 82, low: 71, high: 90, n: 45 }), estimate({ wave: 'W2', segment: 'tiny', suppressed: 'small_cell' })],
      bySegmentWave: [estimate({ wave: 'W1', segment: 'tiny', suppressed: 'small_cell' })],
    },
  };

  it('has one row per published cell and none for a suppressed one', () => {
    expect(metricDataset(metric)).toEqual({
      id: 'metric-csat',
      columns: ['metric', 'cut', 'wave', 'segment', 'tier', 'value', 'low', 'high', 'n', 'n_effective'],
      rows: [
        ['csat', 'latest', 'W2', null, null, 80, 70, 88, 50, null],
        ['csat', 'wave', 'W1', null, null, 75, 65, 83, 40, null],
        ['csat', 'wave', 'W2', null, null, 80, 70, 88, 50, null],
        ['csat', 'segment', 'W2', 'big', null, 82, 71, 90, 45, null],
      ],
    });
  });
});
