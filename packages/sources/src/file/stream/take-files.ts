import type { InputFile } from '../listing/list-files.ts';

/** How many new files one batch may take: Spark's ReadMaxFiles / ReadMaxBytes / ReadAllAvailable. */
export type FileLimit =
  | { readonly kind: 'all' }
  | { readonly kind: 'maxFiles'; readonly maxFiles: number }
  | { readonly kind: 'maxBytes'; readonly maxBytes: number };

/**
 * The files of the next batch, from the front of `files` (already in processing order). `maxBytes` takes
 * files while their total size stays within the limit, but always at least one, so one large file
 * cannot block the stream.
 */
export function takeFiles<F extends InputFile>(files: readonly F[], limit: FileLimit): F[] {
  return files.slice(0, takeCount(files, 0, limit));
}

/** How many files, from index `from`, the next batch takes. */
function takeCount(files: readonly InputFile[], from: number, limit: FileLimit): number {
  const left = files.length - from;
  switch (limit.kind) {
    case 'all': return left;
    case 'maxFiles': return Math.min(left, limit.maxFiles);
    case 'maxBytes': {
      let total = 0;
      let n = 0;
      while (n < left && (n === 0 || total + files[from + n]!.size <= limit.maxBytes)) total += files[from + n++]!.size;
      return n;
    }
  }
}

/** How many batches `limit` needs to take all of `files`. */
export function batchesNeeded(files: readonly InputFile[], limit: FileLimit): number {
  let batches = 0;
  for (let i = 0; i < files.length; batches++) i += takeCount(files, i, limit);
  return batches;
}

/** Oldest first (newest first with `latestFirst`); files with the same modification time by path. */
export function inProcessingOrder<F extends InputFile>(files: readonly F[], latestFirst: boolean): F[] {
  const dir = latestFirst ? -1 : 1;
  return [...files].sort((a, b) =>
    a.modificationTimeMs !== b.modificationTimeMs
      ? dir * (a.modificationTimeMs - b.modificationTimeMs)
      : a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
