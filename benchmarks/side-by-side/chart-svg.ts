/**
 * The side-by-side chart as a standalone SVG (no dependencies): horizontal bars of rows/s per workload for
 * both engines on a log axis (the workloads span four orders of magnitude), the Caudal ÷ Spark ratio beside
 * each pair, and, when w7 ran, a second panel with its latency percentiles (its rows/s is the feed rate).
 */
import { compact, decade, ms, ratio } from './format.ts';
import type { Engine, SuiteResult } from './types.ts';

export const ENGINE_COLOURS: Readonly<Record<Engine, string>> = { caudal: '#1b7f8c', spark: '#e25a1c' };
const ENGINE_LABELS: Readonly<Record<Engine, string>> = { caudal: 'Caudal', spark: 'Apache Spark' };

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

interface Bar { readonly engine: Engine; readonly value: number | null; readonly missing?: string }
interface Group { readonly label: string; readonly bars: readonly Bar[]; readonly side?: string }
interface Panel { readonly title: string; readonly axisTitle: string; readonly unit: string; readonly groups: readonly Group[]; readonly format: (v: number) => string }

/** Decades covering every positive value: [10^lo, 10^hi]. */
export function logDomain(values: readonly number[]): [number, number] {
  const pos = values.filter((v) => v > 0 && Number.isFinite(v));
  if (pos.length === 0) return [0, 1];
  const lo = Math.floor(Math.log10(Math.min(...pos)));
  let hi = Math.ceil(Math.log10(Math.max(...pos)));
  if (hi <= lo) hi = lo + 1;
  return [lo, hi];
}

const WIDTH = 920;
const LEFT = 200;
const RIGHT = 110;
const BAR_H = 15;
const BAR_GAP = 3;
const GROUP_GAP = 14;

function decadeLabel(exp: number, unit: string): string {
  // Milliseconds read better as plain numbers (1000 ms, not 1k ms).
  return unit === '' ? decade(exp) : `${Number((10 ** exp).toPrecision(1))}${unit}`;
}

/** One panel starting at y; returns its SVG and height. */
function panel(p: Panel, y0: number): { svg: string; height: number } {
  const plotW = WIDTH - LEFT - RIGHT;
  const [lo, hi] = logDomain(p.groups.flatMap((g) => g.bars.map((b) => b.value ?? 0)));
  const x = (v: number): number => LEFT + ((Math.log10(v) - lo) / (hi - lo)) * plotW;
  const top = y0 + 30;
  const groupH = (g: Group): number => g.bars.length * (BAR_H + BAR_GAP) - BAR_GAP;
  const plotH = p.groups.reduce((h, g) => h + groupH(g) + GROUP_GAP, GROUP_GAP);
  const parts: string[] = [];
  parts.push(`<text x="${LEFT}" y="${y0 + 16}" class="title">${escapeXml(p.title)}</text>`);
  // Decade grid lines with labels, and minor lines at 2..9 × each decade.
  for (let e = lo; e <= hi; e++) {
    const gx = x(10 ** e);
    parts.push(`<line x1="${gx.toFixed(1)}" y1="${top}" x2="${gx.toFixed(1)}" y2="${top + plotH}" class="grid"/>`);
    parts.push(`<text x="${gx.toFixed(1)}" y="${top + plotH + 15}" class="tick" text-anchor="middle">${escapeXml(decadeLabel(e, p.unit))}</text>`);
    if (e < hi) {
      for (let m = 2; m <= 9; m++) {
        const mx = x(m * 10 ** e);
        parts.push(`<line x1="${mx.toFixed(1)}" y1="${top}" x2="${mx.toFixed(1)}" y2="${top + plotH}" class="minor"/>`);
      }
    }
  }
  parts.push(`<line x1="${LEFT}" y1="${top}" x2="${LEFT}" y2="${top + plotH}" class="axis"/>`);
  parts.push(`<line x1="${LEFT}" y1="${top + plotH}" x2="${LEFT + plotW}" y2="${top + plotH}" class="axis"/>`);
  parts.push(`<text x="${LEFT + plotW / 2}" y="${top + plotH + 34}" class="axis-title" text-anchor="middle">${escapeXml(p.axisTitle)}</text>`);
  parts.push(`<text x="${WIDTH - RIGHT + 10}" y="${top - 6}" class="tick">Caudal ÷ Spark</text>`);

  let y = top + GROUP_GAP;
  for (const g of p.groups) {
    const h = groupH(g);
    parts.push(`<text x="${LEFT - 10}" y="${(y + h / 2 + 4).toFixed(1)}" class="label" text-anchor="end">${escapeXml(g.label)}</text>`);
    g.bars.forEach((b, i) => {
      const by = y + i * (BAR_H + BAR_GAP);
      if (b.value === null || !(b.value > 0)) {
        parts.push(`<text x="${LEFT + 6}" y="${by + BAR_H - 3}" class="missing">${escapeXml(`${ENGINE_LABELS[b.engine]}: ${b.missing ?? 'no value'}`)}</text>`);
        return;
      }
      const w = Math.max(1, x(b.value) - LEFT);
      parts.push(`<rect x="${LEFT}" y="${by}" width="${w.toFixed(1)}" height="${BAR_H}" fill="${ENGINE_COLOURS[b.engine]}"><title>${escapeXml(`${ENGINE_LABELS[b.engine]}: ${p.format(b.value)}`)}</title></rect>`);
      const inside = w > plotW - 70;
      parts.push(`<text x="${(inside ? LEFT + w - 4 : LEFT + w + 4).toFixed(1)}" y="${by + BAR_H - 3}" class="${inside ? 'value-in' : 'value'}"${inside ? ' text-anchor="end"' : ''}>${escapeXml(p.format(b.value))}</text>`);
    });
    if (g.side !== undefined) parts.push(`<text x="${WIDTH - RIGHT + 10}" y="${(y + h / 2 + 4).toFixed(1)}" class="ratio">${escapeXml(g.side)}</text>`);
    y += h + GROUP_GAP;
  }
  return { svg: parts.join('\n'), height: 30 + plotH + 44 };
}

