/**
 * Loaded with `node --import` into a measured child: at exit it writes the process's peak resident
 * set size and CPU time to the file named by TRUST_BENCH_USAGE (see measure.ts).
 */
import { writeFileSync } from 'node:fs';

const target = process.env.TRUST_BENCH_USAGE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
  });
}
