import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SinkFileStatus } from '@caudal/core';

/** What Hadoop's local file system reports as a file's block size (`fs.local.block.size`), as Spark records it. */
const LOCAL_BLOCK_SIZE = 33_554_432;

/**
 * Writes one part file (its bytes, or its pieces in order) under a hidden temporary name, then renames
 * it into place, so a plain directory listing never shows half a file; on failure the temporary file is
 * removed. Returns its manifest line, with `relativePath` as the path.
 */
export function writePartFile(absolutePath: string, relativePath: string, bytes: Uint8Array | Iterable<Uint8Array>): SinkFileStatus {
  const dir = dirname(absolutePath);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(absolutePath)}.${randomUUID()}.tmp`);
  const fd = openSync(tmp, 'wx');
  try {
    try {
      for (const piece of bytes instanceof Uint8Array ? [bytes] : bytes) writeAll(fd, piece);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, absolutePath);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  const st = statSync(absolutePath);
  return {
    path: relativePath, size: st.size, isDir: false, modificationTime: Math.floor(st.mtimeMs),
    blockReplication: 1, blockSize: LOCAL_BLOCK_SIZE, action: 'add',
  };
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
}
