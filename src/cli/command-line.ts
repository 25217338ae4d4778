/**
 * The scripts' side of the command line: parse, print help or the usage problem and exit, and
 * make sure the data and content folders exist before any work starts.
 */
import { parseCommandLine, type CliOptions, type Command } from './args.ts';
import { missingFolder } from './folders.ts';
import { jsonDocument } from './output.ts';

export type { CliOptions, Command };

/** Exit code of a usage problem (unknown option, missing value, stray argument). */
export const USAGE_EXIT = 2;

/**
 * The options of `npm run <command>`, or the process ends: `--help` prints usage and exits 0, a
 * usage problem prints one line and exits 2, a missing data or content folder prints one problem
 * (with `afterProblem`, e.g. "Nothing was built") and exits 1.
 */
export function readCommandLine(command: Command, afterProblem?: (options: CliOptions) => string): CliOptions {
  const parsed = parseCommandLine(command, process.argv.slice(2), process.env);
  if (parsed.kind === 'help') {
    process.stdout.write(parsed.text);
    process.exit(0);
  }
  if (parsed.kind === 'usage-error') {
    process.stderr.write(`${command}: ${parsed.message}\n`);
    process.exit(USAGE_EXIT);
  }
  const { options } = parsed;
  const problem = missingFolder('data', options.dataDir) ?? missingFolder('content', options.contentDir);
  if (problem && options.format === 'json') {
    process.stdout.write(jsonDocument(null, [], [], problem));
    process.exit(1);
  }
  if (problem) {
    process.stderr.write(`${problem}\n${afterProblem ? `${afterProblem(options)}\n` : ''}`);
    process.exit(1);
  }
  return options;
}
