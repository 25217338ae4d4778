/**
 * `npm run check [-- --data DIR]`: validate every data file and the UI strings without building.
 * Exit 1 with every problem listed as file:line:column.
 */
import { formatIssue, formatIssues } from '../src/pipeline/issues.ts';
import { runDataBuild, today } from '../src/pipeline/run.ts';
import { checkTranslations } from '../src/i18n/check.ts';
import { readCli } from './lib/cli.ts';

const options = readCli();
const result = await runDataBuild({ dataDir: options.dataDir, contentDir: options.contentDir, today: today() });
const issues = [...result.issues, ...(await checkTranslations())];
for (const warning of result.warnings) process.stdout.write(`warning: ${formatIssue(warning)}\n`);
if (issues.length > 0) {
  process.stderr.write(`${formatIssues(issues)}\n`);
  process.exit(1);
}
process.stdout.write(
  `ok: ${result.counts.sources} sources, ${result.counts.statistics} benchmark figures, UI strings complete in every locale\n`,
);
