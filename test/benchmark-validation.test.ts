/**
 * Bad benchmark inputs: each breaks one thing in a copy of the shipped data and expects the
 * exact message an analyst would read. The company files are a thinned copy of the demo's
 * (tempSampleDataDir), so each case reads a few thousand rows instead of 187k orders.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatIssue } from '../src/pipeline/issues.ts';
import { runDataBuild } from '../src/pipeline/run.ts';
import { setCell, tempSampleDataDir, type TempData } from './helpers/data-dir.ts';

const STATS = 'benchmarks/statistics.csv';
const SOURCES = 'benchmarks/sources.yaml';
let data: TempData;

beforeEach(async () => {
  data = await tempSampleDataDir();
});
afterEach(async () => {
  await data.remove();
});

/** Every problem, formatted, with the temporary folder shown as <data>. */
async function problems(): Promise<string[]> {
  const result = await runDataBuild({ dataDir: data.dir, today: '2026-11-23' });
  expect(result.report).toBeUndefined();
  const prefix = data.display('');
  return result.issues.map((issue) => formatIssue(issue).replaceAll(`${prefix}/`, '<data>/'));
}

describe('statistics.csv', () => {
  it('reports a wrong type with line, column and field', async () => {
    await data.edit(STATS, (csv) => setCell(csv, 'pew-2019-little-benefit', 'value', 'seventy-two'));
    expect(await problems()).toEqual([
      '<data>/benchmarks/statistics.csv:7:76: value: expected a number or an empty cell, found "seventy-two"',
    ]);
  });

  it('reports a percentage outside 0-100', async () => {
    await data.edit(STATS, (csv) => setCell(csv, 'pew-2019-little-benefit', 'value', '172'));
    expect(await problems()).toEqual([
      '<data>/benchmarks/statistics.csv:7:76: value: expected a percentage from 0 to 100 (scale 0..100), found 172\n' +
        '  hint: percentages are written as 0-100, not as fractions or with a % sign',
    ]);
  });

  it('reports a missing column once, in the header, and reads no rows', async () => {
    await data.write(
      STATS,
      'id,source,metric,measure,unit,scale,value,low,high,qualifier,population,markets,n,status,caveat,note\n' +
        'x,pew-2019-privacy,data_concern,level,percent,0..100,500,,,,,,,primary,,\n',
    );
    expect(await problems()).toEqual([
      '<data>/benchmarks/statistics.csv:1:1: expected a column named "wording", found only "id", "source", "metric", "measure", "unit", "scale", "value", "low", "high", "qualifier", "population", "markets", "n", "status", "caveat", "note"\n' +
        '  hint: add a "wording" column (the English wording of the figure)',
    ]);
  });

  it('reports an unknown column with a suggestion', async () => {
    await data.edit(STATS, (csv) => csv.replace('wording,status', 'wordnig,status'));
    expect(await problems()).toEqual([
      '<data>/benchmarks/statistics.csv:1:1: expected a column named "wording", found only "id", "source", "metric", "measure", "unit", "scale", "value", "low", "high", "qualifier", "population", "markets", "n", "industry", "wordnig", "status", "caveat", "note"\n' +
        '  hint: add a "wording" column (the English wording of the figure)',
      '<data>/benchmarks/statistics.csv:1:92: expected one of the columns id, source, metric, measure, unit, scale, value, low, high, qualifier, population, markets, n, industry, wording, status, caveat, note, found "wordnig"\n' +
        '  hint: did you mean "wording"?',
    ]);
  });

  it('reports an unknown source with a suggestion', async () => {
    await data.edit(STATS, (csv) => setCell(csv, 'pew-2019-little-benefit', 'source', 'pew-2019-privasy'));
    expect(await problems()).toEqual([
      '<data>/benchmarks/statistics.csv:7:25: source: expected the id of a source in <data>/benchmarks/sources.yaml, found "pew-2019-privasy"\n' +
        '  hint: did you mean "pew-2019-privacy"?',
    ]);
  });

  it('reports a duplicate id at its second use', async () => {
    await data.edit(STATS, (csv) => csv.replace('pew-2019-little-benefit,', 'pew-2019-risks-outweigh-benefits,'));
    expect(await problems()).toEqual([
      '<data>/benchmarks/statistics.csv:7:1: id: expected a unique id, found "pew-2019-risks-outweigh-benefits" again (first at line 2)\n' +
        '  hint: give each figure its own id',
    ]);
  });

  it('reports a range whose low end is above its high end', async () => {
    await data.edit(STATS, (csv) => setCell(setCell(csv, 'hbr-2014-acquisition-cost-multiple', 'low', '25'), 'hbr-2014-acquisition-cost-multiple', 'high', '5'));
    expect(await problems()).toEqual([
      '<data>/benchmarks/statistics.csv:14:94: low: expected low <= high, found low 25 > high 5\n  hint: swap the two values',
    ]);
  });

  it('reports missing wording', async () => {
    await data.edit(STATS, (csv) => setCell(csv, 'pew-2019-little-benefit', 'wording', ''));
    expect(await problems()).toEqual([
      '<data>/benchmarks/statistics.csv:7:86: wording: expected the English wording of the figure, found an empty cell\n' +
        '  hint: write what was asked and what the figure counts, close to the source',
    ]);
  });

  it('reports a misquoted figure without its caveat', async () => {
    await data.edit(STATS, (csv) => setCell(csv, 'bain-retention-profit-uplift', 'caveat', ''));
    expect(await problems()).toEqual([
      '<data>/benchmarks/statistics.csv:15:212: caveat: expected a caveat for a misquoted figure, found an empty cell\n' +
        '  hint: say what the source really says, or that no original was found',
    ]);
  });

  it('ignores a BOM when counting columns', async () => {
    await data.edit(STATS, (csv) => `\ufeff${setCell(csv, 'pew-2019-little-benefit', 'value', 'x')}`);
    expect(await problems()).toEqual([
      '<data>/benchmarks/statistics.csv:7:76: value: expected a number or an empty cell, found "x"',
    ]);
  });

  it('counts CRLF lines the same as LF lines', async () => {
    await data.edit(STATS, (csv) => setCell(csv, 'pew-2019-little-benefit', 'value', 'x').replaceAll('\n', '\r\n'));
    expect(await problems()).toEqual([
      '<data>/benchmarks/statistics.csv:7:76: value: expected a number or an empty cell, found "x"',
    ]);
  });

  it('reports an empty file', async () => {
    await data.write(STATS, '');
    expect(await problems()).toEqual([
      '<data>/benchmarks/statistics.csv:1:1: expected a header row naming the columns, found an empty file\n' +
        '  hint: export the sheet again with its header row, or remove the file if it is optional',
    ]);
  });

  it('reads a semicolon-delimited file with decimal commas, and reports its bad cells', async () => {
    const semicolon = [
      'id;source;metric;measure;unit;scale;value;low;high;qualifier;population;markets;n;wording;status;caveat;note',
      'acsi-a;acsi-2023q4;satisfaction_index;level;points;0..100;77,8;;;;;;;National score;primary;;',
      'acsi-b;acsi-2024q1;satisfaction_index;level;points;0..100;78,0,1;;;;;;;National score;primary;;',
    ].join('\r\n');
    await data.write(STATS, semicolon);
    expect(await problems()).toEqual([
      '<data>/benchmarks/statistics.csv:3:59: value: expected a number or an empty cell, found "78,0,1"',
    ]);
    await data.write(STATS, semicolon.split('\r\n').slice(0, 2).join('\r\n'));
    const result = await runDataBuild({ dataDir: data.dir, today: '2026-11-23' });
    expect(result.issues).toEqual([]);
    expect(result.report!.library.statistics[0]).toMatchObject({ id: 'acsi-a', value: 77.8, decimals: 1 });
  });

  it('asks for a dot in a comma-delimited file with a decimal comma', async () => {
    await data.edit(STATS, (csv) => setCell(csv, 'acsi-2023q4-national', 'value', '"77,8"'));
    expect(await problems()).toEqual([
      '<data>/benchmarks/statistics.csv:25:73: value: expected a number or an empty cell, found "77,8"\n' +
        '  hint: this comma-delimited file needs a dot as the decimal separator (or export with ";" as the delimiter)',
    ]);
  });

  it('reports bytes that are not UTF-8', async () => {
    const csv = setCell(
      (await import('node:fs')).readFileSync(`${data.dir}/${STATS}`, 'utf8'),
      'pew-2019-little-benefit',
      'population',
      'Finns in Jarvenpaa',
    );
    const bytes = Buffer.from(csv, 'latin1');
    // Write "ä" in Latin-1, as an old Excel export would.
    const at = bytes.indexOf('Jarvenpaa');
    bytes[at + 1] = 0xe4;
    await data.write(STATS, bytes);
    expect(await problems()).toEqual([
      '<data>/benchmarks/statistics.csv:7:92: expected UTF-8 text, found bytes that are not UTF-8\n' +
        '  hint: the file was probably saved as Windows-1252 or Latin-1; save it again as "CSV UTF-8"',
    ]);
  });

  it('reports a row with too few cells', async () => {
    await data.edit(STATS, (csv) => csv.replace('pew-2019-little-benefit,pew-2019-privacy,', 'pew-2019-little-benefit,'));
    expect(await problems()).toEqual([
      '<data>/benchmarks/statistics.csv:7:1: expected 18 cells as in the header, found 17\n' +
        '  hint: a delimiter is probably missing, or the row was cut short',
    ]);
  });

  it('lists every problem at once, sorted by file and line', async () => {
    await data.edit(STATS, (csv) =>
      setCell(setCell(csv, 'xmi-2022-nps-retail', 'status', 'verified'), 'pew-2019-little-benefit', 'unit', 'pct'),
    );
    await data.edit(SOURCES, (yaml) => yaml.replace('n: 4272', 'n: many'));
    const found = await problems();
    expect(found.map((line) => line.split(': ')[0])).toEqual([
      '<data>/benchmarks/sources.yaml:21:8',
      '<data>/benchmarks/statistics.csv:7:61',
      '<data>/benchmarks/statistics.csv:33:182',
    ]);
  });
});

