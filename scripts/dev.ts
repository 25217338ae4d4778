/**
 * `npm run dev [-- --data DIR] [-- --content DIR] [-- --port N]`: the Astro dev server. Editing a file under the
 * data or content folder reloads the page; bad data shows every problem in the browser.
 */
import { readCommandLine } from '../src/cli/command-line.ts';

// Astro's usage telemetry would wait on the network; the dev server must not.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const options = readCommandLine('dev');
// The integration (src/integration/trust-report.ts) and the content collection
// (src/content.config.ts) read both folders from the environment.
process.env.TRUST_DATA = options.dataDir;
process.env.TRUST_CONTENT = options.contentDir;
delete process.env.TRUST_REPORT_FILE;
const { dev } = await import('astro');
await dev({ root: process.cwd(), ...(options.port !== undefined ? { server: { port: options.port } } : {}) });
