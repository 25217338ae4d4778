// @ts-check
// The site's configuration lives in src/build/astro-config.ts, as a function of the data and
// content folders. `npm run build` and `npm run dev` pass it to Astro themselves with the folders
// given on their command line; this file serves `astro` run directly, with the default folders.
import { resolve } from 'node:path';
import { astroConfig } from './src/build/astro-config.ts';

export default astroConfig({ dataDir: resolve('data'), contentDir: resolve('content') });
