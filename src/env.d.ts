/// <reference types="astro/client" />

declare module 'virtual:trust-report' {
  const report: import('./schemas/report.ts').Report;
  export default report;
}