describe('sources.yaml', () => {
  it('reports a wrong type at the line of the value', async () => {
    await data.edit(SOURCES, (yaml) => yaml.replace('n: 4272', 'n: "4,272"'));
    expect(await problems()).toEqual(['<data>/benchmarks/sources.yaml:21:8: n: expected a whole number of respondents, found "4,272"']);
  });

  it('reports a release date in the future', async () => {
    await data.edit(SOURCES, (yaml) => yaml.replace('released: 2023-10-18', 'released: 2027-10-18').replace('year: 2023\n    released: 2027', 'year: 2027\n    released: 2027'));
    expect(await problems()).toEqual([
      '<data>/benchmarks/sources.yaml:32:15: released: expected a release date on or before today (2026-11-23), found "2027-10-18"\n' +
        '  hint: check the year; a figure cannot be cited before it is published',
    ]);
  });

  it('reports a date that does not exist', async () => {
    await data.edit(SOURCES, (yaml) => yaml.replace('released: 2019-11-15', 'released: 2019-11-31'));
    expect(await problems()).toEqual([
      '<data>/benchmarks/sources.yaml:17:15: released: expected a date that exists on the calendar, found "2019-11-31"',
    ]);
  });

  it('reports an unknown status and a non-http URL', async () => {
    await data.edit(SOURCES, (yaml) =>
      yaml.replace('status: secondary\n    caveats:\n      - Figures were read', 'status: verified\n    caveats:\n      - Figures were read')
        .replace('url: https://hbr.org/', 'url: javascript:alert(1)//'),
    );
    expect(await problems()).toEqual([
      '<data>/benchmarks/sources.yaml:41:13: status: expected one of "primary", "secondary", "unverified", "misquoted", found "verified"',
      '<data>/benchmarks/sources.yaml:73:10: url: expected an http(s) URL, found "javascript:alert(1)//2014/10/the-value-of-keeping-the-rig..."',
    ]);
  });

  it('reports a duplicate source id', async () => {
    await data.edit(SOURCES, (yaml) => yaml.replace('id: xmi-2022-nps', 'id: xmi-2023-nps'));
    const found = await problems();
    expect(found[0]).toBe(
      '<data>/benchmarks/sources.yaml:238:9: id: expected a unique id, found "xmi-2023-nps" again (first at line 207)\n  hint: give each publication its own id',
    );
  });

  it('reports broken YAML with its position', async () => {
    await data.edit(SOURCES, (yaml) => yaml.replace('    publisher: Sprout Social', '   publisher: Sprout Social'));
    const found = await problems();
    expect(found[0]).toMatch(/^<data>\/benchmarks\/sources\.yaml:4\d:\d+: expected valid YAML, found /);
  });

  it('reports a missing file', async () => {
    const { rm } = await import('node:fs/promises');
    await rm(`${data.dir}/${SOURCES}`);
    expect((await problems())[0]).toBe(
      '<data>/benchmarks/sources.yaml:0:0: expected this file, found nothing at this path\n' +
        '  hint: list each publication under "sources:"; see README, "Adding a benchmark"',
    );
  });
});

