/**
 * Shared command-line handling for the scripts: `--data DIR` (or TRUST_DATA) chooses the data
 * folder, `--content DIR` (or TRUST_CONTENT) the guidance articles' folder, `--out DIR` the output folder.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface CliOptions {
  dataDir: string;
  contentDir: string;
  outDir: string;
  quiet: boolean;
}

export function readCli(argv = process.argv.slice(2), env = process.env): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      content: { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
  });
  return {
    dataDir: resolve(values.data ?? env.TRUST_DATA ?? 'data'),
    contentDir: resolve(values.content ?? env.TRUST_CONTENT ?? 'content'),
    outDir: resolve(values.out ?? 'dist'),
    quiet: values.quiet ?? false,
  };
}
