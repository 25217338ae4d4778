import { defineConfig } from 'vitest/config';

process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC', TRUST_TODAY: '2026-11-23', ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
