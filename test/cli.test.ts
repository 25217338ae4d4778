/**
 * The command line of build, check and dev as an analyst meets it: help, one-line usage problems
 * without stack traces, npm swallowing options given without `--`, an output folder that is only
 * replaced when it is a site of ours, and no debris after an interrupted build.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runScript, startScript, treeDigest } from './helpers/build.ts';
import { deadPid, STACK_FRAME, waitUntil } from './helpers/cli.ts';
import { DATA_DIR } from './helpers/data-dir.ts';
import { MARKER_FILE, refuseOutputFolder } from '../src/cli/folders.ts';
import { parseCommandLine } from '../src/cli/args.ts';
import { dataProblemsError } from '../src/integration/trust-report.ts';

const SMALL = join(ROOT, 'test/fixtures/small');
const SMALL_CONTENT = join(ROOT, 'test/fixtures/small-content');
const COMMANDS = ['build', 'check', 'dev'] as const;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'trust-cli-test-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('--help', () => {
  for (const command of COMMANDS) {
    it(`prints the usage of ${command} and exits 0`, async () => {
      for (const flag of ['--help', '-h']) {
        const result = await runScript(`${command}.ts`, [flag]);
        expect(result.code).toBe(0);
        expect(result.stderr).toBe('');
        expect(result.stdout).toMatch(new RegExp(`^Usage: npm run ${command} -- \\[options\\]\\n`));
        expect(result.stdout).toContain('--data DIR');
        expect(result.stdout).toContain('--content DIR');
        expect(result.stdout.includes('--out DIR')).toBe(command === 'build');
        expect(result.stdout.includes('--quiet')).toBe(command !== 'dev');
        expect(result.stdout.includes('--json ')).toBe(command !== 'dev');
        expect(result.stdout.includes('--format FORMAT  text (default), json (as --json) or github (problems as GitHub Actions annotations)\n')).toBe(command !== 'dev');
      }
    });
  }
});

describe('usage problems', () => {
  const help = (command: string) => `run "npm run ${command} -- --help" for the options`;
  const folders = (command: string) => (command === 'build' ? '--data DIR, --content DIR, --out DIR' : '--data DIR, --content DIR');
  for (const command of COMMANDS) {
    it(`${command}: one line, exit 2, no stack trace`, async () => {
      const cases: [string[], string][] = [
        [['--bogus'], `${command}: unknown option --bogus; ${help(command)}`],
        [['--data'], `${command}: --data needs a folder, as in --data DIR; ${help(command)}`],
        [['--data', '--quiet'], `${command}: --data needs a folder, as in --data DIR; ${help(command)}`],
        [['stray'], `${command}: unexpected argument stray: give folders as ${folders(command)}; ${help(command)}`],
      ];
      if (command === 'build') cases.push([['--output', 'site'], `build: unknown option --output (did you mean --out?); ${help('build')}`]);
      for (const [args, message] of cases) {
        const result = await runScript(`${command}.ts`, args);
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stderr).toBe(`${message}\n`);
        expect(result.stderr).not.toMatch(STACK_FRAME);
        expect(result.stdout).toBe('');
      }
    });
  }

  it('refuses options that npm took for itself (npm run check --data=DIR, without --)', async () => {
    const result = await runScript('check.ts', [], { npm_config_data: '../acme-trust-data' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'check: npm took --data as its own setting, so check never saw it: put -- before the options, as in "npm run check -- --data ../acme-trust-data"\n',
    );
    expect(result.stdout).toBe('');
    // `npm run build --out site` leaves npm_config_out=true and "site" as an argument.
    const build = await runScript('build.ts', ['site'], { npm_config_out: 'true' });
    expect(build.code).toBe(2);
    expect(build.stderr).toBe('build: npm took --out as its own setting, so build never saw it: put -- before the options, as in "npm run build -- --out site"\n');
  });

  it('parses --name=value and the environment variables', () => {
    const parsed = parseCommandLine('build', ['--data=x', '--out', 'y', '--quiet'], { TRUST_CONTENT: 'z' });
    expect(parsed).toEqual({ kind: 'run', options: { dataDir: join(process.cwd(), 'x'), contentDir: join(process.cwd(), 'z'), outDir: join(process.cwd(), 'y'), quiet: true, format: 'text' } });
    expect(parseCommandLine('check', ['--out', 'y'], {})).toMatchObject({ kind: 'usage-error', message: expect.stringMatching(/^unknown option --out;/) });
  });

  it('reports a data folder that does not exist as one problem', async () => {
    const missing = join(work, 'no-such-data');
    const check = await runScript('check.ts', ['--data', missing]);
    expect(check.code).toBe(1);
    expect(check.stderr).toBe(`the data folder ${missing}/ does not exist\n`);
    const build = await runScript('build.ts', ['--data', missing, '--out', join(work, 'never')]);
    expect(build.code).toBe(1);
    expect(build.stderr).toBe(`the data folder ${missing}/ does not exist\nNothing was built; never/ is unchanged.\n`);
    expect(existsSync(join(work, 'never'))).toBe(false);
  });
});

describe('the output folder', () => {
  const refusal = (dir: string, why: string) => `refusing to write the site into ${dir}: ${why}; choose a new or empty folder, e.g. --out public-site\n`;

  it('is refused, with everything left untouched, when it is not ours', async () => {
    const base = join(work, 'refuse');
    const data = join(base, 'data');
    await cp(SMALL, data, { recursive: true });
    const foreign = join(base, 'thesis');
    await mkdir(foreign);
    await writeFile(join(foreign, 'thesis.docx'), 'chapter one\n');
    const before = await treeDigest(base);
    const cases: [string, string][] = [
      [data, refusal(`${data}/`, 'it is the data folder')],
      [join(data, 'company'), refusal(`${data}/company/`, `it is inside the data folder ${data}/`)],
      [base, refusal(`${base}/`, `it contains the data folder ${data}/`)],
      [ROOT, refusal('./', 'it is the repository root')],
      [SMALL_CONTENT, refusal('test/fixtures/small-content/', 'it is the content folder')],
      ['/', refusal('/', 'it is the root of the file system')],
      [foreign, refusal(`${foreign}/`, `it holds files that no earlier build wrote (there is no ${MARKER_FILE} in it), and the build would replace them`)],
    ];
    for (const [out, message] of cases) {
      const result = await runScript('build.ts', ['--data', data, '--content', SMALL_CONTENT, '--out', out]);
      expect(result.code, out).toBe(1);
      expect(result.stderr).toBe(message);
      expect(result.stdout).toBe('');
    }
    expect(await treeDigest(base)).toEqual(before);
    expect(await readFile(join(foreign, 'thesis.docx'), 'utf8')).toBe('chapter one\n');
  });

  it('is accepted when empty and when a previous build marked it; stale staging folders of ours are removed', async () => {
    const out = join(work, 'site');
    await mkdir(out);
    // Left by a killed build (marked) and a folder that merely looks like one (not marked).
    const pid = deadPid();
    const stale = join(work, `.site.staging-${pid}`);
    await mkdir(join(stale, 'site'), { recursive: true });
    await writeFile(join(stale, MARKER_FILE), 'x');
    const lookalike = join(work, `.site.staging-${pid + 1}`);
    await mkdir(lookalike);
    await writeFile(join(lookalike, 'keep.txt'), 'mine');

    const first = await runScript('build.ts', ['--data', SMALL, '--content', SMALL_CONTENT, '--out', out]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`removed .site.staging-${pid}/, left by an interrupted build\n`);
    expect(first.stdout).toMatch(
      /^data: Corpus Goods \(test\/fixtures\/small\/\): [\d,]+ survey answers, [\d,]+ customers, [\d,]+ orders, [\d,]+ complaints; \d+ sources, \d+ benchmark figures$/m,
    );
    expect(first.stdout).toMatch(/^site: site\/ written in [\d.]+ s$/m);
    // The summary: the same pages in every locale, and the site line last.
    expect(first.stdout).toMatch(/^pages: en (\d+), th \1, fi \1, ru \1, vi \1\nsite: /m);
    expect(first.stdout).toMatch(/^metrics: \d+ of \d+ computed; [\d,]+ cells suppressed$/m);
    expect(existsSync(stale)).toBe(false);
    expect(await readFile(join(lookalike, 'keep.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(out, MARKER_FILE))).toBe(true);
    expect(existsSync(join(out, 'en', 'index.html'))).toBe(true);

    // The second build replaces the first: the folder carries the marker.
    await writeFile(join(out, 'en', 'leftover.html'), 'from before');
    const second = await runScript('build.ts', ['--data', SMALL, '--content', SMALL_CONTENT, '--out', out, '--quiet']);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('');
    expect(existsSync(join(out, 'en', 'leftover.html'))).toBe(false);
    expect(existsSync(join(out, MARKER_FILE))).toBe(true);
    expect((await readdir(work)).filter((name) => name.startsWith('.site.'))).toEqual([`.site.staging-${pid + 1}`]);
  }, 120_000);
});

describe('the output folder rule', () => {
  it("takes the repository's unmarked dist/ of an earlier version as ours, and no other look-alike", async () => {
    const repo = join(work, 'repo');
    for (const dir of [join(repo, 'dist'), join(repo, 'elsewhere')]) {
      await mkdir(join(dir, 'downloads'), { recursive: true });
      await mkdir(join(dir, 'pagefind'));
      await writeFile(join(dir, 'index.html'), '<!DOCTYPE html>');
      await writeFile(join(dir, 'sitemap.xml'), '<urlset/>');
    }
    const context = { dataDir: join(repo, 'data'), contentDir: join(repo, 'content'), repositoryRoot: repo, home: join(work, 'home') };
    expect(refuseOutputFolder(join(repo, 'dist'), context)).toBeUndefined();
    expect(refuseOutputFolder(join(repo, 'elsewhere'), context)).toMatch(/: it holds files that no earlier build wrote/);
    await rm(join(repo, 'dist', 'pagefind'), { recursive: true });
    expect(refuseOutputFolder(join(repo, 'dist'), context)).toMatch(/: it holds files that no earlier build wrote/);
    expect(refuseOutputFolder(join(work, 'home'), context)).toMatch(/: it is your home folder;/);
    expect(refuseOutputFolder(work, context)).toMatch(/: it contains your home folder;/);
  });
});

describe('an interrupted build', () => {
  it('leaves no staging folder beside the output and nothing in the temporary folder', async () => {
    const base = join(work, 'interrupted');
    const temp = join(base, 'tmp');
    await mkdir(temp, { recursive: true });
    const out = join(base, 'out');
    const staging = () => readdir(base).then((names) => names.filter((name) => name.startsWith('.out.staging-')));
    const build = startScript('build.ts', ['--data', DATA_DIR, '--out', out], { TMPDIR: temp });
    // Interrupt once the site is being rendered into the staging folder.
    await waitUntil(async () => (await staging()).some((name) => existsSync(join(base, name, 'site'))) || build.child.exitCode !== null, 60_000, 'rendering to start');
    expect(build.child.exitCode).toBeNull();
    build.child.kill('SIGINT');
    const result = await build.done;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('Interrupted: nothing was published; out/ is unchanged.');
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(await staging()).toEqual([]);
    expect(existsSync(out)).toBe(false);
    expect((await readdir(temp)).filter((name) => name.startsWith('trust-build-'))).toEqual([]);
  }, 90_000);
});

describe('check', () => {
  it("names the company and the folder in its ok line, and leaves out what the data does not have", async () => {
    const result = await runScript('check.ts', ['--data', SMALL, '--content', SMALL_CONTENT]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^ok: Corpus Goods \(test\/fixtures\/small\/\): [\d,]+ survey answers, [\d,]+ customers, [\d,]+ orders, [\d,]+ complaints; \d+ sources, \d+ benchmark figures; UI strings complete in every locale$/m,
    );
    // A company that gives kpis.csv instead of raw rows: no "0 survey answers".
    const kpis = join(work, 'kpis-only');
    await cp(SMALL, kpis, { recursive: true });
    for (const file of ['survey.csv', 'orders.csv', 'complaints.csv']) await rm(join(kpis, 'company', file));
    await writeFile(join(kpis, 'company', 'kpis.csv'), 'period,segment,metric,value,n,low,high\n2026-Q3,all,csat,80,100,,\n');
    const warehouse = await runScript('check.ts', ['--data', kpis, '--content', SMALL_CONTENT, '--quiet']);
    expect(warehouse.stderr).toBe('');
    expect(warehouse.code).toBe(0);
    const verbose = await runScript('check.ts', ['--data', kpis, '--content', SMALL_CONTENT]);
    expect(verbose.stdout).toMatch(new RegExp(`^ok: Corpus Goods \\(${kpis}/\\): pre-aggregated figures from kpis.csv; \\d+ sources, \\d+ benchmark figures; UI strings complete in every locale$`, 'm'));
  });
});

describe('bad data in the dev server', () => {
  it('is an error with the problem list, no stack, located at the first problem', () => {
    const error = dataProblemsError([
      { file: 'data/company/survey.csv', line: 5, column: 37, field: 'nps', message: 'expected a whole number from 0 to 10 or an empty cell, found "eleven"' },
    ]) as Error & { loc: unknown; title: string };
    expect(error.stack).toBe('');
    expect(error.name).toBe('DataProblems');
    expect(error.title).toBe('1 problem found in the data');
    expect(error.message).toBe('The data has problems:\n\ndata/company/survey.csv:5:37: nps: expected a whole number from 0 to 10 or an empty cell, found "eleven"\n\n1 problem found.');
    expect(error.loc).toEqual({ file: join(process.cwd(), 'data/company/survey.csv'), line: 5, column: 37 });
  });
});
