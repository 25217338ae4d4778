/**
 * `npm run init`: a starter data folder outside the repository that checks, then edited the way
 * an analyst would (a new name, a segment with its labels, another answer) and built in-process;
 * the refusals and usage problems with their exact messages; and docs/data-files.md, which must
 * list every column and key the schemas define (regenerate it with UPDATE_DOCS=1).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runScript, treeDigest } from './helpers/build.ts';
import { initUsage, runInit } from '../src/cli/init.ts';
import { DATA_FILES, renderDataFilesDoc } from '../src/cli/data-files.ts';
import { runDataBuild } from '../src/pipeline/run.ts';
import { companySchema } from '../src/schemas/company.ts';
import { sourcesFileSchema, statisticColumns } from '../src/schemas/benchmarks.ts';
import { translationsFileSchema } from '../src/schemas/benchmark-translations.ts';
import { complaintColumns, kpiColumns, orderColumns, surveyColumns } from '../src/schemas/company-data.ts';

const TODAY = '2026-11-23';
const CONTENT = join(ROOT, 'content');
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'trust-init-test-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const FILES = [
  'README.md',
  'company/company.yaml',
  'company/survey.csv',
  'company/orders.csv',
  'company/complaints.csv',
  'benchmarks/sources.yaml',
  'benchmarks/statistics.csv',
];

describe('npm run init', () => {
  it('writes a folder outside the repository that checks, then builds once edited', async () => {
    const folder = join(work, 'acme');
    const outcome = runInit([folder, '--locales', 'fi,en', '--name', 'Acme Oy']);
    expect(outcome).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        `ok: wrote a starter data folder for Acme Oy (fi, en) into ${folder}/: 8 files`,
        '  README.md  (every file and column explained)',
        ...FILES.slice(1).map((f) => `  ${f}`),
        '  benchmarks/translations/fi.yaml',
        `next: replace the example rows with your own, then run "npm run check -- --data ${folder}"`,
        '',
      ].join('\n'),
    });
    expect(folder.startsWith(ROOT)).toBe(false);

    const first = await runDataBuild({ dataDir: folder, contentDir: CONTENT, today: TODAY });
    expect(first.issues).toEqual([]);
    expect(first.warnings).toEqual([]);
    expect(first.counts).toEqual({ sources: 2, statistics: 3, respondents: 12, repeatAnswersSkipped: 0, customers: 6, orders: 8, complaints: 3 });
    const report = first.report!;
    expect(report.company).toMatchObject({ name: 'Acme Oy', locales: ['fi', 'en'], defaultLocale: 'fi', currency: 'EUR', markets: ['FI'], industry: 'retail', minimumCellSize: 30 });
    expect(report.waves).toEqual(['2025-Q3', '2025-Q4']);
    // 12 answers and 6 customers are too few to publish anything at minimum_cell_size 30.
    for (const m of report.metrics) {
      // Retention needs two quarters after the wave, which the period does not have.
      expect(m.result!.latest, m.id).toMatchObject({ value: null, n: null, suppressed: m.id === 'retention_rate' ? 'no_data' : 'small_cell' });
    }

    // The analyst's edits: another name, a published minimum of 5, a third segment, one more answer.
    const yamlPath = join(folder, 'company/company.yaml');
    const yaml = await readFile(yamlPath, 'utf8');
    const edited = yaml
      .replace('name: "Acme Oy"', 'name: "Birch & Co"')
      .replace('minimum_cell_size: 30', 'minimum_cell_size: 5')
      .replace(/(\n    labels: \{ fi: "Yritykset", en: "Businesses" \}[^\n]*)/, '$1\n  - id: public-sector\n    labels: { fi: "Julkinen sektori", en: "Public sector" }');
    expect(edited).not.toBe(yaml);
    await writeFile(yamlPath, edited);
    const surveyPath = join(folder, 'company/survey.csv');
    await writeFile(surveyPath, `${await readFile(surveyPath, 'utf8')}R013,,2025-Q4,public-sector,FI,10,5,4,4,5,4,4,2,4,4,4\n`);

    const second = await runDataBuild({ dataDir: folder, contentDir: CONTENT, today: TODAY });
    expect(second.issues).toEqual([]);
    expect(second.counts).toEqual({ sources: 2, statistics: 3, respondents: 13, repeatAnswersSkipped: 0, customers: 6, orders: 8, complaints: 3 });
    const company = second.report!.company;
    expect(company.name).toBe('Birch & Co');
    expect(company.segments).toEqual([
      { id: 'consumers', labels: { fi: 'Kuluttajat', en: 'Consumers' } },
      { id: 'business', labels: { fi: 'Yritykset', en: 'Businesses' } },
      { id: 'public-sector', labels: { fi: 'Julkinen sektori', en: 'Public sector' } },
    ]);
    const metric = (id: string) => second.report!.metrics.find((m) => m.id === id)!.result!;
    // 2025-Q4: recommend answers 9, 8, 9, 7, 10, 5, 10: four promoters, one detractor of 7.
    expect(metric('nps').latest).toMatchObject({ wave: '2025-Q4', n: 7, suppressed: null });
    expect(metric('nps').latest.value).toBeCloseTo((100 * (4 - 1)) / 7, 10);
    // 2025-Q3: 9, 7, 10, 6, 8, 4: two promoters, two detractors.
    expect(metric('nps').byWave.find((e) => e.wave === '2025-Q3')).toMatchObject({ n: 6, value: 0, suppressed: null });
    // Satisfied (4 or 5) in 2025-Q4: 6 of 7.
    expect(metric('csat').latest).toMatchObject({ n: 7, suppressed: null });
    expect(metric('csat').latest.value).toBeCloseTo((100 * 6) / 7, 10);
    // Census figures count every customer: 2 of the 5 orders promised in 2025-Q4 came on time.
    expect(metric('on_time_delivery').latest).toMatchObject({ wave: '2025-Q4', value: 40, n: 5, suppressed: null });
    expect(metric('repeat_purchase_rate').latest).toMatchObject({ value: 50, n: 6, suppressed: null });
    // The new segment has one answer: below 5, never published.
    const publicSector = metric('nps').bySegment.find((e) => e.segment === 'public-sector')!;
    expect(publicSector).toMatchObject({ value: null, n: null });
    expect(publicSector.suppressed).not.toBeNull();
  });

  it('writes comments on every YAML key and a README with every column, in English and the first language', async () => {
    const folder = join(work, 'every-locale');
    expect(runInit([folder, '--locales', 'th,fi,ru,vi,en']).code).toBe(0);
    const written = (await readdir(join(folder, 'benchmarks/translations'))).sort();
    expect(written).toEqual(['fi.yaml', 'ru.yaml', 'th.yaml', 'vi.yaml']);
    const yamlFiles = ['company/company.yaml', 'benchmarks/sources.yaml', ...written.map((f) => `benchmarks/translations/${f}`)];
    for (const file of yamlFiles) {
      const lines = (await readFile(join(folder, file), 'utf8')).split('\n');
      lines.forEach((line, i) => {
        if (!/^\s*(?:- )?[\w.<>-]+:/.test(line)) return;
        expect(/\s#\s\S/.test(line) || /^\s*#/.test(lines[i - 1] ?? ''), `${file}:${i + 1}: ${line}`).toBe(true);
      });
    }
    const readme = await readFile(join(folder, 'README.md'), 'utf8');
    expect(readme).toContain('## เกี่ยวกับโฟลเดอร์นี้');
    for (const file of DATA_FILES) for (const field of file.fields) expect(readme).toContain(`| \`${field.name}\` |`);
    const result = await runDataBuild({ dataDir: folder, contentDir: CONTENT, today: TODAY });
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);

    const english = join(work, 'english');
    expect(runInit([english]).code).toBe(0);
    const englishReadme = await readFile(join(english, 'README.md'), 'utf8');
    expect(englishReadme.startsWith('# Trust data of Example Company\n\nThis folder holds')).toBe(true);
    expect(existsSync(join(english, 'benchmarks/translations'))).toBe(false);
    expect(await readFile(join(english, 'company/company.yaml'), 'utf8')).toContain('labels: { en: "Consumers" }');
  });

  it('refuses a folder that is not empty, and writes nothing', async () => {
    const folder = join(work, 'taken');
    await mkdir(folder);
    await writeFile(join(folder, 'notes.txt'), 'mine\n');
    const before = await treeDigest(folder);
    const outcome = runInit([folder]);
    expect(outcome).toEqual({
      code: 1,
      stdout: '',
      stderr: `init: refusing to write a data folder into ${folder}/: it is not empty (it holds notes.txt); choose a new or empty folder, or add --force to replace the starter's files in it (other files are kept)\nNothing was written.\n`,
    });
    expect(await treeDigest(folder)).toEqual(before);

    const forced = runInit([folder, '--force']);
    expect(forced.code).toBe(0);
    expect(await readFile(join(folder, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(Object.keys(await treeDigest(folder)).sort()).toEqual([...FILES, 'notes.txt'].sort());

    const file = join(work, 'a-file');
    await writeFile(file, 'x');
    expect(runInit([file, '--force']).stderr).toBe(`init: refusing to write a data folder into ${file}: it is a file, not a folder\nNothing was written.\n`);
    expect(runInit([join(ROOT, 'data'), '--force']).stderr).toBe(
      "init: refusing to write a data folder into data/: it is the project's demo data (a test regenerates it); choose another folder\nNothing was written.\n",
    );
  });

  it('answers --help and usage problems in one line each', async () => {
    expect(runInit(['--help'])).toEqual({ code: 0, stdout: initUsage(), stderr: '' });
    expect(initUsage().startsWith('Usage: npm run init -- FOLDER [options]\n')).toBe(true);
    const help = 'run "npm run init -- --help" for the options';
    const cases: [string[], Record<string, string>, string][] = [
      [[], {}, `init: expected the folder to write, as in "npm run init -- ../acme-trust-data"; ${help}`],
      [['a', 'b'], {}, `init: unexpected argument b: give one folder (found a already); ${help}`],
      [['a', '--locales', 'fi,de'], {}, `init: --locales: expected locale codes from en, th, fi, ru, vi separated by commas, found de; ${help}`],
      [['a', '--locales', 'fi,fi'], {}, `init: --locales: expected each locale once, found fi twice; ${help}`],
      [['a', '--locales'], {}, `init: --locales needs a list, as in --locales fi,en; ${help}`],
      [['a', '--name', ' '], {}, `init: --name needs the company's name, as in --name "Acme Oy"; ${help}`],
      [['a', '--locale', 'fi'], {}, `init: unknown option --locale (did you mean --locales?); ${help}`],
      [['a', '--force=yes'], {}, `init: --force takes no value; ${help}`],
      [['a'], { npm_config_force: 'true' }, 'init: npm took --force as its own setting, so init never saw it: put -- before the folder and options, as in "npm run init -- a --force"'],
    ];
    for (const [args, env, message] of cases) {
      expect(runInit(args, env), args.join(' ')).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
    }
    // The script itself, as npm runs it.
    const script = await runScript('init.ts', ['--help']);
    expect(script).toEqual({ code: 0, stdout: initUsage(), stderr: '' });
  });
});

/** Every key of a zod object schema, nested keys as `parent.key`, list items as `list[].key`, map values as `map.<id>.key`. */
function schemaKeys(schema: unknown, prefix = ''): string[] {
  const def = (schema as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
      return schemaKeys(def.innerType, prefix);
    case 'pipe':
      return schemaKeys(def.in, prefix);
    case 'array':
      return schemaKeys(def.element, `${prefix}[]`);
    case 'record':
      return schemaKeys(def.valueType, `${prefix}.<id>`);
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([key, value]) => {
        const name = prefix === '' ? key : `${prefix}.${key}`;
        return [name, ...schemaKeys(value, name)];
      });
    default:
      return [];
  }
}

