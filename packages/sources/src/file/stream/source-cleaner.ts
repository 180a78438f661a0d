import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Log } from '../../common/log.ts';
import { localPath } from '../listing/list-files.ts';

/**
 * `cleanSource`: after a batch commits, its input files are moved under `sourceArchiveDir` (keeping their own
 * path: `/in/a/x.json` → `<archive>/in/a/x.json`) or deleted. Best effort, as in Spark: a failure is logged
 * and the query goes on; a file that cannot be archived stays where it is (and is not read again).
 */
export class SourceCleaner {
  constructor(
    private readonly mode: 'archive' | 'delete',
    private readonly archiveDir: string | undefined,
    private readonly log: Log,
  ) {}

  async clean(paths: readonly string[]): Promise<void> {
    for (const p of paths) {
      const path = localPath(p);
      try {
        if (this.mode === 'delete') await rm(path);
        else await this.archive(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // cleaned already
        this.log(`Failed to ${this.mode} the source file ${path}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  private async archive(path: string): Promise<void> {
    const target = join(this.archiveDir!, path);
    await stat(path); // ENOENT here: archived already (a restart repeats the last batch's clean-up)
    if (await exists(target)) throw new Error(`the archive already holds ${target}`);
    await mkdir(dirname(target), { recursive: true });
    try {
      await rename(path, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
      // Another file system: copy, then remove the original.
      await copyFile(path, target);
      await rm(path);
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
