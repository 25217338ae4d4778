/**
 * The bad-input corpus: every folder of `test/corpus/` breaks one thing in a small valid data set
 * (`test/fixtures/small/`, content in `test/fixtures/small-content/`) and lists the exact problems
 * an analyst must read, in `expected.txt`. See `test/corpus/README.md`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkTranslations } from '../src/i18n/check.ts';
import { STRINGS_DIR } from '../src/i18n/node.ts';
import { formatIssue, type Issue } from '../src/pipeline/issues.ts';
import { runDataBuild } from '../src/pipeline/run.ts';
import { runScript, treeDigest } from './helpers/build.ts';

const TEST_DIR = fileURLToPath(new URL('./', import.meta.url));
const CORPUS = join(TEST_DIR, 'corpus');
const BASE_DATA = join(TEST_DIR, 'fixtures', 'small');
const BASE_CONTENT = join(TEST_DIR, 'fixtures', 'small-content');
const TODAY = '2026-11-23';

/** `case.json`: files of the base to delete, and why a case is skipped until the code is fixed. */
interface CaseSpec {
  remove?: string[];
  todo?: string;
}

interface Case {
  name: string;
  dir: string;
  spec: CaseSpec;
  expected: string;
  /** The case replaces UI strings (`strings/<locale>.json`) rather than data or content. */
  strings: boolean;
}

function loadCases(): Case[] {
  return readdirSync(CORPUS)
    .filter((name) => statSync(join(CORPUS, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = join(CORPUS, name);
      const specFile = join(dir, 'case.json');
      return {
        name,
        dir,
        spec: existsSync(specFile) ? (JSON.parse(readFileSync(specFile, 'utf8')) as CaseSpec) : {},
        expected: readFileSync(join(dir, 'expected.txt'), 'utf8'),
        strings: existsSync(join(dir, 'strings')),
      };
    });
}

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh copy of the base data (`data/`), content (`content/`) and UI strings (`strings/`). */
async function workspace(): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), 'trust-corpus-'));
  temps.push(work);
  await cp(BASE_DATA, join(work, 'data'), { recursive: true });
  await cp(BASE_CONTENT, join(work, 'content'), { recursive: true });
  await cp(STRINGS_DIR, join(work, 'strings'), { recursive: true });
  return work;
}

/** Problems as `formatIssue` prints them, one string per issue, with the temporary folders named. */
function formatted(issues: Issue[], work: string): string {
  const prefix = relative(process.cwd(), work);
  const lines = issues.map((issue) =>
    formatIssue(issue)
      .replaceAll(`${prefix}/data/`, '<data>/')
      .replaceAll(`${prefix}/content/`, '<content>/')
      .replaceAll(`${prefix}/strings/`, '<strings>/'),
  );
  return lines.map((line) => `${line}\n`).join('');
}

async function runCase(c: Case): Promise<void> {
  const work = await workspace();
  await cp(c.dir, work, { recursive: true, filter: (path) => !/(?:^|\/)(?:expected\.txt|case\.json)$/.test(path) });
  for (const name of c.spec.remove ?? []) await rm(join(work, name));
  if (c.strings) {
    // `strings/<locale>.patch.json` breaks one thing in the current strings file, so the case
    // does not go stale whenever a key is added: { "remove": [keys], "set": { key: text } }.
    for (const name of readdirSync(join(c.dir, 'strings')).filter((n) => n.endsWith('.patch.json'))) {
      const patch = JSON.parse(readFileSync(join(c.dir, 'strings', name), 'utf8')) as { remove?: string[]; set?: Record<string, string> };
      const target = join(work, 'strings', name.replace('.patch.json', '.json'));
      const strings = JSON.parse(readFileSync(target, 'utf8')) as Record<string, string>;
      for (const key of patch.remove ?? []) delete strings[key];
      Object.assign(strings, patch.set ?? {});
      await writeFile(target, `${JSON.stringify(strings, null, 2)}\n`);
      await rm(join(work, 'strings', name));
    }
    const issues = await checkTranslations({ stringsDir: join(work, 'strings') });
    expect(formatted(issues, work)).toBe(c.expected);
    expect(c.expected).not.toBe('');
    return;
  }
  const result = await runDataBuild({ dataDir: join(work, 'data'), contentDir: join(work, 'content'), today: TODAY });
  expect(formatted(result.issues, work)).toBe(c.expected);
  if (c.expected === '') {
    // A valid variant (e.g. a semicolon file with decimal commas): it must build.
    expect(result.report).toBeDefined();
  } else {
    expect(result.report).toBeUndefined();
  }
}

describe('the base data set', () => {
  it('builds with no problems', async () => {
    const result = await runDataBuild({ dataDir: BASE_DATA, contentDir: BASE_CONTENT, today: TODAY });
    expect(result.issues).toEqual([]);
    expect(result.report).toBeDefined();
    // Orders and customers inside the reporting period: 12 of the 36 orders are history before it.
    expect(result.counts).toMatchObject({ respondents: 40, customers: 12, orders: 24, complaints: 8 });
  });
});

