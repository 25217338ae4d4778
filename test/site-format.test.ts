/** The locale formatter's fast ranges write exactly what Intl's formatRange writes, with the true minus sign. */
import { describe, expect, it } from 'vitest';
import { createFormatter, trueMinus } from '../src/i18n/format.ts';
import { localeInfo } from '../src/i18n/locales.ts';
import { mulberry32 } from '../src/stats/drivers.ts';

const LOCALES = ['en', 'th', 'fi', 'ru', 'vi'];

describe('number and percent ranges', () => {
  it('agree with Intl.NumberFormat.formatRange in every locale, sign, size and precision', () => {
    const random = mulberry32(7);
    const differ: string[] = [];
    for (const locale of LOCALES) {
      const f = createFormatter(locale);
      const tag = localeInfo(locale).intl;
      for (const decimals of [0, 1, 2]) {
        const digits = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
        const percent = new Intl.NumberFormat(tag, { style: 'percent', ...digits });
        const plain = new Intl.NumberFormat(tag, digits);
        for (let k = 0; k < 1000; k++) {
          const size = [1, 10, 100, 2000, 20000][k % 5]!;
          let low = (random() * 2 - 1) * size;
          let high = low + random() * size * (k % 7 === 0 ? 0.001 : 1);
          if (k % 11 === 0) low = 0;
          if (k % 13 === 0) high = 0;
          if (high < low) [low, high] = [high, low];
          const pairs: [string, string][] = [
            [f.percentRange(low, high, decimals), trueMinus(percent.formatRange(low / 100, high / 100))],
            [f.numberRange(low, high, decimals), trueMinus(plain.formatRange(low, high))],
          ];
          for (const [ours, intl] of pairs) if (ours !== intl) differ.push(`${locale} ${decimals} ${low} ${high}: ${ours} ≠ ${intl}`);
        }
      }
    }
    expect(differ.slice(0, 10)).toEqual([]);
  });

  it('writes the shapes readers see', () => {
    expect(createFormatter('en').percentRange(41.2, 49.4, 1)).toBe('41.2% – 49.4%');
    expect(createFormatter('fi').percentRange(41.2, 49.4, 1)).toBe('41,2–49,4\u00a0%');
    expect(createFormatter('en').numberRange(-5.3, 12.1, 1)).toBe('\u22125.3 – 12.1');
    expect(createFormatter('th').numberRange(-5.3, -1.2, 1)).toBe('\u22125.3 - \u22121.2');
    expect(createFormatter('ru').percentRange(41.21, 41.24, 1)).toBe('≈41,2\u00a0%');
  });
});
