/**
 * `npm run build [-- --data DIR] [-- --content DIR] [-- --out DIR] [-- --json | --format github]`:
 * the command line of buildSite (src/build/site.ts), which validates the data, computes the report
 * model, renders the site and only then replaces the output folder. This script parses the
 * options, prints what happened in the chosen format and sets the exit code: 1 when the data has
 * problems (every one listed, the output folder exactly as it was), when the output folder is not
 * the build's to replace, or when rendering fails; 130/143/129 when interrupted.
 */
import { basename } from 'node:path';
import { readCommandLine } from '../src/cli/command-line.ts';

// Astro's usage telemetry would wait on the network; the build must not.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const options = readCommandLine('build', (o) => `Nothing was built; ${basename(o.outDir)}/ is unchanged.`);
const outName = `${basename(options.outDir)}/`;
// Loaded only now, so that --help and usage problems answer at once.
const { Printer } = await import('../src/cli/printer.ts');
const { describeData } = await import('../src/cli/summary.ts');
const { REPOSITORY_ROOT } = await import('../src/cli/folders.ts');
const { nodeEffects } = await import('../src/build/node-effects.ts');
const { buildSite } = await import('../src/build/site.ts');

const printer = new Printer(options);
const machine = nodeEffects({ log: printer.log, progress: printer.progress, showProgress: printer.showProgress });
let published = false;
const effects = {
  ...machine.effects,
  rename(from: string, to: string) {
    machine.effects.rename(from, to);
    if (to === options.outDir) published = true;
  },
};

// Cleanup on every way out: normal exit, process.exit, an uncaught exception, Ctrl-C, kill.
process.on('exit', () => machine.abort());
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.on(signal, () => {
    machine.abort();
    printer.progress(undefined);
    process.stderr.write(
      published ? `\nInterrupted after ${outName} was written.\n` : `\nInterrupted: nothing was published; ${outName} is unchanged.\n`,
    );
    // Exit now: the rendering stops here, and the exit handler removes anything written meanwhile.
    process.exit(code);
  });
}

const outcome = await buildSite(
  {
    dataDir: options.dataDir,
    contentDir: options.contentDir,
    outDir: options.outDir,
    root: REPOSITORY_ROOT,
    astroLogLevel: options.quiet || options.format === 'json' ? 'error' : 'warn',
  },
  {
    ...effects,
    // Warnings and what was read, as soon as the data is validated, before the long render.
    onData(result, problems) {
      printer.warnings(result.warnings);
      if (problems.length === 0 && result.report) {
        printer.log(`data: ${describeData(result, options.dataDir)}`);
      }
    },
  },
);

const { summary, warnings } = outcome;
switch (outcome.status) {
  case 'refused':
  case 'failed':
    printer.error(outcome.message);
    if (options.format === 'json') printer.summary(summary, { problems: [], warnings, error: outcome.message });
    process.exitCode = 1;
    break;
  case 'invalid':
    printer.problems(outcome.problems, `Nothing was built; ${outName} is unchanged.`);
    printer.summary(summary, { problems: outcome.problems, warnings });
    process.exitCode = 1;
    break;
  case 'built':
    printer.summary(summary, { problems: [], warnings }, { omitTime: true });
    printer.log(`site: ${outName} written in ${summary.seconds.toFixed(1)} s`);
    break;
}
