import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromOffset, toOffset, type PartitionOffsets } from './partition-offsets.ts';

/**
 * The offsets a new query starts from, kept in `<checkpoint>/sources/<id>/0` as `v1` + JSON (Spark's
 * KafkaSourceInitialOffsetWriter), so a restart before the first batch committed starts from the same place
 * instead of resolving `latest` again.
 */
export function readInitialOffsets(metadataDir: string): Map<string, number> | undefined {
  const path = join(metadataDir, '0');
  if (!existsSync(path)) return undefined;
  const lines = readFileSync(path, 'utf8').split('\n');
  const json = lines[0] === 'v1' ? lines[1] : lines[0];
  try {
    return fromOffset(JSON.parse(json ?? ''));
  } catch (e) {
    throw new Error(`The Kafka source's initial offsets in ${path} are damaged: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function writeInitialOffsets(metadataDir: string, offsets: PartitionOffsets): void {
  mkdirSync(metadataDir, { recursive: true });
  const path = join(metadataDir, '0');
  const tmp = join(metadataDir, `.0.${process.pid}.${Date.now()}.tmp`);
  writeFileSync(tmp, `v1\n${JSON.stringify(toOffset(offsets))}`);
  renameSync(tmp, path);
}
