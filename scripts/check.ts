/**
 * `npm run check [-- --data DIR] [-- --content DIR] [-- --json | --format github]`: validate every
 * data file, the guidance articles and the UI strings without building. Exit 1 with every problem
 * listed as file:line:column; on success a line naming the company, the folder and what was read,
 * then a short summary. `--json` prints one JSON document instead; `--format github` prints the
 * problems as GitHub Actions annotations.
 */
import { readCommandLine } from '../src/cli/command-line.ts';

const started = performance.now();
const options = readCommandLine('check');
// Loaded only now, so that --help and usage problems answer at once.
const { Printer } = await import('../src/cli/printer.ts');
const { describeData } = await import('../src/cli/summary.ts');
const { checkInputs } = await import('../src/build/check.ts');
const { summarise } = await import('../src/build/summary.ts');

const printer = new Printer(options);
printer.progress('reading the data');
const { result, problems } = await checkInputs({ dataDir: options.dataDir, contentDir: options.contentDir });
printer.progress(undefined);
const ok = problems.length === 0;
const summary = summarise({
  command: 'check',
  ok,
  dataDir: options.dataDir,
  contentDir: options.contentDir,
  result,
  problems: problems.length,
  seconds: (performance.now() - started) / 1000,
});
printer.warnings(result.warnings);
if (!ok) {
  printer.problems(problems);
  printer.summary(summary, { problems, warnings: result.warnings });
  process.exitCode = 1;
} else {
  printer.log(`ok: ${describeData(result, options.dataDir)}; UI strings complete in every locale`);
  printer.summary(summary, { problems, warnings: result.warnings });
}
