/**
 * `npm run dev [-- --data DIR]`: the Astro dev server. Editing a file under the data folder or
 * `content/` reloads the page; bad data shows every problem in the browser.
 */
import { readCli } from './lib/cli.ts';

// Astro's usage telemetry would wait on the network; the build must not.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const options = readCli();
process.env.TRUST_DATA = options.dataDir;
delete process.env.TRUST_REPORT_FILE;
const { dev } = await import('astro');
await dev({ root: process.cwd() });
