import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTranslations } from '../src/i18n/check.ts';
import { createTranslationSystem } from '../src/i18n/core.ts';
import { createFormatter } from '../src/i18n/format.ts';
import { formatMessage, messageSyntaxError, placeholderNames } from '../src/i18n/message.ts';
import { loadTranslationSystem, STRINGS_DIR } from '../src/i18n/node.ts';
import { formatIssue } from '../src/pipeline/issues.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('message format (intl-messageformat)', () => {
  const fmt = (n: number) => String(n);
  const figures = '{count, plural, =0 {нет цифр} one {# цифра} few {# цифры} many {# цифр} other {# цифры}}';
  it('chooses the Russian plural forms', () => {
    expect([0, 1, 2, 5, 11, 21, 22, 25, 1.5].map((count) => formatMessage(figures, { count }, 'ru', fmt))).toEqual([
      'нет цифр', '1 цифра', '2 цифры', '5 цифр', '11 цифр', '21 цифра', '22 цифры', '25 цифр', '1.5 цифры',
    ]);
  });
  it('interpolates text and nested placeholders', () => {
    expect(formatMessage('{a} and {n, plural, one {# {thing}} other {# {thing}s}}', { a: 'x', n: 2, thing: 'box' }, 'en', fmt)).toBe('x and 2 boxs');
  });
  it('chooses a form by a word (select), and formats numbers with the given formatter', () => {
    const text = '{kind, select, share {{value} pp} other {{value} points}}';
    expect(formatMessage(text, { kind: 'share', value: -1.5 }, 'en', (n) => `${n < 0 ? '\u2212' : ''}${Math.abs(n)}`)).toBe('\u22121.5 pp');
    expect(formatMessage(text, { kind: 'nps', value: 2 }, 'en', fmt)).toBe('2 points');
  });
  it('keeps tags and apostrophes as text', () => {
    expect(formatMessage("<b>{a}</b> isn't markup", { a: '<i>' }, 'en', fmt)).toBe("<b><i></b> isn't markup");
  });
  it('fails loudly on a missing value', () => {
    expect(() => formatMessage('{a}', {}, 'ru', fmt, 'k')).toThrow('message "k" needs a value for {a}');
  });
  it('takes plural words for words, not placeholders', () => {
    expect(placeholderNames('{count, plural, one {# luku} other {# lukua {unit}}}')).toEqual(['count', 'unit']);
    expect(placeholderNames('{count, plural, one {luku} other {lukua}}')).toEqual(['count']);
  });
  it('names what is wrong with a broken message', () => {
    expect(messageSyntaxError('{count, plural, one {x}')).toBe('a plural or select needs an "other" form');
    expect(messageSyntaxError('{a}')).toBeUndefined();
  });
});

describe('translations', async () => {
  const system = await loadTranslationSystem();
  it('counts figures in each language', () => {
    const counts = (locale: string) => [0, 1, 2, 5, 21].map((count) => system.translator(locale)('library.count', { count }));
    expect(counts('en')).toEqual(['No figures', '1 figure', '2 figures', '5 figures', '21 figures']);
    expect(counts('fi')).toEqual(['Ei lukuja', '1 luku', '2 lukua', '5 lukua', '21 lukua']);
    expect(counts('ru')).toEqual(['Нет цифр', '1 цифра', '2 цифры', '5 цифр', '21 цифра']);
    expect(counts('th')).toEqual(['ไม่มีตัวเลข', '1 รายการ', '2 รายการ', '5 รายการ', '21 รายการ']);
    expect(counts('vi')).toEqual(['Không có số liệu', '1 số liệu', '2 số liệu', '5 số liệu', '21 số liệu']);
  });
  it('formats numbers inside messages in the locale', () => {
    expect(system.translator('fi')('home.figures_count', { count: 4272 })).toBe(`4${NBSP}272 lukua`);
    expect(system.translator('ru')('home.figures_count', { count: 1001 })).toBe(`1${NBSP}001 цифра`);
  });
  it('has every key in every locale with the same placeholders', () => {
    for (const locale of ['th', 'fi', 'ru', 'vi']) {
      expect(system.missing(locale), locale).toEqual([]);
      expect(system.extra(locale), locale).toEqual([]);
      expect(system.mismatched(locale), locale).toEqual([]);
    }
  });
});