describe('docs/data-files.md', () => {
  const path = join(ROOT, 'docs/data-files.md');
  const expected: Record<string, string[]> = {
    'company/company.yaml': schemaKeys(companySchema),
    'company/survey.csv': Object.keys(surveyColumns),
    'company/orders.csv': Object.keys(orderColumns),
    'company/complaints.csv': Object.keys(complaintColumns),
    'company/kpis.csv': Object.keys(kpiColumns),
    'benchmarks/sources.yaml': schemaKeys(sourcesFileSchema),
    'benchmarks/statistics.csv': Object.keys(statisticColumns),
    'benchmarks/translations/<locale>.yaml': schemaKeys(translationsFileSchema),
  };

  it('describes exactly the columns and keys the schemas define', () => {
    expect(Object.keys(expected)).toEqual(DATA_FILES.map((f) => f.path));
    for (const file of DATA_FILES) expect(file.fields.map((f) => f.name), file.path).toEqual(expected[file.path]);
  });

  it('lists every column and key under its file, as generated', async () => {
    const generated = renderDataFilesDoc();
    if (process.env.UPDATE_DOCS === '1') await writeFile(path, generated);
    const text = await readFile(path, 'utf8');
    for (const [file, names] of Object.entries(expected)) {
      const start = text.indexOf(`## \`${file}\``);
      expect(start, file).toBeGreaterThan(0);
      const next = text.indexOf('\n## ', start + 1);
      const section = text.slice(start, next < 0 ? undefined : next);
      for (const name of names) expect(section, `${file}: ${name}`).toContain(`| \`${name}\` |`);
    }
    expect(text, 'docs/data-files.md is out of date: run UPDATE_DOCS=1 npx vitest run test/init.test.ts').toBe(generated);
  });
});
