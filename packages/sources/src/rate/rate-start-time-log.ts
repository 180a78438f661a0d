import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

const VERSION = 1;

/**
 * The rate source's creation time, kept in `<metadataDir>/0` as `v1\n<ms>` (Spark's layout), so a restarted
 * query continues the same offsets and values. Returns the stored time, or stores and returns `nowMs()`.
 */
export async function readOrCreateStartTime(metadataDir: string, nowMs: () => number): Promise<number> {
  const file = join(metadataDir, '0');
  const text = await readIfExists(file);
  if (text !== undefined) return parseStartTime(text, file);
  const ms = nowMs();
  await mkdir(metadataDir, { recursive: true });
  // Written aside and renamed into place so a crash never leaves a partial file.
  const tmp = join(metadataDir, `.0.${randomUUID()}.tmp`);
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(`v${VERSION}\n${ms}`, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return ms;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function parseStartTime(text: string, file: string): number {
  const nl = text.indexOf('\n');
  const versionLine = nl > 0 ? text.slice(0, nl) : '';
  const version = /^v([0-9]+)$/.exec(versionLine.trim())?.[1];
  if (version === undefined) {
    throw new Error(`Log file was malformed: failed to detect the log file version line. (${file})`);
  }
  if (Number(version) > VERSION) {
    throw new Error(
      `${file} has log version v${version}, but this version of Caudal reads up to v${VERSION}: ` +
        'it was written by a newer version. Upgrade Caudal to continue from this checkpoint.',
    );
  }
  const body = text.slice(nl + 1).trim();
  const ms = Number(body);
  if (body === '' || !Number.isSafeInteger(ms)) {
    throw new Error(`Log file was malformed: expected the start time in milliseconds after 'v${version}', got '${body}'. (${file})`);
  }
  return ms;
}
