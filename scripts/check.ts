/**
 * `npm run check [-- --data DIR] [-- --content DIR]`: validate every data file, the guidance
 * articles and the UI strings without building. Exit 1 with every problem listed as
 * file:line:column; on success one line naming the company, the folder and what was read.
 */
import { readCommandLine } from '../src/cli/command-line.ts';
import { describeData } from '../src/cli/summary.ts';

const options = readCommandLine('check');
// Loaded only now, so that --help and usage problems answer at once.
const { formatIssue, formatIssues } = await import('../src/pipeline/issues.ts');
const { runDataBuild, today } = await import('../src/pipeline/run.ts');
const { checkTranslations } = await import('../src/i18n/check.ts');
const result = await runDataBuild({ dataDir: options.dataDir, contentDir: options.contentDir, today: today() });
const issues = [...result.issues, ...(await checkTranslations())];
const print = (line: string) => {
  if (!options.quiet) process.stdout.write(`${line}\n`);
};
for (const warning of result.warnings) print(`warning: ${formatIssue(warning)}`);
if (issues.length > 0) {
  process.stderr.write(`${formatIssues(issues)}\n`);
  process.exit(1);
}
print(`ok: ${describeData(result, options.dataDir)}; UI strings complete in every locale`);