describe('translations of the library', () => {
  const FI = 'benchmarks/translations/fi.yaml';

  it('reports a field the English entry does not have, and warns about an unknown id', async () => {
    await data.edit(FI, (yaml) =>
      yaml
        .replace('  pew-2019-little-benefit:\n', '  pew-2019-litle-benefit:\n')
        .replace(/(  pew-2019-concerned-company-data-use:\n)/, '$1    caveat: "Ei varausta englanniksi."\n'),
    );
    const lines = (await import('node:fs')).readFileSync(`${data.dir}/${FI}`, 'utf8').split('\n');
    const unknown = lines.findIndex((l) => l.startsWith('  pew-2019-litle-benefit:')) + 1;
    const caveat = lines.findIndex((l) => l.includes('Ei varausta englanniksi')) + 1;
    expect(await problems()).toEqual([
      `<data>/${FI}:${caveat}:13: caveat: expected only fields the English entry has, found caveat but "pew-2019-concerned-company-data-use" has none\n` +
        '  hint: remove caveat, or add it to the English entry first',
    ]);
    const result = await runDataBuild({ dataDir: data.dir, today: '2026-11-23' });
    // The entry's position is that of its first field, the line under the id.
    expect(result.warnings.map((w) => formatIssue(w).replaceAll(`${data.display('')}/`, '<data>/'))).toEqual([
      `<data>/${FI}:0:0: pew-2019-little-benefit: expected a fi translation of wording, found none; the English text is shown\n` +
        '  hint: add wording under statistics: pew-2019-little-benefit:',
      `<data>/${FI}:${unknown + 1}:5: expected an id from statistics.csv, found "pew-2019-litle-benefit"; this translation is ignored\n` +
        '  hint: did you mean "pew-2019-little-benefit"?',
    ]);
  });

  it('warns about a missing translation and falls back to English, marked as English', async () => {
    await data.edit(FI, (yaml) => yaml.replace(/  pew-2019-little-benefit:\n    wording: .*\n/, ''));
    const result = await runDataBuild({ dataDir: data.dir, today: '2026-11-23' });
    expect(result.issues).toEqual([]);
    expect(result.warnings.map((w) => formatIssue(w).replaceAll(`${data.display('')}/`, '<data>/'))).toEqual([
      `<data>/${FI}:0:0: pew-2019-little-benefit: expected a fi translation of wording, found none; the English text is shown\n` +
        '  hint: add wording under statistics: pew-2019-little-benefit:',
    ]);
    const { statText } = await import('../src/site/library-text.ts');
    const stat = result.report!.library.statistics.find((s) => s.id === 'pew-2019-little-benefit')!;
    expect(statText(stat, 'wording', 'fi')).toEqual({ text: 'Say they benefit little or not at all from the data companies collect about them', lang: 'en' });
    expect(statText(stat, 'wording', 'th').lang).toBe('th');
  });
});
