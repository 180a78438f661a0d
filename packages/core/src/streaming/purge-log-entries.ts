import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Deletes the numbered entries below `minBatchId` of a checkpoint log folder (`offsets/`, `commits/`) with
 * asynchronous file calls, so the listing and unlinks run on libuv's threads while the micro-batch loop
 * goes on (MetadataLog.purge does the same synchronously). An entry already gone is not an error.
 */
export async function purgeLogEntries(dir: string, minBatchId: number): Promise<void> {
  const names = await readdir(dir);
  await Promise.all(names.filter((n) => /^\d+$/.test(n) && Number(n) < minBatchId).map(async (n) => {
    try {
      await unlink(join(dir, n));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }));
}
