import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';

export interface MachineInfo {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryMb: number;
  readonly node: string;
  readonly v8: string;
  readonly os: string;
  /** 1-minute load average when the run started: other work on the machine skews wall-clock figures. */
  readonly loadAverage1m: number;
}

export function machineInfo(): MachineInfo {
  return {
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryMb: Math.round(totalmem() / (1024 * 1024)),
    node: process.version,
    v8: process.versions.v8,
    os: `${platform()} ${release()}`,
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
  };
}
