/**
 * `node scripts/bench/project-figures.ts --data DIR --out FILE`: runs the project's data build
 * (`runDataBuild`, the same as `npm run check`) and writes its published figures as flat JSON
 * (figures.ts), to be compared with DuckDB's. Exit 1 with the problems when the data does not pass.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runDataBuild, today } from '../../src/pipeline/run.ts';
import { projectFigures } from './figures.ts';

const { values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' } } });
if (!values.data || !values.out) {
  process.stderr.write('usage: node scripts/bench/project-figures.ts --data DIR --out FILE\n');
  process.exit(2);
}
const result = await runDataBuild({ dataDir: values.data, today: today() });
if (!result.report) {
  for (const issue of result.issues.slice(0, 20)) process.stderr.write(`${issue.file}:${issue.line}:${issue.column}: ${issue.message}\n`);
  process.stderr.write(`${result.issues.length} problem(s); no figures\n`);
  process.exit(1);
}
const figures = projectFigures(result.report);
writeFileSync(values.out, JSON.stringify(figures));
process.stdout.write(`project: ${Object.keys(figures.figures).length} figures\n`);
