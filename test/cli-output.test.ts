/**
 * What check and build say about what happened: the summary after a successful check, one JSON
 * document with --json, GitHub Actions annotations with --format github (exact output, on a small
 * fixture with three problems), and the build as a function, run in-process with recording effects.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runScript } from './helpers/build.ts';
import { buildSite, type BuildEffects } from '../src/build/site.ts';
import { escapeData, escapeProperty, workflowCommand } from '../src/cli/output.ts';
import { parseCommandLine } from '../src/cli/args.ts';

const SMALL = join(ROOT, 'test/fixtures/small');
const BROKEN = join(ROOT, 'test/fixtures/small-broken');
const BROKEN_DATA = join(BROKEN, 'data');
/** One guidance article, missing in Vietnamese: one warning. */
const BROKEN_CONTENT = join(BROKEN, 'content');
/** The timing is the one figure that differs from run to run. */
const untimed = (text: string) => text.replace(/"seconds": [\d.]+/, '"seconds": 0').replace(/^time: [\d.]+ s$/m, 'time: 0.0 s');

describe('check on a folder with three problems', () => {
  it('--json prints one JSON document (the summary, every problem and warning) and nothing else; exit 1', async () => {
    const result = await runScript('check.ts', ['--data', BROKEN_DATA, '--content', BROKEN_CONTENT, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(untimed(result.stdout)).toBe(await readFile(join(BROKEN, 'check.json'), 'utf8'));
    const document = JSON.parse(result.stdout) as { problems: { field: string }[] };
    expect(document.problems.map((p) => p.field)).toEqual(['value', 'order_date', 'nps']);
  });

  it('--format github prints each problem as a workflow command with %, CR and LF escaped', async () => {
    const result = await runScript('check.ts', ['--data', BROKEN_DATA, '--content', BROKEN_CONTENT, '--format', 'github']);
    expect(result.code).toBe(1);
    const file = 'test/fixtures/small-broken/data';
    expect(untimed(result.stdout)).toBe(
      '::warning file=test/fixtures/small-broken/content/guidance/vi/empathy.mdx,title=warning::expected a vi version of "empathy", found none; readers get the English article with a notice%0Ahint: translate content/guidance/en/empathy.mdx\n' +
      `::error file=${file}/benchmarks/statistics.csv,line=2,col=93,title=value::expected a percentage from 0 to 100 (scale 0..100), found 810%0Ahint: percentages are written as 0-100, not as fractions or with a %25 sign\n` +
        `::error file=${file}/company/orders.csv,line=3,col=10,title=order_date::expected a date written as YYYY-MM-DD that exists on the calendar, found "17/12/2024", which can be read as day/month or month/day%0Ahint: a date with slashes reads as day/month or month/day depending on the sheet; write dates as YYYY-MM-DD (set the column format to ISO dates before exporting)\n` +
        `::error file=${file}/company/survey.csv,line=3,col=27,title=nps::expected a whole number from 0 to 10 or an empty cell, found "50%25"%0Ahint: the answer to "How likely are you to recommend us?" on the 0-10 scale\n` +
        'read: 6 data files\n' +
        'warnings: 1 (listed above)\n' +
        'time: 0.0 s\n',
    );
    expect(result.stderr).toBe('3 problems found.\n');
  });
});

describe('build --json', () => {
  it('prints only the JSON document on bad data and on a refused output folder, with exit 1', async () => {
    const out = join(tmpdir(), `trust-json-never-${process.pid}`);
    const bad = await runScript('build.ts', ['--data', BROKEN_DATA, '--content', BROKEN_CONTENT, '--out', out, '--json']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('');
    const document = JSON.parse(bad.stdout) as { summary: { command: string; ok: boolean; outFolder: string }; problems: unknown[]; error: string | null };
    expect([document.summary.command, document.summary.ok, document.summary.outFolder, document.problems.length, document.error]).toEqual(['build', false, `${out}/`, 3, null]);
    expect(existsSync(out)).toBe(false);

    const refused = await runScript('build.ts', ['--data', SMALL, '--out', SMALL, '--json']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('');
    expect((JSON.parse(refused.stdout) as { error: string }).error).toBe(
      'refusing to write the site into test/fixtures/small/: it is the data folder; choose a new or empty folder, e.g. --out public-site',
    );
  });
});

describe('a successful check', () => {
  it('ends with the summary: files, metrics, suppressed cells, stale benchmarks, warnings, time', async () => {
    const result = await runScript('check.ts', ['--data', SMALL]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = untimed(result.stdout).split('\n').filter((line) => !line.startsWith('warning: ') && !line.startsWith('  hint: '));
    expect(lines).toEqual([
      'ok: Corpus Goods (test/fixtures/small/): 40 survey answers, 12 customers, 24 orders, 8 complaints; 15 sources, 33 benchmark figures; UI strings complete in every locale',
      'read: 10 data files, 50 guidance articles',
      'metrics: 21 of 21 computed; 411 cells suppressed',
      'benchmarks: 11 of 33 figures stale',
      'warnings: 36 (listed above)',
      'time: 0.0 s',
      '',
    ]);
  });
});

describe('workflow commands', () => {
  it('escape %, CR and LF in the message, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('C:\\data, 50%\n')).toBe('C%3A\\data%2C 50%25%0A');
    const issue = { file: 'data/a,b:c.csv', line: 4, column: 2, field: 'x:y', message: 'expected 1, found "2%"', hint: 'one\ntwo' };
    expect(workflowCommand('warning', issue)).toBe('::warning file=data/a%2Cb%3Ac.csv,line=4,col=2,title=x%3Ay::expected 1, found "2%25"%0Ahint: one%0Atwo');
    // A whole-file problem has no line or column.
    expect(workflowCommand('error', { file: 'data/company/survey.csv', line: 0, column: 0, message: 'expected UTF-8' })).toBe(
      '::error file=data/company/survey.csv,title=data problem::expected UTF-8',
    );
  });

  it('are asked for with --format github; --json and another format are refused together', () => {
    expect(parseCommandLine('check', ['--format', 'github'], {})).toMatchObject({ kind: 'run', options: { format: 'github' } });
    expect(parseCommandLine('build', ['--json'], {})).toMatchObject({ kind: 'run', options: { format: 'json' } });
    expect(parseCommandLine('check', ['--format', 'xml'], {})).toEqual({
      kind: 'usage-error',
      message: '--format expects text, json, github, found xml; run "npm run check -- --help" for the options',
    });
    expect(parseCommandLine('check', ['--json', '--format', 'github'], {})).toEqual({
      kind: 'usage-error',
      message: '--json and --format github ask for two formats; give one; run "npm run check -- --help" for the options',
    });
    expect(parseCommandLine('dev', ['--json'], {})).toMatchObject({ kind: 'usage-error' });
  });
});

/** Effects that write nothing and record every call. */
function recordingEffects(): { effects: BuildEffects; calls: string[] } {
  const calls: string[] = [];
  let clock = 0;
  const effects: BuildEffects = {
    log: (line) => void calls.push(`log ${line}`),
    progress: (text) => void calls.push(`progress ${text ?? '(cleared)'}`),
    now: () => (clock += 500),
    makeFolder: (path) => void calls.push(`makeFolder ${path}`),
    writeFile: (path) => void calls.push(`writeFile ${path}`),
    writeJson: async (path) => void calls.push(`writeJson ${path}`),
    rename: (from, to) => void calls.push(`rename ${from} ${to}`),
    remove: (path) => void calls.push(`remove ${path}`),
    onAbort: () => {
      calls.push('onAbort');
      return () => undefined;
    },
    renderSite: async () => void calls.push('renderSite'),
    indexSite: async () => {
      calls.push('indexSite');
      return 0;
    },
  };
  return { effects, calls };
}

describe('buildSite, in-process', () => {
  const options = { contentDir: join(ROOT, 'content'), today: '2026-11-23', root: ROOT, pid: 4242 };

  it('refuses an output folder that is not its own and touches nothing', async () => {
    const { effects, calls } = recordingEffects();
    const outcome = await buildSite({ ...options, dataDir: SMALL, outDir: SMALL }, effects);
    expect(outcome).toMatchObject({
      status: 'refused',
      message: 'refusing to write the site into test/fixtures/small/: it is the data folder; choose a new or empty folder, e.g. --out public-site',
    });
    expect(calls).toEqual([]);
  });

  it('stops on bad data with every problem, before any write, and says what was read', async () => {
    const { effects, calls } = recordingEffects();
    const outDir = join(tmpdir(), 'trust-never-built');
    const outcome = await buildSite({ ...options, dataDir: BROKEN_DATA, contentDir: BROKEN_CONTENT, outDir }, effects);
    expect(outcome.status).toBe('invalid');
    if (outcome.status !== 'invalid') return;
    expect(outcome.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.field}`)).toEqual([
      'test/fixtures/small-broken/data/benchmarks/statistics.csv:2:93: value',
      'test/fixtures/small-broken/data/company/orders.csv:3:10: order_date',
      'test/fixtures/small-broken/data/company/survey.csv:3:27: nps',
    ]);
    expect(outcome.warnings.map((w) => w.file)).toEqual(['test/fixtures/small-broken/content/guidance/vi/empathy.mdx']);
    expect(outcome.summary).toMatchObject({ command: 'build', ok: false, problems: 3, outFolder: `${outDir}/`, rows: { surveyAnswers: 39, orders: 23 }, seconds: 0.5 });
    expect(calls).toEqual(['progress reading the data', 'progress (cleared)']);
    expect(existsSync(outDir)).toBe(false);
  });
});
