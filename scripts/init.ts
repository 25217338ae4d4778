/**
 * `npm run init -- FOLDER [--locales fi,en] [--name "Acme Oy"] [--force]`: write a starter data
 * folder (see src/cli/init.ts). Exit 0 on success, 1 when the folder is refused (nothing is
 * written), 2 on a usage problem.
 */
import { runInit } from '../src/cli/init.ts';

const outcome = runInit(process.argv.slice(2), process.env);
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.code;