describe('the bad-input corpus', () => {
  const cases = loadCases();
  it('has at least 32 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(32);
  });
  for (const c of cases) {
    if (c.spec.todo) {
      // A known gap in validation: the expected output is what the analyst should read.
      it.skip(`${c.name} (todo: ${c.spec.todo})`, () => runCase(c));
    } else {
      it(c.name, () => runCase(c));
    }
  }
});

describe('a large survey', () => {
  const ROWS = 1_000_000;
  const BAD_ROW = 999_990;
  it(`reports the one bad cell among ${ROWS.toLocaleString('en')} rows at its line and column`, async () => {
    const work = await workspace();
    const file = join(work, 'data', 'company', 'survey.csv');
    const started = performance.now();
    const out = createWriteStream(file);
    out.write('respondent_id,customer_id,wave,segment,country,nps,csat,trust_reliability,trust_transparency,trust_competence,trust_empathy,trust_consistency,data_concern,transparency_importance,problem_trust,peer_influence\n');
    const waves = ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
    const segments = ['families', 'small-business'];
    const countries = ['FI', 'TH', 'VN'];
    let chunk = '';
    for (let r = 1; r <= ROWS; r++) {
      // Every third respondent is a customer of the base orders.csv (C01..C12, whose segment
      // is families for even numbers); the others are not linked to a customer.
      const c = r % 3 === 0 ? (r % 12) + 1 : 0;
      const customer = c ? `C${c < 10 ? '0' : ''}${c}` : '';
      const segment = c ? segments[c % 2]! : segments[r % 2]!;
      const nps = r === BAD_ROW ? 'eleven' : r % 9 === 0 ? '' : String(r % 11);
      const a = (k: number) => 1 + ((r + k) % 5);
      chunk += `R${String(r).padStart(7, '0')},${customer},${waves[r % 8]},${segment},${countries[r % 3]},${nps},${a(1)},${a(2)},${a(3)},${a(4)},${a(5)},${a(6)},${a(7)},${a(8)},${a(9)},${a(10)}\n`;
      if (r % 10_000 === 0) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    out.end(chunk);
    await once(out, 'finish');
    const written = performance.now();

    const result = await runDataBuild({ dataDir: join(work, 'data'), contentDir: join(work, 'content'), today: TODAY });
    const done = performance.now();
    // Row 999,990 is on line 999,991 (after the header). It is a customer's row (999,990 is a
    // multiple of 3; 999,990 mod 12 = 6, so C07, a small business), in wave 2026-Q2
    // (999,990 mod 8 = 6) from FI (999,990 mod 3 = 0): its nps cell starts after this prefix.
    const prefix = 'R0999990,C07,2026-Q2,small-business,FI,';
    expect(formatted(result.issues, work)).toBe(
      `<data>/company/survey.csv:${BAD_ROW + 1}:${prefix.length + 1}: nps: expected a whole number from 0 to 10 or an empty cell, found "eleven"\n` +
        '  hint: the answer to "How likely are you to recommend us?" on the 0-10 scale\n',
    );
    expect(result.report).toBeUndefined();
    // Every row but the bad one is read. The linked rows fall on 8 customer x wave pairs (r mod 24
    // decides both), and by the default rule only the first answer of a customer in a wave
    // counts: 666,667 unlinked rows + 8 first answers.
    expect(result.counts.respondents + result.counts.repeatAnswersSkipped).toBe(ROWS - 1);
    expect(result.counts.respondents).toBe(666_675);
    console.info(
      `1M-row survey: written in ${((written - started) / 1000).toFixed(1)} s, validated in ${((done - written) / 1000).toFixed(1)} s`,
    );
  }, 120_000);
});

describe('the build command', () => {
  it('stops on bad data, prints the problem and leaves the output folder as it was', async () => {
    const c = loadCases().find((x) => x.name.startsWith('05-'))!;
    const work = await workspace();
    await cp(c.dir, work, { recursive: true, filter: (path) => !/(?:^|\/)(?:expected\.txt|case\.json)$/.test(path) });
    const out = join(work, 'out');
    await mkdir(join(out, 'en'), { recursive: true });
    await writeFile(join(out, 'index.html'), '<!DOCTYPE html><title>previous site</title>\n');
    await writeFile(join(out, 'en', 'index.html'), Buffer.from([0xef, 0xbb, 0xbf, 0x3c, 0x70, 0x3e, 0x00, 0xff]));
    // An earlier build of ours marked the folder; a folder without the mark would be refused.
    await writeFile(join(out, '.trust-benchmarks-site'), 'written by an earlier build\n');
    const before = await treeDigest(out);

    // The build reads guidance from --content (also TRUST_CONTENT), like the data from --data.
    const result = await runScript('build.ts', ['--data', join(work, 'data'), '--content', join(work, 'content'), '--out', out, '--quiet']);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    // The script runs in the repository root, so paths are shown relative to it.
    const shown = relative(join(TEST_DIR, '..'), join(work, 'data'));
    expect(result.stderr).toBe(
      `${c.expected.replaceAll('<data>/', `${shown}/`)}\n1 problem found.\nNothing was built; out/ is unchanged.\n`,
    );
    expect(await treeDigest(out)).toEqual(before);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('<!DOCTYPE html><title>previous site</title>\n');
    expect(readdirSync(work).sort()).toEqual(['content', 'data', 'out', 'strings']);
  }, 60_000);
});
