import type { LargeCouncil } from './large-council.ts';
import type { LoadResult } from './load.ts';

export interface HealthFigures {
  samples: number;
  failures: number;
  p50: number;
  p99: number;
  max: number;
}

export interface Report {
  machine: string;
  seconds: number;
  loader: 'wrk' | 'autocannon';
  council: LargeCouncil & { buildMs: number };
  importTiming?: { rows: number; ms: number };
  publicationTiming?: { entries: number; ms: number };
  sizes: Record<string, number>;
  memoryAtStart: { service: number; database: number };
  memoryAfterLoad: { service: number; servicePeak: number; database: number };
  memoryAfterIdle: number;
  bareMemory: number;
  at50: { name: string; service: LoadResult; bare: LoadResult }[];
  at200: { name: string; service: LoadResult; health: HealthFigures; bare: LoadResult; bareHealth: HealthFigures }[];
  coldPdfs: { count: number; ms: number; failures: number; health: HealthFigures };
  uncached: { plan: number; filtered: number };
}

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const ms = (value: number) => (value >= 100 ? `${Math.round(value)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`);
const perSecond = (value: number) => Math.round(value).toLocaleString('en-GB');
const healthLine = (h: HealthFigures) => `${ms(h.p50)} / ${ms(h.p99)} / ${ms(h.max)} (${h.samples}${h.failures ? `, ${h.failures} failed` : ''})`;
const failed = (r: LoadResult) => r.errors + r.timeouts + r.unexpected;

export function formatReport(r: Report): string {
  const c = r.council;
  const lines = [
    `Machine: ${r.machine}. Each load ${r.seconds} s, ${r.loader} with keep-alive, \`Accept-Encoding: gzip, deflate, br\`.`,
    `Council: ${c.decisions.toLocaleString('en-GB')} decisions over ${c.plans} plans (${c.planEntries.toLocaleString('en-GB')} plan entries), ${c.live.toLocaleString('en-GB')} live in the plan of ${c.latestPlanOn}; built in ${ms(c.buildMs)}.`,
    '',
    '| At 50 connections | service req/s | bare Node req/s | ratio | service p50 | service p99 | bare p99 | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.at50.map(({ name, service, bare }) =>
      `| ${name} | ${perSecond(service.requestsPerSecond)} | ${perSecond(bare.requestsPerSecond)} | ${(service.requestsPerSecond / bare.requestsPerSecond).toFixed(2)} | ${ms(service.p50)} | ${ms(service.p99)} | ${ms(bare.p99)} | ${failed(service)} |`),
    '',
    '| At 200 connections | service req/s | bare req/s | service p99 | errors and timeouts | `/healthz` on a fresh connection meanwhile, service: p50 / p99 / max | the same on the bare server |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...r.at200.map(({ name, service, health, bare, bareHealth }) =>
      `| ${name} | ${perSecond(service.requestsPerSecond)} | ${perSecond(bare.requestsPerSecond)} | ${ms(service.p99)} | ${failed(service)} | ${healthLine(health)} | ${healthLine(bareHealth)} |`),
    '',
    '| Other measures | |',
    '| --- | --- |',
    `| ${r.coldPdfs.count} PDFs of earlier plans requested at once (each rendered for the first time) | all answered in ${ms(r.coldPdfs.ms)}, ${r.coldPdfs.failures} failed; \`/healthz\` meanwhile p99 ${ms(r.coldPdfs.health.p99)}, max ${ms(r.coldPdfs.health.max)} |`,
    `| Uncached plan page (${c.live.toLocaleString('en-GB')} live decisions), median of 15 | ${ms(r.uncached.plan)} |`,
    `| Uncached \`/decisions?committee=…\`, median of 15 | ${ms(r.uncached.filtered)} |`,
    ...(r.importTiming ? [`| Import of a ${r.importTiming.rows.toLocaleString('en-GB')}-row plan | ${ms(r.importTiming.ms)} |`] : []),
    ...(r.publicationTiming ? [`| Publication of a ${r.publicationTiming.entries.toLocaleString('en-GB')}-entry plan | ${ms(r.publicationTiming.ms)} |`] : []),
    `| Service process resident memory: at start / just after the load (peak) / 20 s later | ${mb(r.memoryAtStart.service)} / ${mb(r.memoryAfterLoad.service)} (${mb(r.memoryAfterLoad.servicePeak)}) / ${mb(r.memoryAfterIdle)} |`,
    `| The bare Node server, holding the same responses, after the load | ${mb(r.bareMemory)} |`,
    `| Database server (all its processes, shared pages counted in each): at start / after | ${mb(r.memoryAtStart.database)} / ${mb(r.memoryAfterLoad.database)} |`,
    '',
    `Response sizes (compressed): ${Object.entries(r.sizes).map(([p, n]) => `\`${p}\` ${(n / 1024).toFixed(0)} kB`).join(', ')}.`,
  ];
  return lines.join('\n');
}