describe('formatter', () => {
  const cases: Array<[string, string[]]> = [
    ['en', ['45.3%', '+75%', '−6.1', '4,272', '15 November 2019', '25% – 95%']],
    ['fi', [`45,3${NBSP}%`, `+75${NBSP}%`, '−6,1', `4${NBSP}272`, '15. marraskuuta 2019', `25–95${NBSP}%`]],
    ['ru', [`45,3${NBSP}%`, `+75${NBSP}%`, '−6,1', `4${NBSP}272`, '15 ноября 2019 г.', `25–95${NBSP}%`]],
    ['th', ['45.3%', '+75%', '−6.1', '4,272', '15 พฤศจิกายน 2562', '25% - 95%']],
    ['vi', ['45,3%', '+75%', '−6,1', '4.272', '15 tháng 11 năm 2019', '25% - 95%']],
  ];
  for (const [locale, expected] of cases) {
    it(`formats numbers and dates in ${locale}`, () => {
      const f = createFormatter(locale);
      const got = [f.percent(45.3, 1), f.signedPercent(75), f.signedNumber(-6.1, 1), f.integer(4272), f.date('2019-11-15'), f.percentRange(25, 95)];
      expect(got.map((s) => s.replaceAll(NNBSP, NBSP))).toEqual(expected);
    });
  }
  it('writes Thai dates in the Buddhist era in running text, and a publication\'s date as it is printed', () => {
    const th = createFormatter('th');
    expect([th.date('2026-09-30'), th.month('2026-09-30'), th.publicationDate('2019-11-15'), th.year(2019)]).toEqual(['30 กันยายน 2569', 'กันยายน 2569', '15 พฤศจิกายน 2019', '2019']);
    expect(['en', 'fi', 'ru', 'vi'].map((l) => createFormatter(l).publicationDate('2019-11-15'))).toEqual(['15 November 2019', '15. marraskuuta 2019', '15 ноября 2019 г.', '15 tháng 11 năm 2019']);
  });
  it('writes quarters in each language\'s way', () => {
    expect(['en', 'fi', 'ru', 'vi', 'th'].map((l) => createFormatter(l).quarter('2024-Q4'))).toEqual([
      `Q4${NBSP}2024`, 'Q4/2024', `IV${NBSP}кв.${NBSP}2024`, `Quý${NBSP}4/2024`, `ไตรมาส${NBSP}4/2567`,
    ]);
    expect(createFormatter('ru').quarter('2025-Q1')).toBe(`I${NBSP}кв.${NBSP}2025`);
    expect(createFormatter('en').quarter('wave 3')).toBe('wave 3');
  });
});

describe('the strings check', () => {
  it('passes on the shipped strings', async () => {
    expect(await checkTranslations()).toEqual([]);
  });

  it('reports a key missing from one locale and an unused key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trust-strings-'));
    try {
      await cp(STRINGS_DIR, dir, { recursive: true });
      const en = JSON.parse(await readFile(join(dir, 'en.json'), 'utf8'));
      const fi = JSON.parse(await readFile(join(dir, 'fi.json'), 'utf8'));
      delete fi['nav.home'];
      await writeFile(join(dir, 'fi.json'), JSON.stringify(fi, null, 2));
      for (const locale of ['en', 'th', 'fi', 'ru', 'vi']) {
        const dict = JSON.parse(await readFile(join(dir, `${locale}.json`), 'utf8'));
        dict['orphan.key'] = 'x';
        await writeFile(join(dir, `${locale}.json`), JSON.stringify(dict, null, 2));
      }
      const issues = (await checkTranslations({ stringsDir: dir })).map((i) => formatIssue({ ...i, file: i.file.replace(/^.*\//, '') }));
      expect(issues).toEqual([
        'fi.json:1:1: nav.home: expected a fi translation of this UI string, found none\n  hint: add "nav.home" (English: "Overview")',
        `en.json:${Object.keys(en).length + 2}:3: orphan.key: expected this UI string to be used by the code, found no use\n  hint: remove it from every strings file, or use it`,
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('takes plural words for words, and reports a message that does not parse at its line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trust-strings-'));
    try {
      await cp(STRINGS_DIR, dir, { recursive: true });
      const fi = JSON.parse(await readFile(join(dir, 'fi.json'), 'utf8'));
      // Words inside plural forms are not placeholders: this matches en.json's {count}.
      fi['library.count'] = '{count, plural, one {yksi luku} other {lukuja}}';
      fi['nav.home'] = 'Yleiskuva {';
      const text = JSON.stringify(fi, null, 2);
      await writeFile(join(dir, 'fi.json'), text);
      const line = text.split('\n').findIndex((l) => l.includes('"nav.home"')) + 1;
      const issues = (await checkTranslations({ stringsDir: dir }))
        .filter((i) => i.field === 'library.count' || i.field === 'nav.home')
        .map((i) => formatIssue({ ...i, file: i.file.replace(/^.*\//, '') }));
      expect(issues).toEqual([
        `fi.json:${line}:3: nav.home: expected an ICU message, found one where a "{" is not closed by "}"\n  hint: see README, "Languages": {name}, {count, plural, one {...} other {...}}, {kind, select, a {...} other {...}}`,
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('uses createTranslationSystem with a fallback to English', () => {
    const system = createTranslationSystem({ en: { 'a.b': 'Hello {name}' }, fi: {} });
    const t = system.translator('fi');
    expect(t('a.b', { name: 'Aino' })).toBe('Hello Aino');
    expect(t.has('a.b')).toBe(false);
  });
});
