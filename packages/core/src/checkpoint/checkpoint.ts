import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Offset } from '../connector/offset.ts';
import { writeFileAtomic } from './atomic-file.ts';
import { MetadataLog } from './metadata-log.ts';

/** `offsets/N`: what batch N reads, written before it runs. */
export interface OffsetEntry {
  readonly batchWatermarkMs: number;
  readonly batchTimestampMs: number;
  readonly conf: Readonly<Record<string, string>>;
  /** End offset of each source, by source id. */
  readonly offsets: Readonly<Record<string, Offset>>;
}

/** `commits/N`: written after the sink took batch N. */
export interface CommitEntry {
  readonly nextBatchWatermarkMs: number;
}

export interface QueryMetadata {
  readonly id: string;
  /** The sources of the query that created the checkpoint, to reject an incompatible restart. */
  readonly sources: readonly { readonly id: string; readonly format: string }[];
}

/**
 * A query's checkpoint directory, laid out as Spark's:
 * `metadata`, `offsets/N`, `commits/N`, `sources/<sourceId>/`, `state/<operatorId>/`.
 */
export class Checkpoint {
  readonly offsets: MetadataLog<OffsetEntry>;
  readonly commits: MetadataLog<CommitEntry>;
  private lockPath: string;
  private locked = false;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.offsets = new MetadataLog<OffsetEntry>(
      join(dir, 'offsets'),
      (e) => [
        JSON.stringify({ batchWatermarkMs: e.batchWatermarkMs, batchTimestampMs: e.batchTimestampMs, conf: e.conf }),
        JSON.stringify(e.offsets),
      ],
      (lines, path) => {
        const meta = parseJson(lines[0], path) as Omit<OffsetEntry, 'offsets'>;
        return { ...meta, offsets: parseJson(lines[1], path) as Record<string, Offset> };
      },
    );
    this.commits = new MetadataLog<CommitEntry>(
      join(dir, 'commits'),
      (e) => [JSON.stringify(e)],
      (lines, path) => parseJson(lines[0], path) as CommitEntry,
    );
    this.lockPath = join(dir, '.lock');
  }

  sourceDir(sourceId: string): string {
    const d = join(this.dir, 'sources', sourceId);
    mkdirSync(d, { recursive: true });
    return d;
  }

  stateDir(): string {
    return join(this.dir, 'state');
  }

  readMetadata(): QueryMetadata | undefined {
    const path = join(this.dir, 'metadata');
    if (!existsSync(path)) return undefined;
    const lines = readFileSync(path, 'utf8').split('\n');
    return parseJson(lines[0] === 'v1' ? lines[1] : lines[0], path) as QueryMetadata;
  }

  writeMetadata(meta: QueryMetadata): void {
    writeFileAtomic(join(this.dir, 'metadata'), `v1\n${JSON.stringify(meta)}\n`);
  }

  /**
   * Takes the checkpoint for this process. A lock held by a live process means another query is
   * running on this checkpoint; a lock left by a dead process is taken over.
   */
  lock(): void {
    if (existsSync(this.lockPath)) {
      const pid = Number(readFileSync(this.lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new Error(
          `The checkpoint ${this.dir} is in use by another running query (process ${pid}). Stop that query first, or use another checkpointLocation.`,
        );
      }
    }
    writeFileSync(this.lockPath, String(process.pid));
    this.locked = true;
  }

  unlock(): void {
    if (this.locked) rmSync(this.lockPath, { force: true });
    this.locked = false;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A killed process its parent has not reaped yet still answers signal 0; on Linux it shows as a zombie.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

function parseJson(line: string | undefined, path: string): unknown {
  try {
    return JSON.parse(line ?? '');
  } catch {
    throw new Error(`Checkpoint file ${path} is damaged: expected a JSON line, found '${(line ?? '').slice(0, 40)}'`);
  }
}
