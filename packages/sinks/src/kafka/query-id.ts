import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The query's id from `<checkpoint>/metadata` (`v1` + `{"id":...}`), written before sinks are created and the
 * same across restarts. Falls back to a hash of the checkpoint path if the file cannot be read.
 */
export function queryIdOf(checkpointDir: string): string {
  try {
    const lines = readFileSync(join(checkpointDir, 'metadata'), 'utf8').split('\n');
    const parsed = JSON.parse((lines[0] === 'v1' ? lines[1] : lines[0]) ?? '') as { id?: unknown };
    if (typeof parsed.id === 'string' && parsed.id !== '') return parsed.id;
  } catch {
    // fall through
  }
  return createHash('sha256').update(resolve(checkpointDir)).digest('hex').slice(0, 32);
}
