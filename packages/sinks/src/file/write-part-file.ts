import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SinkFileStatus } from '@caudal/core';

/** What Hadoop's local file system reports as a file's block size (`fs.local.block.size`), as Spark records it. */
const LOCAL_BLOCK_SIZE = 33_554_432;

/**
 * Writes one part file under a hidden temporary name, then renames it into place, so a plain directory
 * listing never shows half a file. Returns its manifest line, with `relativePath` as the path.
 */
export function writePartFile(absolutePath: string, relativePath: string, bytes: Uint8Array): SinkFileStatus {
  const dir = dirname(absolutePath);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(absolutePath)}.${randomUUID()}.tmp`);
  writeFileSync(tmp, bytes, { flag: 'wx' });
  renameSync(tmp, absolutePath);
  const st = statSync(absolutePath);
  return {
    path: relativePath, size: st.size, isDir: false, modificationTime: Math.floor(st.mtimeMs),
    blockReplication: 1, blockSize: LOCAL_BLOCK_SIZE, action: 'add',
  };
}
