import type { MachineInfo } from './machine.ts';
import type { WorkloadResult } from './measure.ts';

export interface RunReport {
  /** yyyy-mm-dd (local date of the run). */
  readonly date: string;
  readonly label: string | null;
  readonly machine: MachineInfo;
  readonly results: readonly WorkloadResult[];
}

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function ms(x: number): string {
  return x < 10 ? x.toFixed(3) : x.toFixed(1);
}

/** The results as a markdown table (what README.md quotes). */
export function markdownTable(results: readonly WorkloadResult[]): string {
  const lines = [
    '| workload | rows/batch | batches × reps | rows/s median (best) | wall ms/batch | CPU ms/batch | triggerExecution p50 / p99 (ms) | batch interval p50 / p99 (ms) | peak RSS (MB) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const rowsPerBatch = r.repetitions.length > 0 ? r.repetitions[0]!.rows / r.params.batches : 0;
    const throughput = r.kind === 'throughput' ? `${int.format(r.rowsPerSecond)} (${int.format(r.bestRowsPerSecond)})` : '–';
    lines.push(
      `| ${r.name} | ${int.format(rowsPerBatch)} | ${r.params.batches} × ${r.params.repetitions} | ${throughput} | ` +
      `${ms(r.msPerBatch)} | ${ms(r.cpuMsPerBatch)} | ${r.triggerExecutionMs.p50} / ${r.triggerExecutionMs.p99} | ` +
      `${ms(r.batchIntervalMs.p50)} / ${ms(r.batchIntervalMs.p99)} | ${r.peakRssMb.toFixed(0)} |`,
    );
  }
  return lines.join('\n');
}

export function localDate(d = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
