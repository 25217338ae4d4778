/**
 * `npm run dev [-- --data DIR] [-- --content DIR] [-- --port N]`: the Astro dev server. Editing a file under the
 * data or content folder reloads the page; bad data shows every problem in the browser.
 */
import { readCommandLine } from '../src/cli/command-line.ts';

// Astro's usage telemetry would wait on the network; the dev server must not.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const options = readCommandLine('dev');
const { REPOSITORY_ROOT } = await import('../src/cli/folders.ts');
const { astroConfig } = await import('../src/build/astro-config.ts');
const { dev } = await import('astro');
// Both folders reach the integration and the content collection as the configuration's
// arguments (src/build/astro-config.ts), not through environment variables.
await dev({
  ...astroConfig({ dataDir: options.dataDir, contentDir: options.contentDir }),
  configFile: false,
  root: REPOSITORY_ROOT,
  ...(options.port !== undefined ? { server: { port: options.port } } : {}),
});
