import { describe, expect, it } from 'vitest';
import { meanInterval, nps, wilson } from '../../src/stats/intervals.ts';
import { tCdf, tQuantile } from '../../src/stats/student-t.ts';

describe('Wilson interval', () => {
  it('matches the textbook interval for 8 of 10', () => {
    const i = wilson(8, 10);
    expect(i.value).toBe(80);
    expect(i.low).toBeCloseTo(49.02, 2);
    expect(i.high).toBeCloseTo(94.33, 2);
  });
  it('stays inside 0-100 at the extremes', () => {
    const none = wilson(0, 20);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(16.11, 2);
    const all = wilson(20, 20);
    expect(all.high).toBe(100);
    expect(all.low).toBeCloseTo(83.89, 2);
  });
});

describe('NPS interval (adjusted Wald, Rocks 2016)', () => {
  it('adds 3/4 to promoters and detractors: 50 promoters, 30 passives, 20 detractors', () => {
    // n' = 103; p' = 50.75 / 103 = 0.492718; d' = 20.75 / 103 = 0.201456; centre 29.1262.
    // Var = (0.492718 + 0.201456 - 0.291262^2) / 103 = 0.0059160; SE = 7.6915 points.
    const i = nps(50, 30, 20);
    expect(i.value).toBeCloseTo(30, 10); // the published value stays the plain NPS
    expect(i.se).toBeCloseTo(7.6915, 4);
    expect(i.low).toBeCloseTo(14.051, 3);
    expect(i.high).toBeCloseTo(44.201, 3);
  });
  it('keeps a width when everyone is a promoter, and is clamped to +100', () => {
    // n' = 13; p' = 10.75 / 13 = 0.826923; d' = 0.75 / 13 = 0.057692; centre 76.923.
    // Var = (0.884615 - 0.769231^2) / 13 = 0.0225307; SE = 15.0102 points; low = 76.923 - 29.420 = 47.504.
    const i = nps(10, 0, 0);
    expect(i.value).toBe(100);
    expect(i.se).toBeCloseTo(15.0102, 4);
    expect(i.low).toBeCloseTo(47.504, 2);
    expect(i.high).toBe(100);
  });
});

describe('Wilson standard error', () => {
  it('is the half-width over z, and not zero at 0 % or 100 %', () => {
    // Wilson for 0 of 20: 0 to 16.11 %, so SE = 16.11 / (2 x 1.96) = 4.110 points (the Wald SE would be 0).
    expect(wilson(0, 20).se).toBeCloseTo(4.110, 3);
    expect(wilson(20, 20).se).toBeCloseTo(4.110, 3);
    // 8 of 10: 49.02 to 94.33 %, SE = 45.31 / 3.92 = 11.559.
    expect(wilson(8, 10).se).toBeCloseTo(11.559, 2);
  });
});

describe('t interval and quantiles', () => {
  it('matches printed t tables', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.7764, 4);
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.2622, 4);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.0423, 4);
    expect(tQuantile(0.975, 1000)).toBeCloseTo(1.9623, 4);
    expect(tQuantile(0.025, 9)).toBeCloseTo(-2.2622, 4);
    expect(tCdf(0, 5)).toBeCloseTo(0.5, 12);
  });
  it('gives 3 ± 2.776 × 0.7071 for the values 1 to 5', () => {
    // mean 3, sd sqrt(2.5) = 1.5811, se = 0.7071, t(0.975, 4) = 2.7764
    const i = meanInterval(5, 15, 55);
    expect(i.value).toBe(3);
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: the hand-worked se, sqrt(2.5 / 5), as written above
    expect(i.se).toBeCloseTo(0.70711, 5);
    expect(i.low).toBeCloseTo(1.0368, 4);
    expect(i.high).toBeCloseTo(4.9632, 4);
  });
});
