/** What the side-by-side result records about the machine and the engines' versions. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { machineInfo } from '../harness/machine.ts';
import type { MachineSummary } from './types.ts';

export const loadAverages = (): number[] => loadavg().map((x) => Math.round(x * 100) / 100);

/** `java -version` as "17.0.15 (OpenJDK 64-Bit Server VM …)", or undefined without java. */
export function javaVersion(): string | undefined {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  const lines = r.stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const version = /version "([^"]+)"/.exec(lines[0] ?? '')?.[1] ?? lines[0];
  const vm = lines.find((l) => /VM/.test(l))?.replace(/\s*\(.*$/, '');
  return vm ? `${version} (${vm})` : version;
}

export function caudalVersion(repoRoot: string): string {
  return (JSON.parse(readFileSync(join(repoRoot, 'packages', 'caudal', 'package.json'), 'utf8')) as { version: string }).version;
}

export function machineSummary(repoRoot: string, pyspark: string | undefined, withJava: boolean): MachineSummary {
  const m = machineInfo();
  const java = withJava ? javaVersion() : undefined;
  return {
    cores: m.cores,
    cpuModel: m.cpuModel,
    memoryMb: m.memoryMb,
    node: m.node,
    os: m.os,
    ...(java !== undefined ? { java } : {}),
    ...(pyspark !== undefined ? { pyspark } : {}),
    caudal: caudalVersion(repoRoot),
    loadAverageStart: loadAverages(),
  };
}
