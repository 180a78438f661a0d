import { existsSync } from 'node:fs';
import { basename, sep } from 'node:path';
import { AnalysisError, FileSinkLog } from '@caudal/core';
import { isGlob } from '../listing/glob-pattern.ts';
import { listFiles, localPath, type InputFile, type ListingSettings } from '../listing/list-files.ts';

/** Where the files came from: a file sink's manifest (complete by construction) or a directory listing. */
export interface SourceFiles {
  readonly files: InputFile[];
  readonly committed: boolean;
}

/**
 * The files a file source sees under `path`: when `path` is a file sink's output folder (it holds
 * `_caudal_metadata`), only the files its manifest has committed, never a part file of a batch that
 * failed; otherwise the listing (`recursiveFileLookup`, `pathGlobFilter`, globs). A path that does not
 * exist, or a glob that matches nothing, has no files: the folder may appear later.
 */
export function listSourceFiles(path: string, listing: ListingSettings): SourceFiles {
  const abs = localPath(path);
  if (!hasGlob(abs)) {
    const committed = FileSinkLog.readCommittedEntries(abs);
    if (committed !== null) {
      const filter = listing.nameFilter;
      const files = committed.filter((f) => filter === undefined || filter.test(basename(f.path)));
      return { files, committed: true };
    }
    if (!existsSync(abs)) return { files: [], committed: false };
  }
  try {
    return { files: listFiles(abs, listing), committed: false };
  } catch (e) {
    // A glob that matches nothing (yet), or a folder removed while it was listed.
    if (isMissing(e)) return { files: [], committed: false };
    throw e;
  }
}

/**
 * The files a batch read of `path` sees: a file sink's committed files when `path` is its output folder
 * (never a part file of a failed batch), else the listing, which fails for a path that does not exist.
 */
export function listBatchFiles(path: string, listing: ListingSettings): InputFile[] {
  const abs = localPath(path);
  if (!hasGlob(abs)) {
    const found = listSourceFiles(abs, listing);
    if (found.committed) return [...found.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
  return listFiles(abs, listing);
}

export function hasGlob(abs: string): boolean {
  return abs.split(sep).some(isGlob);
}

function isMissing(e: unknown): boolean {
  if (e instanceof AnalysisError) return e.message.startsWith('Path does not exist:');
  return (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
