/** The side-by-side suite's markdown: a machine header, one table row per engine per workload, then notes. */
import { mb, ms, ratio, thousands } from './format.ts';
import type { EngineRun, SuiteResult, WorkloadEntry } from './types.ts';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function firstLine(s: string, max = 120): string {
  const line = s.split('\n').find((l) => l.trim() !== '') ?? s;
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

function ratioCell(w: WorkloadEntry): string {
  if (w.ratio === undefined) return '–';
  return w.ratio.metric === 'latencyP99Ms' ? `${ratio(w.ratio.caudalOverSpark)} (p99 latency)` : ratio(w.ratio.caudalOverSpark);
}

function row(w: WorkloadEntry, r: EngineRun, first: boolean): string {
  const label = first ? w.workload : '';
  const ratioText = first ? ratioCell(w) : '';
  const rss = r.peakRssBytes > 0 ? mb(r.peakRssBytes) : '–';
  if (!r.ok || r.result === undefined) {
    return `| ${label} | ${r.engine} | failed: ${cell(firstLine(r.error ?? 'unknown error'))} | ${ratioText} | – | – | ${rss} | – | – | – | – |`;
  }
  const res = r.result;
  const batchP = r.batchP50Ms !== undefined && r.batchP99Ms !== undefined ? `${ms(r.batchP50Ms)} / ${ms(r.batchP99Ms)}` : '–';
  const latency = r.latencyP50Ms !== undefined && r.latencyP99Ms !== undefined ? `${ms(r.latencyP50Ms)} / ${ms(r.latencyP99Ms)}` : '–';
  const failed = r.checks.filter((c) => !c.ok);
  const flag = failed.length > 0 ? ' ⚠' : '';
  return `| ${label} | ${r.engine} | ${thousands(res.rowsPerSecond)}${flag} | ${ratioText} | ${res.batches} | ${batchP} | ${rss} | ${thousands(res.startupMs)} | ${res.stateRows !== undefined ? thousands(res.stateRows) : '–'} | ${latency} | ${res.outputRows !== undefined ? thousands(res.outputRows) : '–'} |`;
}

export function markdownTable(result: SuiteResult): string {
  const lines = [
    '| workload | engine | rows/s | Caudal ÷ Spark | batches | batch p50 / p99 (ms) | peak RSS (MB) | startup (ms) | state rows | latency p50 / p99 (ms) | output rows |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const w of result.workloads) w.runs.forEach((r, i) => lines.push(row(w, r, i === 0)));
  return lines.join('\n');
}

export function machineHeader(result: SuiteResult): string {
  const m = result.machine;
  const load = (l: readonly number[]): string => l.map((x) => x.toFixed(2)).join(' / ');
  const versions = [`Caudal ${m.caudal}`, `Node ${m.node}`, ...(m.pyspark ? [`PySpark ${m.pyspark} (local[2])`] : []), ...(m.java ? [`Java ${m.java}`] : [])];
  return [
    `Run ${result.startedAt} (${Math.round(result.durationS)} s in all). ${versions.join(', ')}.`,
    `Machine: ${m.cores} cores (${m.cpuModel}), ${thousands(m.memoryMb)} MB, ${m.os}. Load average (1 / 5 / 15 min) ${load(m.loadAverageStart)} at the start${m.loadAverageEnd ? `, ${load(m.loadAverageEnd)} at the end` : ''}.`,
  ].join('\n');
}

function paramsLine(result: SuiteResult): string {
  return `Parameters: ${Object.entries(result.params).map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(',') : typeof v === 'number' ? thousands(v) : String(v)}`).join('; ')}.`;
}

/** Failures, failed checks and cross-check results, one bullet each. */
export function notes(result: SuiteResult): string[] {
  const out: string[] = [];
  for (const w of result.workloads) {
    for (const r of w.runs) {
      if (!r.ok) out.push(`${w.workload} / ${r.engine} failed: ${firstLine(r.error ?? 'unknown error', 400)}`);
      for (const c of r.checks) {
        if (!c.ok) out.push(`${w.workload} / ${r.engine}: ${c.name} expected ${thousands(c.expected)}, got ${c.actual === null ? 'nothing' : thousands(c.actual)}${c.hard ? '' : ' (reported only)'}`);
      }
      if (r.ok && r.derivedRate) out.push(`${w.workload} / ${r.engine}: ${thousands(r.derivedRate.perSecond)} ${r.derivedRate.unit}/s`);
      if (r.result?.notes) out.push(`${w.workload} / ${r.engine} notes: ${r.result.notes}`);
      if (r.feed) {
        out.push(`${w.workload} / ${r.engine}: fed ${thousands(r.feed.linesSent)} lines in ${(r.feed.feedMs / 1000).toFixed(2)} s (${thousands(r.feed.linesPerSecond)} lines/s, worst lag behind schedule ${ms(r.feed.maxLagMs)} ms); latency max ${r.latencyMaxMs !== undefined ? ms(r.latencyMaxMs) : '–'} ms over ${r.latencyCount ?? 0} lines`);
      }
    }
    if (w.crossCheck) {
      out.push(`${w.workload}: outputRows ${w.crossCheck.agree ? 'agree' : 'DISAGREE'} (Caudal ${thousands(w.crossCheck.caudal)}, Spark ${thousands(w.crossCheck.spark)})`);
    }
  }
  return out;
}

export function markdownReport(result: SuiteResult): string {
  const bullets = notes(result);
  return [
    `# Caudal vs Apache Spark, side by side (${result.date})`,
    '',
    machineHeader(result),
    '',
    paramsLine(result),
    '',
    markdownTable(result),
    '',
    'rows/s: input rows of the measured window ÷ its duration (engine start-up and warm-up excluded); Caudal ÷ Spark > 1 means Caudal is faster, except for w7, where it is the ratio of p99 latencies (< 1 means Caudal is faster). Batch p50 / p99: nearest-rank percentiles of `triggerExecution` per measured batch. Peak RSS: the runner\'s whole process tree (python + JVM for Spark), sampled every 50 ms.',
    ...(bullets.length > 0 ? ['', ...bullets.map((b) => `- ${cell(b)}`)] : []),
    '',
  ].join('\n');
}
