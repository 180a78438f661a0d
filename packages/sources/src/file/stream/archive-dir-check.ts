import { sep } from 'node:path';
import { globToRegExp } from '../listing/glob-pattern.ts';

/**
 * Spark's check for `sourceArchiveDir` (SourceFileArchiver): over the first `min(depth of source, depth of
 * archive)` path components, the archive path must not match the source path's pattern component by
 * component; otherwise an archived file (`<archive>/<its own path>`) could be listed again as a new input.
 * An archive folder inside the source folder, or the source folder itself, always fails.
 */
export function archiveDirOverlapsSource(sourcePath: string, archiveDir: string): boolean {
  const source = components(sourcePath);
  const archive = components(archiveDir);
  const depth = Math.min(source.length, archive.length);
  for (let i = 0; i < depth; i++) {
    if (!globToRegExp(source[i]!).test(archive[i]!)) return false;
  }
  return true;
}

function components(abs: string): string[] {
  return abs.split(sep).filter((p) => p !== '');
}
