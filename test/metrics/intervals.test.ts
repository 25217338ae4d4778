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

describe('NPS interval', () => {
  it('uses the multinomial variance: 50 promoters, 30 passives, 20 detractors', () => {
    // NPS = 50% - 20% = 30; Var = (0.5 + 0.2 - 0.3^2) / 100 = 0.0061; SE = 7.8102 points.
    const i = nps(50, 30, 20);
    expect(i.value).toBeCloseTo(30, 10);
    expect(i.se).toBeCloseTo(7.8102, 4);
    expect(i.low).toBeCloseTo(14.692, 3);
    expect(i.high).toBeCloseTo(45.308, 3);
  });
  it('has no variance when everyone is a promoter, and is clamped to +100', () => {
    const i = nps(10, 0, 0);
    expect([i.value, i.se, i.high]).toEqual([100, 0, 100]);
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
    expect(i.se).toBeCloseTo(0.70711, 5);
    expect(i.low).toBeCloseTo(1.0368, 4);
    expect(i.high).toBeCloseTo(4.9632, 4);
  });
});
