import { defineConfig } from 'vitest/config';

process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    // vitest takes one worker fewer than the cores by default: one on a 2-core machine. Most of the
    // time here is spent waiting for child processes (Astro, Chromium), so two workers overlap it.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC', TRUST_TODAY: '2026-11-23', ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