export function throughputChart(result: SuiteResult): string {
  const engines = [...new Set(result.workloads.flatMap((w) => w.runs.map((r) => r.engine)))];
  const bar = (engine: Engine, value: number | undefined, failed: boolean): Bar =>
    ({ engine, value: value ?? null, ...(failed ? { missing: 'failed' } : value === undefined ? { missing: 'no value' } : {}) });
  const throughput: Group[] = result.workloads.filter((w) => w.workload !== 'w7-socket-latency').map((w) => ({
    label: w.workload,
    bars: w.runs.map((r) => bar(r.engine, r.ok ? r.result?.rowsPerSecond : undefined, !r.ok)),
    ...(w.ratio ? { side: ratio(w.ratio.caudalOverSpark) } : {}),
  }));
  const panels: Panel[] = [];
  if (throughput.length > 0) {
    panels.push({ title: 'Throughput per workload (higher is better)', axisTitle: 'input rows per second (log scale)', unit: '', groups: throughput, format: (v) => `${compact(v)} rows/s` });
  }
  const w7 = result.workloads.find((w) => w.workload === 'w7-socket-latency');
  if (w7 !== undefined) {
    const latency = (key: 'latencyP50Ms' | 'latencyP99Ms', label: string): Group => {
      const runs = w7.runs;
      const c = runs.find((r) => r.engine === 'caudal')?.[key];
      const s = runs.find((r) => r.engine === 'spark')?.[key];
      return {
        label: `w7 latency ${label}`,
        bars: runs.map((r) => bar(r.engine, r.ok ? r[key] : undefined, !r.ok)),
        ...(c !== undefined && s !== undefined && s > 0 ? { side: ratio(c / s) } : {}),
      };
    };
    panels.push({
      title: 'w7 socket → sink latency (lower is better)', axisTitle: 'milliseconds from send to sink (log scale)', unit: ' ms',
      groups: [latency('latencyP50Ms', 'p50'), latency('latencyP99Ms', 'p99')], format: (v) => `${ms(v)} ms`,
    });
  }
  const header = 58;
  let y = header;
  const bodies: string[] = [];
  for (const p of panels) {
    const { svg, height } = panel(p, y);
    bodies.push(svg);
    y += height + 10;
  }
  const m = result.machine;
  const subtitle = `${result.date} · ${m.cores} cores · Node ${m.node}${m.pyspark ? ` · PySpark ${m.pyspark} local[2]` : ''} · load ${m.loadAverageStart[0]?.toFixed(2) ?? '?'} at start`;
  const legend = engines.map((e, i) => {
    const lx = WIDTH - RIGHT - 250 + i * 130;
    return `<rect x="${lx}" y="14" width="14" height="14" fill="${ENGINE_COLOURS[e]}"/><text x="${lx + 20}" y="26" class="legend">${escapeXml(ENGINE_LABELS[e])}</text>`;
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y}" viewBox="0 0 ${WIDTH} ${y}" font-family="Helvetica, Arial, sans-serif">`,
    `<style>
.title{font-size:14px;font-weight:bold;fill:#222}
.heading{font-size:17px;font-weight:bold;fill:#111}
.sub{font-size:11px;fill:#555}
.label{font-size:12px;fill:#222}
.tick{font-size:11px;fill:#444}
.axis-title{font-size:12px;fill:#222}
.value{font-size:10.5px;fill:#222}
.value-in{font-size:10.5px;fill:#fff}
.ratio{font-size:12px;font-weight:bold;fill:#222}
.missing{font-size:11px;fill:#b00020;font-style:italic}
.legend{font-size:12px;fill:#222}
.grid{stroke:#bbb;stroke-width:1}
.minor{stroke:#eee;stroke-width:1}
.axis{stroke:#333;stroke-width:1}
</style>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="16" y="24" class="heading">Caudal vs Apache Spark: side-by-side workloads</text>`,
    `<text x="16" y="42" class="sub">${escapeXml(subtitle)}</text>`,
    ...legend,
    ...bodies,
    `</svg>`,
    '',
  ].join('\n');
}
