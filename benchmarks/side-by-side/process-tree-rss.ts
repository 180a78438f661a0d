/**
 * Peak resident set size of a process and all its descendants (the Spark runner is python + a JVM child),
 * read from /proc on a timer. The tree's RSS is the sum of its processes' RSS, so pages shared between them
 * (libraries, copy-on-write) count once per process: an upper bound, the same for both engines' runners.
 * A peak shorter than the interval can be missed.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** Bytes per page for /proc/<pid>/statm; 4 KiB on x86-64 and arm64 Linux (the only targets here). */
const PAGE_BYTES = 4096;

/** Resident bytes of one process, or 0 when it is gone. */
export function processRss(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(fields[1]) * PAGE_BYTES;
  } catch {
    return 0;
  }
}

/** Direct children of `pid` (every thread's `children` list: a child belongs to the thread that forked it). */
export function childPids(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const tid of tasks) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const c of text.split(' ')) if (c !== '' && c !== '\n') out.push(Number(c));
  }
  return out;
}

/** `root` and all its live descendants. */
export function processTree(root: number): number[] {
  const seen = new Set<number>();
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    stack.push(...childPids(pid));
  }
  return [...seen];
}

export function treeRss(root: number): { bytes: number; processes: number } {
  let bytes = 0;
  let processes = 0;
  for (const pid of processTree(root)) {
    const rss = processRss(pid);
    if (rss > 0) {
      bytes += rss;
      processes++;
    }
  }
  return { bytes, processes };
}

export class ProcessTreeRssSampler {
  private peak = 0;
  private maxProcesses = 0;
  private samples = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly root: number, private readonly intervalMs = 50) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  sample(): void {
    const { bytes, processes } = treeRss(this.root);
    this.samples++;
    if (bytes > this.peak) this.peak = bytes;
    if (processes > this.maxProcesses) this.maxProcesses = processes;
  }

  /** Stops sampling. */
  stop(): { peakRssBytes: number; maxProcesses: number; samples: number } {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    return { peakRssBytes: this.peak, maxProcesses: this.maxProcesses, samples: this.samples };
  }
}
