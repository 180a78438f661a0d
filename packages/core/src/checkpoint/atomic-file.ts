import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a whole file or nothing: the text goes to `.<name>.<uuid>.tmp` beside the target, then a
 * rename publishes it. Readers never see a half-written file; a crash leaves at most a stray temp file.
 * `durable` adds an fsync before the rename, for logs whose loss would break exactly-once.
 */
export function writeFileAtomic(path: string, text: string, durable = false): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${randomUUID()}.tmp`);
  const fd = openSync(tmp, 'wx');
  try {
    writeSync(fd, text);
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
